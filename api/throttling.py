"""Rate limits: anonymous callers per client address, API keys per key (a higher rate).

The address is the one rule's (cms.ops.client_address, settings.TRUSTED_PROXIES), never DRF's
own reading of X-Forwarded-For.

Counters live in Django's cache, which is Redis in production, so the limit holds across
every app server. Rates are read at request time from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from cms.ops.client_address import client_address

from .keys import caller_key


class _SettingsRateThrottle(SimpleRateThrottle):
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_address(request)


class AnonymousCallerThrottle(_SettingsRateThrottle):
    scope = "anonymous"

    def get_cache_key(self, request, view):
        if caller_key(request) is not None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class ApiKeyThrottle(_SettingsRateThrottle):
    scope = "api_key"

    def get_cache_key(self, request, view):
        api_key = caller_key(request)
        if api_key is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": api_key.pk}
