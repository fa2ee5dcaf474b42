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

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response

from .freshness import now
from .surrogate_keys import HEADER as SURROGATE_KEY

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
    request: HttpRequest, response: HttpResponse, *, etag: str, last_modified: int | None
) -> HttpResponse:
    """`response`, or the 304/412 Django decides for `request`; a 304 keeps the validators,
    Cache-Control and Vary (Django copies them) and the Surrogate-Key (for a shared cache's
    revalidation)."""
    answer = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    if answer is not response and answer.status_code == 304 and SURROGATE_KEY in response:
        answer[SURROGATE_KEY] = response[SURROGATE_KEY]
    return answer
