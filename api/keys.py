"""API keys: `Authorization: Api-Key <key>` or `X-Api-Key: <key>` identifies a member unit's site.

Wrong keys count against the caller's address (cms.ops.guess_limits, "api_key"): after
settings.GUESS_LIMITS["api_key"] wrong keys the address gets 429 for every key until the window
ends. Only found keys are cached, so guesses leave no cache entries behind.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from cms.ops import guess_limits
from cms.ops.client_address import client_address

from .models import ApiKey, hash_key

KEY_CACHE_SECONDS = 60  # a unit losing its entitlement is seen within a minute


def cache_key_for(hashed_key: str) -> str:
    return f"api:key:{hashed_key}"


def raw_key_from(request: Request) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() == "api-key" and value.strip():
        return value.strip()
    return request.META.get("HTTP_X_API_KEY", "").strip() or None


def find_active_key(raw_key: str) -> ApiKey | None:
    """The active key with this value, from the shared cache when possible (saving a key clears it).

    A key that is not found is not cached: one entry per guess would let guessing fill the
    cache, and the guess limit already bounds how often one address makes us look.
    """
    hashed = hash_key(raw_key)
    cached = cache.get(cache_key_for(hashed))
    if isinstance(cached, ApiKey):
        return cached
    api_key = ApiKey.objects.select_related("unit").filter(hashed_key=hashed, revoked_at__isnull=True).first()
    if api_key is not None:
        cache.set(cache_key_for(hashed), api_key, KEY_CACHE_SECONDS)
    return api_key


class TooManyWrongKeys(exceptions.Throttled):
    """429 for an address that sent too many wrong keys; Retry-After says when it may try again."""

    def __init__(self, *, wait: int, detail: str):
        super().__init__(detail=detail)  # without DRF's English "Expected available in …" suffix
        self.wait = wait


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """No key: anonymous. A wrong or revoked key: 401, so a misconfigured site notices at once."""

    keyword = "Api-Key"

    def authenticate(self, request: Request):
        raw_key = raw_key_from(request)
        if raw_key is None:
            return None
        address = client_address(request)
        wait = guess_limits.seconds_locked_out("api_key", address)
        if wait:
            raise TooManyWrongKeys(
                wait=wait,
                detail=_("Địa chỉ của bạn đã gửi sai khóa API quá nhiều lần. Vui lòng thử lại sau %(minutes)d phút.")
                % {"minutes": guess_limits.minutes(wait)},
            )
        api_key = find_active_key(raw_key)
        if api_key is None:
            guess_limits.record_failure("api_key", address)
            raise exceptions.AuthenticationFailed(_("Khóa API không hợp lệ hoặc đã bị thu hồi."))
        return (AnonymousUser(), api_key)

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


def caller_key(request: Request) -> ApiKey | None:
    # A plain Django request (a stored response served before DRF) carries no key.
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, ApiKey) else None


def is_entitled_to_internal_news(request: Request) -> bool:
    """Only keys of units marked `receives_internal_news` see view-restricted articles."""
    api_key = caller_key(request)
    return bool(api_key and api_key.unit.receives_internal_news)
