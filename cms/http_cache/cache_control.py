"""`Cache-Control` for browsers and for a shared cache in front (a CDN, Varnish).

A public response may be kept by browsers `max-age` seconds and by shared caches `s-maxage`
(SHARED_CACHE_MAX_AGE), then served stale while it revalidates (`stale-while-revalidate`) or
while the app servers fail (`stale-if-error`). None of these reaches past the next moment a
publication window opens or closes (`freshness.next_window_change`): no cache serves an article
after it expired, nor a list without one whose window opened.

A personal response is `private`, with no shared-cache directive: a request with an API key
(`Authorization`, `X-Api-Key`), a session or CSRF cookie (an editor, a page password given), a
preview, and any response that sets a cookie (SharedCacheMiddleware sees to the last).
"""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest

from .freshness import now

SHARED_DIRECTIVES = ("public", "s-maxage", "stale-while-revalidate", "stale-if-error")


def is_personal(request: HttpRequest) -> bool:
    """Whether the answer to `request` may depend on who asks (so no shared cache may keep it)."""
    meta = request.META
    if "HTTP_AUTHORIZATION" in meta or "HTTP_X_API_KEY" in meta:
        return True
    if getattr(request, "is_preview", False):
        return True
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies


def seconds_until(moment: float | None) -> int | None:
    """Whole seconds from now to `moment` (None: no such moment), never negative."""
    return None if moment is None else max(0, int(moment - now()))


def _capped(seconds: int, limit: int | None) -> int:
    return max(0, seconds if limit is None else min(seconds, limit))


def public_cache_control(*, max_age: int, window_moves_at: float | None = None) -> str:
    """Directives for a response anyone may be given, browsers and shared caches alike."""
    return _public_directives(max_age, seconds_until(window_moves_at))


@functools.lru_cache(maxsize=256)
def _public_directives(max_age: int, until: int | None) -> str:
    # A few distinct answers serve every request (a cached feed or a 304 is little more than its
    # headers), so they are built once; a settings change in tests forgets them (below).
    shared = _capped(settings.SHARED_CACHE_MAX_AGE, until)
    # Served stale at an age past `shared`: that age must stay short of the window too.
    stale_limit = None if until is None else until - shared
    directives = [f"public, max-age={_capped(max_age, until)}", f"s-maxage={shared}"]
    for name, seconds in (
        ("stale-while-revalidate", settings.SHARED_CACHE_STALE_WHILE_REVALIDATE),
        ("stale-if-error", settings.SHARED_CACHE_STALE_IF_ERROR),
    ):
        seconds = _capped(seconds, stale_limit)
        if seconds:
            directives.append(f"{name}={seconds}")
    return ", ".join(directives)


@receiver(setting_changed)
def _forget_directives(**kwargs) -> None:
    _public_directives.cache_clear()


def private_cache_control(*, max_age: int, window_moves_at: float | None = None) -> str:
    return f"private, max-age={_capped(max_age, seconds_until(window_moves_at))}"


def cache_control_for(request: HttpRequest, *, max_age: int, window_moves_at: float | None = None) -> str:
    """Public directives for anyone, private ones for a personal request (`is_personal`)."""
    if is_personal(request):
        return private_cache_control(max_age=max_age, window_moves_at=window_moves_at)
    return public_cache_control(max_age=max_age, window_moves_at=window_moves_at)


@functools.lru_cache(maxsize=64)
def is_shared(cache_control: str) -> bool:
    """Whether these directives let a shared cache keep the response."""
    names = {directive.split("=")[0].strip().lower() for directive in cache_control.split(",")}
    return bool(names & {"public", "s-maxage"})


def privatized(cache_control: str) -> str:
    """The same directives for the browser alone: `private`, shared-cache directives dropped."""
    kept = [
        directive.strip()
        for directive in cache_control.split(",")
        if directive.strip() and directive.split("=")[0].strip().lower() not in (*SHARED_DIRECTIVES, "private")
    ]
    return ", ".join(["private", *kept])
