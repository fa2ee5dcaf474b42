"""Feed endpoints (thin): parse `?page=`, get the rendered feed, answer with HTTP caching.

Errors: an unknown unit, category or tag slug and a page past the last one answer 404; a
`page` that is not a whole number ≥ 1 answers 400 with a JSON body naming the parameter.
"""

import re

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from cms.http_cache.cache_control import cache_control_for, is_personal
from cms.http_cache.surrogate_keys import HEADER as SURROGATE_KEY
from cms.http_cache.validators import conditional_response

from .rendering import PageOutOfRange, RenderedFeed, rendered_feed
from .scopes import ScopeNotFound

PAGE_PARAMETER = "page"
_PAGE_NUMBER = re.compile(r"[0-9]{1,12}")


class BadPageParameter(ValueError):
    """`?page=` is not a whole number ≥ 1."""


def page_number(query) -> int:
    """The requested page (1 when absent); `BadPageParameter` for anything but ASCII digits ≥ 1."""
    raw = query.get(PAGE_PARAMETER)
    if raw is None:
        return 1
    if not _PAGE_NUMBER.fullmatch(raw) or int(raw) < 1:
        raise BadPageParameter(raw)
    return int(raw)


def _bad_page(raw: str) -> JsonResponse:
    # The API's error shape (api/errors.py): messages listed under the parameter's name.
    message = f"Tham số page phải là số nguyên dương (1, 2, 3…), không phải “{raw}”."
    return JsonResponse({"errors": {PAGE_PARAMETER: [message]}}, status=400, json_dumps_params={"ensure_ascii": False})


def _caching_headers(request: HttpRequest, feed: RenderedFeed) -> dict[str, str]:
    # Set outright (no other layer adds caching directives to a feed): a warm feed or a 304 is
    # little more than these headers, so they are cheap strings, not parsed and merged.
    headers = {
        "ETag": feed.etag,
        "Last-Modified": feed.last_modified_http,
        "Cache-Control": cache_control_for(
            request, max_age=settings.FEED_MAX_AGE, window_moves_at=feed.window_moves_at
        ),
    }
    if feed.surrogate_keys and not is_personal(request):
        headers[SURROGATE_KEY] = feed.surrogate_keys
    return headers


@require_safe
def feed_view(request: HttpRequest, format_name: str, kind: str = "site", slug: str = "") -> HttpResponse:
    try:
        page = page_number(request.GET)
    except BadPageParameter as error:
        return _bad_page(str(error))
    try:
        feed = rendered_feed(kind, slug, format_name, page)
    except ScopeNotFound as error:
        raise Http404("Không có nguồn tin này.") from error
    except PageOutOfRange as error:
        raise Http404("Trang này vượt quá trang cuối của nguồn tin.") from error
    # Django decides 304 (weak If-None-Match, If-Modified-Since) or 412 (If-Match,
    # If-Unmodified-Since); a 304 keeps the validators and Cache-Control of the feed.
    return conditional_response(
        request,
        etag=feed.etag,
        last_modified=feed.last_modified,
        headers=_caching_headers(request, feed),
        build=lambda: HttpResponse(feed.body, content_type=feed.content_type),
    )
