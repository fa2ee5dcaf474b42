"""django-csp's middleware, minus its work on responses that never carry a policy, plus the
policies of the two kinds of page that are not the public site.

django-csp builds the whole policy string for every response and only then looks at
`EXCLUDE_URL_PREFIXES`. The API and the feeds are excluded (JSON and XML are never rendered
as pages), and a cached answer or a 304 there has little else to do (bench/README.md).
Excluded paths skip it; every other response is handled by django-csp unchanged.

The Wagtail admin (`CSP_ADMIN`) and the API's interactive docs (`CSP_API_DOCS`) are pages, but
not the site's: each gets its own policy, the one it works under.
"""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

ADMIN_PREFIX = "/admin/"
API_DOCS_PATH = "/api/v1/docs/"


def _excluded(setting: str, path: str) -> bool:
    policy = getattr(settings, setting, None)
    if not policy:
        return True  # no such policy: nothing to add
    return path.startswith(tuple(policy.get("EXCLUDE_URL_PREFIXES") or ()))


def own_policy(path: str) -> dict | None:
    """The directives of a page with a policy of its own, or None for the site's policy."""
    if path.startswith(ADMIN_PREFIX):
        return settings.CSP_ADMIN
    if path == API_DOCS_PATH:
        return settings.CSP_API_DOCS
    return None


class ExcludedPathsFirstCSPMiddleware(CSPMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        path = request.path_info
        directives = own_policy(path)
        if directives is not None:
            if HEADER not in response and not getattr(response, "_csp_exempt", False):
                nonce = getattr(request, "_csp_nonce", None)  # set only when the page used it
                response[HEADER] = build_policy(config=directives, nonce=nonce if isinstance(nonce, str) else None)
            return response
        if _excluded("CONTENT_SECURITY_POLICY", path) and _excluded("CONTENT_SECURITY_POLICY_REPORT_ONLY", path):
            return response
        return super().process_response(request, response)
