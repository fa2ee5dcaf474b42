"""Validators that change only when the body does, and the conditional answer built on them.

The ETag is a hash of the rendered body, so a publish elsewhere (which re-renders every cached
response: the content version changed) gives the same ETag to a response whose body is the
same, and its clients get 304. Last-Modified is the moment that body was first rendered for
that response, remembered in the shared cache per (response, body): a re-render of the same
body keeps it, a new body gets a new one. Not the newest publication the body shows: a list
changes without any newer publication in it when an article leaves it or a page shifts, and a
client asking If-Modified-Since must then get the new body.

The 304/412 decision is Django's (`get_conditional_response`: weak If-None-Match comparison,
If-Modified-Since, If-Match, If-Unmodified-Since, HEAD).
"""

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response

from .freshness import now

FIRST_RENDERED_PREFIX = "http:first-rendered"
# How long a body's first rendering is remembered; forgotten, a re-render counts as a new one
# (Last-Modified moves forward: a client re-downloads once, it never misses a change).
REMEMBER_SECONDS = 30 * 86400


def body_etag(body: bytes) -> str:
    """A strong ETag from the body's bytes."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def first_rendered_at(key: str, etag: str, *, newest: float | None = None) -> int:
    """Unix time the body with this `etag` was first rendered for the response `key` (`now`
    the first time; never before `newest`, the newest change the body shows).

    The first app server to remember it wins (`cache.add`), so every server gives one answer.
    """
    memory_key = f"{FIRST_RENDERED_PREFIX}:{key}:{etag.strip(chr(34))}"
    stamp = max(int(now()), int(newest or 0))
    if cache.add(memory_key, stamp, REMEMBER_SECONDS):
        return stamp
    stored = cache.get(memory_key)
    return int(stored) if stored is not None else stamp


def conditional_response(
    request: HttpRequest,
    *,
    etag: str,
    last_modified: int | None,
    headers: dict[str, str],
    build: Callable[[], HttpResponse],
) -> HttpResponse:
    """The 304 or 412 Django decides for `request`, else `build()` (the 200); the 200 and the
    304 both carry `headers` (validators, Cache-Control, Vary, Surrogate-Key: what a 304 must
    repeat, and what a shared cache revalidating needs). The 200 is only built when it is the
    answer: a 304 is the bulk of a feed's traffic."""
    answer = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if answer is None:
        answer = build()
    elif answer.status_code != 304:
        return answer
    for name, value in headers.items():
        answer[name] = value
    return answer
