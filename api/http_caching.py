"""Conditional GET and the shared response cache, for every API view.

A response is cached under (content version, caller's entitlement, path and sorted query).
Publishing, unpublishing, moving or deleting bumps the content version (cms/publishing/services.py)
in the shared cache, so every app server stops serving the old responses at once. The ETag is
a hash of the body; Last-Modified is the newest publication or change in the response's scope.
"""

import datetime
import hashlib
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from cms.http_cache import response_cache

VARY_HEADERS = ("Authorization", "X-Api-Key")


def response_cache_key(request: HttpRequest, *, entitled: bool) -> str:
    """Audience, path and sorted query; response_cache adds the content version."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    audience = "internal" if entitled else "public"
    raw = f"{audience}|{request.path}?{query}"
    return "api:response:" + hashlib.sha256(raw.encode()).hexdigest()


def cached_json_response(
    request: HttpRequest,
    *,
    entitled: bool,
    build: Callable[[], Response],
    last_modified: Callable[[], datetime.datetime | None],
    cache_seconds: int,
) -> HttpResponse | Response:
    """The cached body, a 304, or `build()` rendered and stored. Errors (non-200) are never cached."""
    key = response_cache_key(request, entitled=entitled)
    version, entry = response_cache.lookup(key)
    if entry is None:
        since = response_cache.now()
        response = build()
        if response.status_code != 200:
            return response
        body = JSONRenderer().render(response.data)
        newest = last_modified()
        entry = {
            "body": body,
            "etag": '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
            "last_modified": int(newest.timestamp()) if newest else None,
        }
        response_cache.store(key, version, entry, cache_seconds, since=since)
    return _stored_response(request, entry, entitled=entitled)


def stored_response_for_anonymous_get(request: HttpRequest) -> HttpResponse | None:
    """The stored answer to an anonymous GET, or None (then the DRF view answers as usual).

    A cache hit does not need DRF's request machinery: only successful responses are stored,
    under the exact path and query, so a hit was already validated, negotiated and built for the
    same audience. Anything else takes the full road: a key (authentication), an Accept header
    that might not accept JSON (406), writes, and misses. The caller still applies the rate limit.
    """
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META or "HTTP_X_API_KEY" in request.META:
        return None
    if not _accepts_json(request.META.get("HTTP_ACCEPT")):
        return None
    _version, entry = response_cache.lookup(response_cache_key(request, entitled=False))
    return None if entry is None else _stored_response(request, entry, entitled=False)


def _accepts_json(accept: str | None) -> bool:
    if accept is None:
        return True
    tokens = [token.strip().lower() for token in accept.split(",")]
    return any(token.split(";")[0].strip() in ("*/*", "application/*", "application/json") for token in tokens) and (
        not any("q=0" in token.replace(" ", "") for token in tokens)
    )


def _stored_response(request: HttpRequest, entry: dict, *, entitled: bool) -> HttpResponse:
    response = HttpResponse(entry["body"], content_type="application/json")
    response["ETag"] = entry["etag"]
    response["Cache-Control"] = (
        f"{'private' if entitled else 'public'}, max-age={response_cache.max_age(entry, settings.API_MAX_AGE)}"
    )
    response["Vary"] = ", ".join(VARY_HEADERS)
    if entry["last_modified"] is not None:
        response["Last-Modified"] = http_date(entry["last_modified"])
    # 304 or 412 as Django decides them (RFC 9110 §13.2.2), with the validators, Cache-Control and Vary.
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
    )
