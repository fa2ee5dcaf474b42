"""The site's menu, built from the content: news sections, member units and categories.

Built in two queries and kept in the shared cache per content version (publishing, moving or
unpublishing a section, or saving a unit or a category, makes a new version), so a page pays
nothing for its header once the menu is cached. The same data gives a unit label its link and
an article its breadcrumb without further queries.
"""

import logging
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import DatabaseError
from django.db.transaction import TransactionManagementError
from django.urls import reverse

from cms.http_cache.freshness import content_version
from cms.news.models import NewsIndexPage
from cms.news.selectors import categories

from .identity import Identity, request_host

logger = logging.getLogger(__name__)

CACHE_TIMEOUT = 24 * 3600


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    path: str = ""  # the page's tree path, for sections (breadcrumbs)
    unit_id: int | None = None
    label: str = ""  # a unit's short name, for article labels


@dataclass(frozen=True)
class Navigation:
    sections: list[Link] = field(default_factory=list)  # the corporation's own news sections
    units: list[Link] = field(default_factory=list)  # member units' news sections
    categories: list[Link] = field(default_factory=list)

    def unit_link(self, unit_id: int) -> Link | None:
        """The unit's news section, titled with the unit's short name."""
        for link in (*self.sections, *self.units):
            if link.unit_id == unit_id:
                return link
        return None

    def section_at(self, tree_path: str) -> Link | None:
        for link in (*self.sections, *self.units):
            if link.path == tree_path:
                return link
        return None


EMPTY = Navigation()


def site_navigation(request, identity: Identity) -> Navigation:
    """The menu of the site serving `request`; empty (never an error) when the database is away."""
    key = f"website:navigation:{content_version()}:{request_host(request)}:{identity.short_name}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    try:
        navigation = _build(request, identity)
    except (DatabaseError, TransactionManagementError) as error:
        logger.warning("menu left empty, the database did not answer: %s", error)
        return EMPTY
    cache.set(key, navigation, CACHE_TIMEOUT)
    return navigation


def _is_the_corporation(unit, identity: Identity) -> bool:
    return unit.name == identity.name or (bool(unit.short_name) and unit.short_name == identity.short_name)


def _build(request, identity: Identity) -> Navigation:
    sections, units = [], []
    indexes = NewsIndexPage.objects.live().public().select_related("unit").order_by("path")
    for index in indexes:
        url = index.get_url(request)
        if not url:
            continue
        if index.unit is None or _is_the_corporation(index.unit, identity):
            sections.append(
                Link(index.title, url, index.path, index.unit_id, index.unit.short_name if index.unit else "")
            )
        else:
            short = index.unit.short_name or index.unit.name
            units.append(Link(short, url, index.path, index.unit_id, short))
    units.sort(key=lambda link: link.title)
    category_links = [
        Link(name, reverse("website:category", args=[slug])) for name, slug in categories().values_list("name", "slug")
    ]
    return Navigation(sections=sections, units=units, categories=category_links)
