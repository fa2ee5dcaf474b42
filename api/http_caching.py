"""Conditional GET, shared-cache headers and the server's response cache, for every API view.

A response is cached under (content version, caller's entitlement, path and sorted query).
Publishing, unpublishing, moving or deleting bumps the content version (cms/publishing/services.py)
in the shared cache, so every app server stops serving the old responses at once. The validators
change only when the body does (cms/http_cache/validators.py): the ETag is a hash of the body,
Last-Modified the moment that body was first rendered, so a publish elsewhere still leaves a
client's copy valid (304). Cache-Control and Surrogate-Key follow cms/http_cache.
"""

import hashlib
import re
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from cms.http_cache import response_cache, surrogate_keys
from cms.http_cache.cache_control import cache_control_for, is_personal
from cms.http_cache.validators import body_etag, conditional_response, first_rendered_at

# The request headers an answer depends on besides the URL (an API key makes it personal).
VARY = "Authorization, X-Api-Key"
# Query parameters that narrow a list to a unit, a category or a tag (comma-separated: any of them).
SCOPE_PARAMETERS = {"unit": "unit", "category": "category", "tag": "tag"}
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def response_cache_key(request: HttpRequest, *, entitled: bool) -> str:
    """Audience, path and sorted query; response_cache adds the content version."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    audience = "internal" if entitled else "public"
    raw = f"{audience}|{request.path}?{query}"
    return "api:response:" + hashlib.sha256(raw.encode()).hexdigest()


def surrogate_keys_for(request: HttpRequest, data, *, shows_articles: bool) -> surrogate_keys.SurrogateKeys:
    """What a response shows: an article detail is `article-<id>` (and its related articles);
    a list is its unit, category and tag keys (`list` without any), plus its articles."""
    keys = surrogate_keys.SurrogateKeys()
    if shows_articles and isinstance(data, dict) and "id" in data and "results" not in data:
        keys.add_scope(surrogate_keys.article_key(data["id"]))
        keys.add_articles(item["id"] for item in data.get("related") or ())
        return keys
    for parameter, kind in SCOPE_PARAMETERS.items():
        for slug in request.GET.get(parameter, "").split(","):
            slug = slug.strip()
            if not slug:
                continue
            if not _SLUG.fullmatch(slug):  # a slug no key can carry: every change purges `list`
                keys.scope = [surrogate_keys.LIST]
                break
            keys.add_scope(surrogate_keys.scope_key(kind, slug))
    if not keys.scope:
        keys.add_scope(surrogate_keys.LIST)
    if shows_articles and isinstance(data, dict):
        keys.add_articles(item["id"] for item in data.get("results") or () if "id" in item)
    return keys


def cached_json_response(
    request: HttpRequest,
    *,
    entitled: bool,
    build: Callable[[], Response],
    cache_seconds: int,
    shows_articles: bool = False,
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
        etag = body_etag(body)
        entry = {
            "body": body,
            "etag": etag,
            "last_modified": first_rendered_at(key, etag),
            "surrogate_keys": surrogate_keys_for(request, response.data, shows_articles=shows_articles).header(),
        }
        response_cache.store(key, version, entry, cache_seconds, since=since)
    return _stored_response(request, entry)


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
    return None if entry is None else _stored_response(request, entry)


def _accepts_json(accept: str | None) -> bool:
    if accept is None:
        return True
    tokens = [token.strip().lower() for token in accept.split(",")]
    return any(token.split(";")[0].strip() in ("*/*", "application/*", "application/json") for token in tokens) and (
        not any("q=0" in token.replace(" ", "") for token in tokens)
    )


def _stored_response(request: HttpRequest, entry: dict) -> HttpResponse:
    headers = {
        "ETag": entry["etag"],
        "Cache-Control": cache_control_for(
            request, max_age=settings.API_MAX_AGE, window_moves_at=entry.get("window_moves_at")
        ),
        "Vary": VARY,
    }
    if entry["last_modified"] is not None:
        headers["Last-Modified"] = http_date(entry["last_modified"])
    if entry.get("surrogate_keys") and not is_personal(request):
        headers[surrogate_keys.HEADER] = entry["surrogate_keys"]
    # 304 or 412 as Django decides them (RFC 9110 §13.2.2), with the validators, Cache-Control and Vary.
    return conditional_response(
        request,
        etag=entry["etag"],
        last_modified=entry["last_modified"],
        headers=headers,
        build=lambda: HttpResponse(entry["body"], content_type="application/json"),
    )
