"""One error shape for every failure: `{"errors": {"<parameter or 'detail'>": ["message", ...]}}`.

Member units' code can show `errors[name]` next to the parameter it names; errors that belong to
no parameter (not found, throttled, method not allowed, bad key) are under `detail`.
"""

import math

from django import forms
from django.http import JsonResponse
from rest_framework import exceptions
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


def throttled_message(wait: float | None) -> str:
    seconds = max(1, math.ceil(wait)) if wait is not None else 60
    return f"Quá nhiều yêu cầu trong thời gian ngắn, thử lại sau {seconds} giây."


# DRF raises these itself, in English (or in the Accept-Language): the API answers in Vietnamese.
RAISED_BY_DRF = {
    exceptions.MethodNotAllowed: "Phương thức {method} không được hỗ trợ: API chỉ đọc (GET, HEAD, OPTIONS).",
    exceptions.NotAcceptable: "Không có định dạng nào trong header Accept mà API trả được: API trả application/json.",
    exceptions.UnsupportedMediaType: "API không nhận nội dung gửi lên.",
    exceptions.ParseError: "Không đọc được nội dung yêu cầu.",
}
# These we also raise with messages of our own; only DRF's default text is replaced.
DEFAULT_TEXT = {
    exceptions.NotAuthenticated: "Cần khóa API để truy cập.",
    exceptions.AuthenticationFailed: "Khóa API không hợp lệ hoặc đã bị thu hồi.",
    exceptions.PermissionDenied: "Bạn không có quyền truy cập tài nguyên này.",
    exceptions.NotFound: "Không tìm thấy.",
}


def _vietnamese_detail(exc, context):
    """The Vietnamese message for an error DRF worded, or None to keep the exception's own."""
    if isinstance(exc, exceptions.Throttled):
        # A refusal of our own (guess limits) already says why, in Vietnamese.
        worded_by_drf = str(exc.detail).startswith(str(exceptions.Throttled.default_detail))
        return throttled_message(exc.wait) if worded_by_drf else None
    for exception_class, message in RAISED_BY_DRF.items():
        if isinstance(exc, exception_class):
            return message.format(method=getattr(context.get("request"), "method", ""))
    message = DEFAULT_TEXT.get(type(exc))
    if message is not None and str(exc.detail) == str(type(exc).default_detail):
        return message
    return None


def api_exception_handler(exc, context):
    """DRF's handler (status, headers such as Retry-After), then our body shape, in Vietnamese."""
    response = exception_handler(exc, context)
    if response is not None:
        detail = _vietnamese_detail(exc, context)
        if detail is None:
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
