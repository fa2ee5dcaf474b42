"""Content negotiation that reads the Accept header straight from the WSGI environ.

DRF's default reads `request.headers`, and Django builds that whole mapping (every header,
name by name) the first time anything touches it, for the one header negotiation reads
(bench/README.md). DRF's own parsing (with its limits on header and token length) still does
the work; it is only handed that header.
"""

from rest_framework.negotiation import DefaultContentNegotiation


class _AcceptHeaderOnly:
    def __init__(self, request) -> None:
        self.headers = {"accept": request.META.get("HTTP_ACCEPT", "*/*")}


class AcceptHeaderNegotiation(DefaultContentNegotiation):
    def get_accept_list(self, request) -> list[str]:
        return super().get_accept_list(_AcceptHeaderOnly(request))
