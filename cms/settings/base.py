"""Settings shared by every environment.

Every value that differs between machines comes from the environment (django-environ), with a
safe default so that a newcomer needs nothing installed: SQLite and local-memory cache.
"""

from pathlib import Path

import environ
from csp.constants import NONCE

from cms.ops.client_address import parse_trusted_proxies

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core -------------------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Absolute URLs in the API and feeds are built from this, never from request headers.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = env("SITE_NAME", default="Tổng công ty Phát điện 2")

INSTALLED_APPS = [
    "cms.news",
    "cms.search",
    "cms.ops",
    "cms.website",
    "api",
    "feeds",
    "cms.publishing",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "corsheaders",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Wagtail's admin uses humanize's `naturaltime` ("5 giây trước" in the workflow status); the
    # app must be installed for its Vietnamese catalog to load.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "cms.ops.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Sees the response after the session, CSRF and auth middleware below have set their cookies:
    # Cache-Control and Surrogate-Key for shared caches, private for anything personal.
    "cms.http_cache.middleware.SharedCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.ops.csp.ExcludedPathsFirstCSPMiddleware",
    # Before anything looks the path up or reads a parameter: NUL and lone surrogates answer
    # 404/400 here, not a database error further in (cms/ops/unreadable_input.py).
    "cms.ops.unreadable_input.RefuseUnreadableInputMiddleware",
    # An admin chooser given an id that cannot be a key: 404, not the field's ValueError.
    "cms.ops.chooser_lookups.ChooserLookupMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: locks out repeated failed admin logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="cms"),
            # A Redis outage degrades to cache misses, never to hung workers or 500s: errors
            # answered as misses, short timeouts, and a circuit breaker (cms/ops/redis_cache.py).
            "OPTIONS": {
                "CLIENT_CLASS": "cms.ops.redis_cache.CircuitBreakerClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}}

# --- Language and time ------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Labels the login form's password field in the admin language (Wagtail leaves it English).
WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_login.LoginForm"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# The admin is Vietnamese whatever language the editor's browser asks for (Wagtail would follow
# Accept-Language when the user has no preference of their own).
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAIL_USER_TIME_ZONES = ["Asia/Ho_Chi_Minh"]
# Slugs stay ASCII: Vietnamese titles are transliterated (cms/news/slugs.py), never truncated.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Security ---------------------------------------------------------------------------------
# Addresses or CIDRs of the reverse proxies in front of the app servers. Only a request from one
# of them has its X-Forwarded-For read (from the right, skipping trusted proxies): every rate
# limit, lockout, view count and log line takes the client's address from cms/ops/client_address.py.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
parse_trusted_proxies(TRUSTED_PROXIES)  # a typo fails at start-up, not as one address for everyone

# Failed admin logins: locked out per user name and address after AXES_FAILURE_LIMIT tries.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.ops.client_address.client_address"
# Wrong page view passwords and wrong API keys: (failures, per seconds) per client address, after
# which the address is refused until the window ends (cms/ops/guess_limits.py).
GUESS_LIMITS = {
    "page_password": (env.int("PAGE_PASSWORD_FAILURE_LIMIT", default=5), int(AXES_COOLOFF_TIME * 3600)),
    "api_key": (env.int("API_KEY_FAILURE_LIMIT", default=10), int(AXES_COOLOFF_TIME * 3600)),
}

# Content Security Policy for the public site: no inline scripts or styles, nothing from other
# hosts (the site must also work on an intranet). The Wagtail admin and the API's interactive
# docs (/api/v1/docs/) keep their own rules.
CONTENT_SECURITY_POLICY = {
    # JSON and XML are never rendered as pages: a policy there would only cost time.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/api/", "/feeds/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The API's interactive docs: Swagger UI's inline style and script carry the request's nonce,
# the schema is fetched from this host.
CSP_API_DOCS = {
    "default-src": ["'self'"],
    "script-src": ["'self'", NONCE],
    "style-src": ["'self'", NONCE],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Wagtail's admin, what it needs (tests/test_browser_csp.py loads it in Chromium): its form
# widgets (date choosers, image and snippet choosers) start with inline scripts, its widgets set
# style attributes, previews run in a same-origin iframe, uploads are previewed from blob: URLs.
# Nothing from another host, no plugins, forms post only here, framed only by itself.
CSP_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "connect-src": ["'self'"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Absolute URLs come from SITE_URL; the Host a proxy forwards is never trusted for them.
USE_X_FORWARDED_HOST = False

# --- Static and media -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ----------------------------------------------------------------------------------
# Nothing in the admin reaches outside an intranet: no Gravatar avatars, no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# One search for the site, the API and the admin: Wagtail's search framework with our backend,
# which keeps articles in a Vietnamese-aware index of its own (cms/search) and hands every other
# model to Wagtail's database backend (on PostgreSQL with the same `vietnamese` configuration).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend", "SEARCH_CONFIG": "vietnamese"}}
# Avatars from the admin's own static files: nothing is fetched from other hosts (the admin's
# CSP allows none, and it must also work on an intranet).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv", "zip"]

# --- E-mail -----------------------------------------------------------------------------------
vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="tin-tuc@localhost")

# --- API --------------------------------------------------------------------------------------
INSTALLED_APPS += ["drf_spectacular_sidecar"]  # Swagger UI served from our static files: works offline
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.AcceptHeaderNegotiation",
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.keys.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousCallerThrottle", "api.throttling.ApiKeyThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anonymous": env("API_ANONYMOUS_RATE", default="120/min"),
        "api_key": env("API_KEY_RATE", default="1200/min"),
    },
    "EXCEPTION_HANDLER": "api.errors.api_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API tin tức EVNGENCO2",
    "DESCRIPTION": (
        "API chỉ đọc cho trang web của các đơn vị thành viên. Khóa API gửi trong header "
        "`Authorization: Api-Key <khóa>` hoặc `X-Api-Key`. Mọi lỗi có dạng "
        '`{"errors": {"<tham số>": ["<thông báo>"]}}`.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["api.schema.only_public_api"],
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.empty_values_mean_absent"],
}
API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=600)  # publishing invalidates earlier
API_MAX_AGE = env.int("API_MAX_AGE", default=60)  # what browsers and proxies may reuse unchecked
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/(api|feeds)/.*$"
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "authorization", "if-modified-since", "if-none-match", "x-api-key"]
CORS_EXPOSE_HEADERS = ["etag", "last-modified", "retry-after"]

# --- Corporate site (cms/website) --------------------------------------------------------------
# "Gửi cho bạn bè": (how many mails, per how many seconds) per sender IP, per recipient, site-wide.
SHARE_RATE_LIMITS = {
    "ip": (env.int("SHARE_LIMIT_PER_IP", default=5), 3600),
    "recipient": (env.int("SHARE_LIMIT_PER_RECIPIENT", default=3), 86400),
    "global": (env.int("SHARE_LIMIT_GLOBAL", default=200), 3600),
}
# "Xem nhiều nhất": one address counts at most this many views of an article per day, whatever
# its cookies or browser (enough for a corporate NAT of many readers).
VIEWS_PER_ADDRESS_PER_DAY = env.int("VIEWS_PER_ADDRESS_PER_DAY", default=20)
# Buffered: the beacon only counts in the shared cache and `flush_view_counts` stores the counts
# (production, Redis). Not buffered: each counted view is stored at once by the process that
# counted it, as a local-memory cache is seen by no other process (the embedded default).
VIEW_COUNTS_BUFFERED = env.bool("VIEW_COUNTS_BUFFERED", default=bool(REDIS_URL))
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# A signed preview link for a member unit's web team stays valid this long (seconds).
PREVIEW_LINK_MAX_AGE = env.int("PREVIEW_LINK_MAX_AGE", default=3 * 86400)
# Numbered pages (`?page=`) a list of articles has at most; past them, "Tin cũ hơn" links go on
# by the last article's date and id (cms/pagination.py). An OFFSET still reads every article
# before its page: the bound keeps the deepest numbered page near the first (bench/README.md).
SITE_MAX_PAGES = env.int("SITE_MAX_PAGES", default=20)

# Sitemaps: URLs per part of /sitemap.xml (the protocol allows at most 50,000), seconds a
# rendered part is kept (publishing renders afresh at once) and may be reused by HTTP caches.
SITEMAP_PART_SIZE = env.int("SITEMAP_PART_SIZE", default=1_000)
SITEMAP_CACHE_SECONDS = env.int("SITEMAP_CACHE_SECONDS", default=3600)
SITEMAP_MAX_AGE = env.int("SITEMAP_MAX_AGE", default=300)

# --- HTTP caches in front (a CDN or Varnish; cms/http_cache) ---------------------------------------
# What a shared cache may do with a public response: keep it SHARED_CACHE_MAX_AGE seconds
# (`s-maxage`, never past the next publication-window change), serve it stale that long while it
# revalidates, and that long while the app servers fail. Browsers get the shorter max-ages
# (API_MAX_AGE, FEED_MAX_AGE, SITE_MAX_AGE). Responses to API-key callers, previews, editors and
# anything with a session or CSRF cookie are `private`, without these.
SHARED_CACHE_MAX_AGE = env.int("SHARED_CACHE_MAX_AGE", default=300)
SHARED_CACHE_STALE_WHILE_REVALIDATE = env.int("SHARED_CACHE_STALE_WHILE_REVALIDATE", default=60)
SHARED_CACHE_STALE_IF_ERROR = env.int("SHARED_CACHE_STALE_IF_ERROR", default=86400)
SITE_MAX_AGE = env.int("SITE_MAX_AGE", default=60)  # the site's pages, for browsers
# The `Surrogate-Key` header naming what a response shows stays under this many bytes; a longer
# one falls back to broader keys (cms/http_cache/surrogate_keys.py).
SURROGATE_KEY_MAX_BYTES = env.int("SURROGATE_KEY_MAX_BYTES", default=2048)
# Varnish in front (deploy/varnish/cms.vcl), purged by surrogate key on every change
# (cms/http_cache/purge.py), through wagtail.contrib.frontend_cache's backend registry: one
# backend per address in VARNISH_URLS (comma-separated, e.g. http://127.0.0.1:6081). Empty (the
# default): no shared cache, purging does nothing. A failed purge is retried by the task worker
# FRONTEND_CACHE_PURGE_ATTEMPTS times in all, 1 s, 2 s, 4 s … apart.
VARNISH_URLS = env.list("VARNISH_URLS", default=[])
WAGTAILFRONTENDCACHE = {
    f"varnish-{number}": {"BACKEND": "cms.http_cache.purge.VarnishBackend", "LOCATION": url, "TIMEOUT": 2.0}
    for number, url in enumerate(VARNISH_URLS, start=1)
}
FRONTEND_CACHE_PURGE_ATTEMPTS = env.int("FRONTEND_CACHE_PURGE_ATTEMPTS", default=5)
# …and a purge that succeeded is sent again this many seconds later (with a worker; 0: never), for
# the answers rendered before the change that were still on their way to the cache.
FRONTEND_CACHE_REPURGE_SECONDS = env.int("FRONTEND_CACHE_REPURGE_SECONDS", default=5)

# --- Content ----------------------------------------------------------------------------------
LEGACY_DEMO_DIR = BASE_DIR / "cms" / "news" / "demo" / "legacy"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"message": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "requests": {"class": "logging.StreamHandler", "formatter": "message"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {
        # One JSON line per request (cms/ops/request_log.py) when LOG_REQUESTS is on.
        "cms.requests": {
            "handlers": ["requests"],
            "level": "INFO" if env.bool("LOG_REQUESTS", default=False) else "WARNING",
            "propagate": False,
        },
    },
}

# --- Feeds ------------------------------------------------------------------------------------
# Items per feed page (RFC 5005 paging serves older ones at ?page=2, …).
FEED_ITEMS = env.int("FEED_ITEMS", default=50)
# Pages a feed has at most (1,000 articles by default, an OFFSET no deeper than that): older
# articles are in the API (its cursors, /changes/), not the feed.
FEED_MAX_PAGES = env.int("FEED_MAX_PAGES", default=20)
# Authority of the entries' tag: URIs (RFC 4151). Fixed once: changing the domain later must not
# change the ids that readers already hold.
FEED_TAG_AUTHORITY = env("FEED_TAG_AUTHORITY", default="evngenco2.vn,2024")
# Seconds a rendered feed may be served from the cache / by HTTP caches.
FEED_CACHE_SECONDS = env.int("FEED_CACHE_SECONDS", default=300)
FEED_MAX_AGE = env.int("FEED_MAX_AGE", default=60)
# WebSub hub (https://www.w3.org/TR/websub/); empty = no hub announced, no pings sent.
WEBSUB_HUB_URL = env("WEBSUB_HUB_URL", default="")
WEBSUB_TIMEOUT = env.float("WEBSUB_TIMEOUT", default=3.0)
WEBSUB_ATTEMPTS = env.int("WEBSUB_ATTEMPTS", default=3)
# Article tags' slugs are ASCII like page slugs (`công đoàn` → `cong-doan`): tag feed URLs
# /feeds/tags/<slug>/ stay readable and stable. cms.news.models.ArticleTag makes them.
