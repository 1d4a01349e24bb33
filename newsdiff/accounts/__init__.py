"""Accounts: roles (Editors, Readers), access helpers for views, and sign-in throttling."""
