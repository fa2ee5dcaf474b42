"""One JSON line per request: method, path, query string, status, duration and SQL query count.

Logged on the `cms.requests` logger at INFO, so production turns it on with LOG_REQUESTS and
development and tests stay quiet. The query string is kept (a failing request can be traced to
its parameter) with secrets redacted: API keys and tokens in the query, and the signed token
that is the path of a preview link.
"""

import functools
import json
import logging
import re
import time
from urllib.parse import parse_qsl, urlencode

from django.db import connections
from django.urls import reverse

from cms.ops.client_address import client_address

logger = logging.getLogger("cms.requests")


REDACTED = "[redacted]"
# Parameter names that carry a secret: api_key, apikey, key, token, access_token, signature…
SECRET_PARAMETER = re.compile(r"(^|[_-])(api[_-]?key|key|token|secret|password|signature|sig)$", re.IGNORECASE)


@functools.cache
def _preview_prefix() -> str:
    """`/xem-truoc/`: what comes after it in a path is a signed preview token."""
    return reverse("website:preview_link", args=["token"]).removesuffix("token/")


def redacted_path(path: str) -> str:
    prefix = _preview_prefix()
    if path.startswith(prefix) and len(path) > len(prefix):
        return f"{prefix}{REDACTED}/"
    return path


def redacted_query(query_string: str) -> str:
    """The query string as sent, each secret parameter's value replaced by `[redacted]`."""
    if not query_string:
        return ""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    if not any(SECRET_PARAMETER.search(name) for name, _value in pairs):
        return query_string
    return urlencode([(name, REDACTED if SECRET_PARAMETER.search(name) else value) for name, value in pairs])


class _QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not logger.isEnabledFor(logging.INFO):
            return self.get_response(request)
        counter = _QueryCounter()
        started = time.perf_counter()
        wrappers = [connection.execute_wrapper(counter) for connection in connections.all()]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        logger.info(
            json.dumps(
                {
                    "method": request.method,
                    "path": redacted_path(request.path),
                    "query": redacted_query(request.META.get("QUERY_STRING", "")),
                    "client": client_address(request),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "queries": counter.count,
                },
                ensure_ascii=False,
            )
        )
        return response
