"""The snippet choosers of the page editor, with ids that are not ids answering 404.

Wagtail's chosen views look the id from the URL (`chosen/<pk>/`, `chosen-multiple/?id=…`) up
as given: for a model with a numeric key, `chosen/abc/` raises the field's ValueError, a 500.
These views treat an id that cannot be a key like a missing one.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from wagtail.snippets.views.chooser import SnippetChooserViewSet as WagtailSnippetChooserViewSet
from wagtail.snippets.views.chooser import SnippetChosenMultipleView, SnippetChosenView


class ChosenView(SnippetChosenView):
    def get_object(self, pk):
        try:
            return super().get_object(pk)
        except (ValueError, ValidationError) as error:
            raise self.model_class.DoesNotExist(pk) from error


class ChosenMultipleView(SnippetChosenMultipleView):
    def get(self, request):
        try:
            return super().get(request)
        except (ValueError, ValidationError) as error:
            raise Http404 from error


class SnippetChooserViewSet(WagtailSnippetChooserViewSet):
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
