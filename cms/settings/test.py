"""Test settings: fast password hashing, in-memory mail, media in a temporary folder."""

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
