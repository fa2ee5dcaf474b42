"""The last resort for an unhandled exception: 503 while the database is unreachable, else 500
(in the API's JSON shape under /api/ and /feeds/, the site's page elsewhere).

A PostgreSQL restart or failover makes queries fail for a few seconds. That is an outage of a
dependency, not a bug: readers, member units' sites and feed readers get 503 with Retry-After
(JSON for the API and feeds, a page built without the database for the site) and come back.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    as_json = request.path.startswith(("/api/", "/feeds/"))
    if not isinstance(error, OperationalError | InterfaceError):
        if as_json:
            return JsonResponse(
                {"errors": {"detail": ["Lỗi máy chủ: yêu cầu chưa được xử lý, vui lòng thử lại sau."]}},
                status=500,
                json_dumps_params={"ensure_ascii": False},
            )
        return django_server_error(request, template_name=template_name)
    logger.warning("database unavailable: %s %s answered 503 (%s)", request.method, request.path, error)
    if as_json:
        response = JsonResponse(
            {"errors": {"detail": ["Dịch vụ tạm thời gián đoạn, vui lòng thử lại sau ít giây."]}},
            status=503,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def not_served(request, *args, **kwargs):
    """A route a library adds that this project does not serve: Wagtail's `admin/failwhale/`
    answers 500 on purpose (to try error reporting), and no request may produce a 5xx."""
    raise Http404
