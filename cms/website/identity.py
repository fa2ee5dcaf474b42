"""Who the site belongs to: the corporation's name, logo and contacts, read from the site
setting editors change in the admin (`SiteIdentity`), one function for every output (pages,
error pages, feeds, e-mails, JSON-LD).

Read through the shared cache (cleared when the setting is saved), and never fatal: while the
database cannot answer (an error page, an outage) the last cached identity or the defaults
below are used.
"""

import logging
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.db.transaction import TransactionManagementError

from cms.http_cache.freshness import content_version

logger = logging.getLogger(__name__)

CACHE_TIMEOUT = 24 * 3600
_CACHE_PREFIX = "website:identity:"


@dataclass(frozen=True)
class Identity:
    name: str
    short_name: str
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    facebook_url: str = ""
    youtube_url: str = ""
    zalo_url: str = ""
    logo_url: str = ""
    logo_width: int = 0
    logo_height: int = 0

    @property
    def phone_link(self) -> str:
        """`tel:` form of the phone number (digits and a leading +)."""
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        return f"tel:{digits}" if digits else ""

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [("Facebook", self.facebook_url), ("YouTube", self.youtube_url), ("Zalo", self.zalo_url)]
        return [(label, url) for label, url in links if url]


# The first values of the setting (model defaults) and the fallback while the database is away.
DEFAULT_IDENTITY = Identity(
    name="Tổng công ty Phát điện 2",
    short_name="EVNGENCO2",
    address="Số 01 Lê Hồng Phong, phường Trà An, quận Bình Thủy, thành phố Cần Thơ",
    phone="(0292) 2 222 200",
    email="info@evngenco2.vn",
)


def request_host(request) -> str:
    """The host a request is for, as a cache key part ("default" without a request or a valid host)."""
    if request is None:
        return "default"
    try:
        return request.get_host()
    except DisallowedHost:
        return "default"


def site_identity(site=None, *, request=None, use_database: bool = True) -> Identity:
    """The identity of `site` (or the site serving `request`, or the default site).

    Cached per content version, which saving the setting bumps (apps.py), so every app server
    shows the new name at once. `use_database=False` reads only the cache (the 503 page, built
    while the database is down).
    """
    try:
        version = content_version()
    except Exception as error:  # a cache outage must not take an error page down with it
        logger.warning("site identity read without the cache: %s", error)
        version = None
    where = f"site-{site.pk}" if site is not None else request_host(request)
    key = f"{_CACHE_PREFIX}{version}:{where}"
    cached = cache.get(key) if version is not None else None
    if cached is not None:
        return cached
    if not use_database:
        return DEFAULT_IDENTITY
    try:
        identity = _read_identity(site, request)
    except (DatabaseError, TransactionManagementError) as error:
        logger.warning("site identity read from defaults, the database did not answer: %s", error)
        return DEFAULT_IDENTITY
    if version is not None:
        cache.set(key, identity, CACHE_TIMEOUT)
    return identity


def _read_identity(site, request) -> Identity:
    from wagtail.models import Site

    from .models import SiteIdentity

    if site is None:
        site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return DEFAULT_IDENTITY
    setting = SiteIdentity.for_site(site)
    identity = Identity(
        **{field: getattr(setting, field) or "" for field in _TEXT_FIELDS},
    )
    if setting.logo_id:
        identity = replace(identity, **_logo(setting.logo))
    return identity


_TEXT_FIELDS = (
    "name",
    "short_name",
    "address",
    "phone",
    "fax",
    "email",
    "website",
    "facebook_url",
    "youtube_url",
    "zalo_url",
)


def _logo(image) -> dict:
    from wagtail.images.models import SourceImageIOError

    try:
        shown = image.get_rendition("height-96")
    except (SourceImageIOError, OSError) as error:  # an unreadable original: the default mark is shown
        logger.warning("logo %s has no rendition: %s", image.pk, error)
        return {}
    return {"logo_url": shown.url, "logo_width": shown.width, "logo_height": shown.height}
