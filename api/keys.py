"""API keys: `Authorization: Api-Key <key>` or `X-Api-Key: <key>` identifies a member unit's site."""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from .models import ApiKey, hash_key

KEY_CACHE_SECONDS = 60  # a unit losing its entitlement is seen within a minute
_MISSING = "missing"


def cache_key_for(hashed_key: str) -> str:
    return f"api:key:{hashed_key}"


def raw_key_from(request: Request) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() == "api-key" and value.strip():
        return value.strip()
    return request.META.get("HTTP_X_API_KEY", "").strip() or None


def find_active_key(raw_key: str) -> ApiKey | None:
    """The active key with this value, from the shared cache when possible (saving a key clears it)."""
    hashed = hash_key(raw_key)
    cached = cache.get(cache_key_for(hashed))
    if cached == _MISSING:
        return None
    if cached is not None:
        return cached
    api_key = ApiKey.objects.select_related("unit").filter(hashed_key=hashed, revoked_at__isnull=True).first()
    cache.set(cache_key_for(hashed), api_key or _MISSING, KEY_CACHE_SECONDS)
    return api_key


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """No key: anonymous. A wrong or revoked key: 401, so a misconfigured site notices at once."""

    keyword = "Api-Key"

    def authenticate(self, request: Request):
        raw_key = raw_key_from(request)
        if raw_key is None:
            return None
        api_key = find_active_key(raw_key)
        if api_key is None:
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
