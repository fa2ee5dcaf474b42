"""Public addresses of many pages at once, the same as Wagtail's `get_url_parts` gives.

Wagtail resolves the site root and reverses the `wagtail_serve` URL pattern for each page, and
a feed or an API list asks for dozens of addresses in one request (bench/README.md).
`PublicUrls` looks the site roots and the serving prefix up once and then only slices
`url_path`. Pages that Wagtail itself would route differently (several sites claiming the
page, or Wagtail's i18n URL prefixes) take Wagtail's own road.
"""

from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.models import Page, Site

# What Django's reverse() leaves unquoted in a path (django.urls.resolvers).
_PATH_SAFE = "!$&'()*+,;=/~:@"


class PublicUrls:
    """Absolute URLs (on SITE_URL, never a request's Host) of pages served by this site."""

    @cached_property
    def _roots(self) -> list[tuple[int, str]]:
        """(site id, tree path of its root page) of every site. Read in one small query:
        Wagtail's `Site.get_site_root_paths` also builds each site's root URL and language,
        which these addresses do not need, and is only kept while a cache is configured."""
        return list(Site.objects.values_list("id", "root_page__url_path"))

    @cached_property
    def _serve_prefix(self) -> str:
        return reverse("wagtail_serve", args=("",))

    def routed_by_wagtail(self, url_path: str) -> bool:
        """Whether only Wagtail can route this path: several sites claim it, or i18n is on."""
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return True
        return len({site_id for site_id, root_path in self._roots if url_path.startswith(root_path)}) > 1

    def path(self, page: Page) -> str | None:
        """The page's path relative to its site root, or None when no site serves it."""
        if self.routed_by_wagtail(page.url_path):
            parts = page.get_url_parts(self)
            return parts[2] if parts else None
        return self.path_of(page.url_path)

    def path_of(self, url_path: str) -> str | None:
        """`path()` from the tree path alone, for a path not `routed_by_wagtail`."""
        for _site_id, root_path in self._roots:
            if url_path.startswith(root_path):
                return self._serve_prefix + quote(url_path[len(root_path) :], safe=_PATH_SAFE)
        return None

    def absolute(self, page: Page) -> str | None:
        return _on_site(self.path(page))

    def absolute_of(self, url_path: str) -> str | None:
        return _on_site(self.path_of(url_path))


def _on_site(path: str | None) -> str | None:
    return f"{settings.SITE_URL}{path}" if path is not None else None
