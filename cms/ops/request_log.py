"""One JSON line per request: method, path, status, duration and SQL query count.

Logged on the `cms.requests` logger at INFO, so production turns it on with LOG_REQUESTS and
development and tests stay quiet.
"""

import json
import logging
import time

from django.db import connections

from cms.ops.client_address import client_address

logger = logging.getLogger("cms.requests")


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
                    "path": request.path,
                    "client": client_address(request),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "queries": counter.count,
                },
                ensure_ascii=False,
            )
        )
        return response
