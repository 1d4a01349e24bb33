"""Sign-in forms (the site's and the admin's) that refuse to check a password while throttled."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm

from newsdiff.accounts import throttle


class ThrottledSignInMixin:
    """Wraps `clean`: while blocked, a clear error and no password check; failures counted;
    a success clears the count."""

    request: Any
    data: Any

    def clean(self) -> dict[str, Any]:
        username = str(self.data.get("username", ""))
        ip = throttle.client_ip(self.request) if self.request else "unknown"
        minutes = throttle.wait_minutes(username, ip)
        if minutes:
            raise forms.ValidationError(
                throttle.TOO_MANY_ATTEMPTS.format(minutes=minutes), code="throttled"
            )
        try:
            cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        except forms.ValidationError:
            throttle.failure_record(username, ip)
            raise
        throttle.failures_clear(username, ip)
        return cleaned


class SignInForm(ThrottledSignInMixin, AuthenticationForm):
    pass


class AdminSignInForm(ThrottledSignInMixin, AdminAuthenticationForm):
    pass
