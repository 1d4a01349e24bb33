"""The Django-free text core: clean, segment, claims, embed, align.

Plain functions and frozen dataclasses only. Nothing in this package may import Django
(a test checks it); the Django apps store and show what it returns.
"""
