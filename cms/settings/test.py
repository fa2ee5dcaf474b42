"""Test settings: fast password hashing, in-memory mail, media in a temporary folder."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-media-")
SITE_URL = env("SITE_URL", default="http://testserver")
WAGTAILADMIN_BASE_URL = SITE_URL

# A test database of its own per run, so concurrent runs on one PostgreSQL never collide
# (SQLite tests run in memory anyway).
if "sqlite" not in DATABASES["default"]["ENGINE"]:  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": env("TEST_DATABASE_NAME", default=f"test_cms_{os.getpid()}")}  # noqa: F405
STATIC_ROOT = tempfile.mkdtemp(prefix="cms-test-static-")

# Failed-login lockout has its own tests, which switch it on.
AXES_ENABLED = False

# The suite counts views in the buffer and flushes them explicitly, on either cache; the
# embedded default (stored at once) has its own tests, which switch it off.
VIEW_COUNTS_BUFFERED = True
