"""Benchmark settings: production-like (DEBUG off, PostgreSQL), plus the baselines we compare
against, mounted here only: Wagtail's API v2, Django's syndication framework and a bare view.

BENCH_CACHE=off swaps the cache for a dummy one (every request is "cold").
"""

import os

from cms.settings.base import *  # noqa: F403
from cms.settings.base import INSTALLED_APPS, env

DEBUG = False
SECRET_KEY = "bench-only-key"
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/cms_bench")}
DATABASES["default"]["CONN_MAX_AGE"] = 60
if os.environ.get("BENCH_CACHE") == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL", default="redis://127.0.0.1:6379/9"),
            "KEY_PREFIX": "bench",
            "OPTIONS": {"CLIENT_CLASS": "cms.ops.redis_cache.CircuitBreakerClient", "IGNORE_EXCEPTIONS": True},
        }
    }
# Rate limits would throttle the load generator.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": [], "DEFAULT_THROTTLE_RATES": {}}  # noqa: F405
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "bench" / "media")  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": True}
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]  # noqa: F405
# The seed writes the article search documents in bulk itself (bench/seed.py), not one task per page.
WAGTAILSEARCH_BACKENDS = {"default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = BASE_DIR / "bench" / "static"  # noqa: F405
STATIC_ROOT.mkdir(exist_ok=True)
