"""Sign-in failure counters, kept in the database where nothing evicts them."""

from __future__ import annotations

from django.db import models


class SignInCounter(models.Model):
    """Failed sign-ins counted under one key (a user name, an address, or both, hashed) in a
    window that starts at the first failure and ends at `window_ends` (a Unix time)."""

    key = models.CharField(max_length=64, primary_key=True)
    failures = models.PositiveIntegerField(default=0)
    window_ends = models.FloatField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key[:12]}…: {self.failures}"
