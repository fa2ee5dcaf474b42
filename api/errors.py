"""One error shape for every failure: `{"errors": {"<parameter or 'detail'>": ["message", ...]}}`.

Member units' code can show `errors[name]` next to the parameter it names; errors that belong to
no parameter (not found, throttled, method not allowed, bad key) are under `detail`.
"""

from django import forms
from django.http import JsonResponse
from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler


def _as_message_lists(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            str(name): [str(message) for message in (messages if isinstance(messages, list) else [messages])]
            for name, messages in detail.items()
        }
    if isinstance(detail, list):
        return {"detail": [str(message) for message in detail]}
    return {"detail": [str(detail)]}


def api_exception_handler(exc, context):
    """DRF's handler (status, headers such as Retry-After), then our body shape."""
    response = exception_handler(exc, context)
    if response is not None:
        detail = exc.detail if hasattr(exc, "detail") else response.data
        response.data = {"errors": _as_message_lists(detail)}
    return response


def form_errors(form: forms.Form) -> dict[str, list[str]]:
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def raise_for_form(form: forms.Form) -> dict:
    """The form's cleaned data, or a 400 naming each bad parameter."""
    if not form.is_valid():
        raise ValidationError(form_errors(form))
    return form.cleaned_data


def not_found(request, *args, **kwargs) -> JsonResponse:
    """Unknown addresses under /api/v1/ answer in the API's shape too, never with an HTML page."""
    return JsonResponse(
        {"errors": {"detail": ["Không tìm thấy địa chỉ này trong API."]}},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )
