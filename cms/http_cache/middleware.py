"""Shared-cache headers for the site's pages, and no shared caching of anything personal.

The site's pages opt in: Wagtail's pages through the `before_serve_page` hook
(cms/website/wagtail_hooks.py), Django views with `@shared_cache_page`. Both name the page's
scope (`home`, `unit-<slug>`, `category-<slug>`, `list`, `article-<id>`); the templates add the
articles they show (`{% shown %}`, cms/website/templatetags/site_tags.py). A successful GET of
such a page then gets a short public `max-age` (SITE_MAX_AGE) with the shared-cache directives
and its `Surrogate-Key`, or `private, no-cache` when it is personal (an editor, a session or
CSRF cookie, a preview, a cookie set). A view that set its own Cache-Control (`never_cache`, the
share form) keeps it.

The API and the feeds set their own headers from their cached entries (api/http_caching.py,
feeds/views.py); for them, and for every response, this middleware makes sure a response that
sets a cookie is never left shareable.
"""

import functools
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from . import surrogate_keys
from .cache_control import is_personal, is_shared, privatized, public_cache_control
from .freshness import content_version, next_window_change

_SHARED_PAGE = "shared_cache_page"
PERSONAL_PAGE_CACHE_CONTROL = "private, no-cache"


def mark_shared_page(request: HttpRequest, scope_keys: Iterable[str] = ()) -> None:
    """Let the response to `request` be kept by shared caches (if it is not personal), under
    these scope keys."""
    setattr(request, _SHARED_PAGE, True)
    surrogate_keys.for_request(request).add_scope(*scope_keys)


def shared_cache_page(scope: Callable[..., Iterable[str]] | Iterable[str] = ()):
    """Decorator: the view's successful GETs may be kept by shared caches. `scope` is the
    page's scope keys, or a function of the view's arguments that gives them."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            mark_shared_page(request, scope(request, *args, **kwargs) if callable(scope) else scope)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class SharedCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, _SHARED_PAGE, False):
            _page_headers(request, response)
        if surrogate_keys.HEADER not in response.headers and not response.cookies:
            return response  # nothing a shared cache could misuse
        shared = is_shared(response.get("Cache-Control", ""))
        if response.cookies and shared:
            # A Set-Cookie is one reader's: a shared cache must not hand it to the next.
            response["Cache-Control"] = privatized(response["Cache-Control"])
        if response.cookies or not shared:
            response.headers.pop(surrogate_keys.HEADER, None)
        return response


def _page_headers(request: HttpRequest, response: HttpResponse) -> None:
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.has_header("Cache-Control"):
        return
    if is_personal(request) or response.cookies:
        response["Cache-Control"] = PERSONAL_PAGE_CACHE_CONTROL
        return
    response["Cache-Control"] = public_cache_control(
        max_age=settings.SITE_MAX_AGE, window_moves_at=next_window_change(content_version())
    )
    keys = surrogate_keys.collected(request)
    if keys is not None and (keys.scope or keys.article_ids):
        response[surrogate_keys.HEADER] = keys.header()
