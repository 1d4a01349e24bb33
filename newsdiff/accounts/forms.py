"""Sign-in forms (the site's and the admin's) that refuse to check a password while throttled."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm

from newsdiff.accounts import throttle


class ThrottledSignInMixin:
    """Wraps `clean`: while throttled, a clear error and no password check; failures counted;
    a success clears the count and remembers the browser for the user name."""

    request: Any
    data: Any

    def clean(self) -> dict[str, Any]:
        attempt = throttle.attempt_for(self.request, str(self.data.get("username", "")))
        message = throttle.wait_message(attempt)
        if message:
            raise forms.ValidationError(message, code="throttled")
        try:
            cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        except forms.ValidationError:
            throttle.failure_record(attempt)
            raise
        throttle.success_record(attempt, self.request)
        return cleaned


class SignInForm(ThrottledSignInMixin, AuthenticationForm):
    pass


class AdminSignInForm(ThrottledSignInMixin, AdminAuthenticationForm):
    pass
