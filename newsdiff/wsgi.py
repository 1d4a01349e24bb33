"""WSGI entry point for newsdiff."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
application = get_wsgi_application()
