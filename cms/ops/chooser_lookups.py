"""The admin's choosers: an id in the URL that cannot be a key answers 404, as a missing one does.

Wagtail's chosen views (images, documents, every snippet: `chosen/<pk>/` and
`chosen-multiple/?id=…`) look the id up as given. For a model with a numeric key, `chosen/abc/`
raises the key field's ValueError, which would be a 500. Every chooser, Wagtail's and ours,
shares those two views, so they are answered here once instead of in each viewset.
"""

from django.core.exceptions import ValidationError
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpRequest

CHOSEN_VIEWS = frozenset({"chosen", "chosen_multiple"})


class ChooserLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        match = request.resolver_match
        if isinstance(exception, ValueError | ValidationError) and match and match.url_name in CHOSEN_VIEWS:
            return response_for_exception(request, Http404("No item has this id."))
        return None
