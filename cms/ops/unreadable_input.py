"""Characters that no parameter may hold, refused before any code reads the request.

NUL cannot be stored in PostgreSQL text nor carried in XML, and a lone surrogate cannot be
encoded as UTF-8: either one, handed to the database or a template, is a 500. No legitimate
path, query parameter, form field, cookie or header holds them, so they are refused here,
once, for every route (the API, the feeds, the site and Wagtail's admin alike):

- in the path: 404, as such a path names nothing (so is a path part of digits beyond the
  largest id a table can hold: `<int:…>` accepts any length, SQLite then overflows);
- in a query parameter, a form field or a header: 400 naming it (JSON in the API's shape under
  /api/ and /feeds/, a page with the message on the site).

Values that are readable but wrong (dates, numbers, cursors) are each parameter's own business.
"""

import functools
import re

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse

UNREADABLE = re.compile("[\x00\ud800-\udfff]")
MAX_ID = 2**63 - 1
_LONG_NUMBER = re.compile(r"(?:^|/)([0-9]{19,})(?=/|$)")
JSON_PREFIXES = ("/api/", "/feeds/")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MESSAGE = "Giá trị chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lẻ): hãy bỏ ký tự đó và gửi lại."
NOT_FOUND = "Không tìm thấy địa chỉ này."


class UnreadableInput(ValueError):
    """A parameter (`name`) or the path holds a character nothing can store or show."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def _printable(name: str) -> str:
    return UNREADABLE.sub("\N{REPLACEMENT CHARACTER}", name)


def names_nothing(path: str) -> bool:
    """The path holds NUL, a lone surrogate, or a number no id can be."""
    if UNREADABLE.search(path):
        return True
    return any(int(number) > MAX_ID for number in _LONG_NUMBER.findall(path))


@functools.cache
def _handled_by_their_view() -> frozenset[tuple[str, str]]:
    """(path, parameter) pairs whose view answers unreadable characters itself: the search page
    shows its own message for a `q` it cannot search (cms/website/views.py)."""
    return frozenset({(reverse("website:search"), "q")})


def _check_pairs(pairs, path: str = "") -> None:
    for name, values in pairs:
        if UNREADABLE.search(name):
            raise UnreadableInput(_printable(name))
        if (path, name) in _handled_by_their_view():
            continue
        for value in values:
            if isinstance(value, str) and UNREADABLE.search(value):
                raise UnreadableInput(name)


def check_request(request: HttpRequest) -> None:
    """`UnreadableInput` naming the first parameter that holds NUL or a lone surrogate."""
    if request.META.get("QUERY_STRING"):
        _check_pairs(request.GET.lists(), request.path_info)
    headers = [(key, value) for key, value in request.META.items() if key.startswith("HTTP_")]
    if any(UNREADABLE.search(value) for _key, value in headers if isinstance(value, str)):
        for key, value in headers:
            if isinstance(value, str) and UNREADABLE.search(value):
                raise UnreadableInput(key[5:].replace("_", "-").title())
    if request.method == "POST" and request.content_type in FORM_TYPES:
        _check_pairs(request.POST.lists())


def _json_error(name: str, message: str, status: int) -> JsonResponse:
    return JsonResponse({"errors": {name: [message]}}, status=status, json_dumps_params={"ensure_ascii": False})


def _page(message: str, status: int) -> HttpResponse:
    return HttpResponse(render_to_string("400.html", {"message": message, "status": status}), status=status)


class RefuseUnreadableInputMiddleware:
    """Sits before anything that looks the path up (Wagtail's redirects) or reads parameters."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        as_json = request.path_info.startswith(JSON_PREFIXES)
        if names_nothing(request.path_info):
            return _json_error("detail", NOT_FOUND, 404) if as_json else _page(NOT_FOUND, 404)
        try:
            check_request(request)
        except UnreadableInput as error:
            if as_json:
                return _json_error(error.name, MESSAGE, 400)
            return _page(f"Tham số “{error.name}”: {MESSAGE}", 400)
        return self.get_response(request)
