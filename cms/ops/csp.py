"""django-csp's middleware, minus its work on responses that never carry a policy.

django-csp builds the whole policy string for every response and only then looks at
`EXCLUDE_URL_PREFIXES`. The API and the feeds are excluded (JSON and XML are never rendered
as pages), and for a cached answer or a 304 building that string was the largest single cost
left in the request. Excluded paths now skip it; every other response is handled by
django-csp unchanged.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase


def _excluded(setting: str, path: str) -> bool:
    policy = getattr(settings, setting, None)
    if not policy:
        return True  # no such policy: nothing to add
    return path.startswith(tuple(policy.get("EXCLUDE_URL_PREFIXES") or ()))


class ExcludedPathsFirstCSPMiddleware(CSPMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        path = request.path_info
        if _excluded("CONTENT_SECURITY_POLICY", path) and _excluded("CONTENT_SECURITY_POLICY_REPORT_ONLY", path):
            return response
        return super().process_response(request, response)
