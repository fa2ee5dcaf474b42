"""The "Gửi cho bạn bè" form: what a reader may type, and everything refused."""

import re

from django import forms
from django.core.exceptions import ValidationError

NOTE_MAX_LENGTH = 500
NAME_MAX_LENGTH = 80

# A note must not carry links: URLs, `www.`, bare domains, HTML or BBCode links.
LINK_PATTERN = re.compile(
    r"[a-z][a-z0-9+.-]*://|www\.|<\s*a\b|\[url|href\s*="
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|vn|io|co|me|ru|cn|xyz|top|site|online|club|link|ly|tk|ml)\b",
    re.IGNORECASE,
)
LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]")


def _refuse_line_breaks(value: str) -> None:
    # A line break in a value that ends up in a mail header is a header injection attempt.
    if LINE_BREAKS.search(value or ""):
        raise ValidationError("Không được có ký tự xuống dòng.", code="header_injection")


class ShareArticleForm(forms.Form):
    recipient = forms.CharField(
        label="E-mail người nhận",
        max_length=254,
        validators=[_refuse_line_breaks],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        strip=False,
    )
    sender_name = forms.CharField(
        label="Tên của bạn", max_length=NAME_MAX_LENGTH, validators=[_refuse_line_breaks], strip=False
    )
    note = forms.CharField(
        label="Lời nhắn (không bắt buộc)",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": NOTE_MAX_LENGTH}),
        help_text=f"Tối đa {NOTE_MAX_LENGTH} ký tự, không chứa đường dẫn.",
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_recipient(self) -> str:
        value = self.cleaned_data["recipient"].strip()
        forms.EmailField().clean(value)
        return value

    def clean_sender_name(self) -> str:
        value = self.cleaned_data["sender_name"].strip()
        if not value:
            raise ValidationError("Vui lòng nhập tên của bạn.", code="required")
        if LINK_PATTERN.search(value):
            raise ValidationError("Tên không được chứa đường dẫn.", code="link")
        return value

    def clean_note(self) -> str:
        value = self.cleaned_data["note"].strip()
        if LINK_PATTERN.search(value):
            raise ValidationError("Lời nhắn không được chứa đường dẫn.", code="link")
        return value

    @property
    def is_bot_submission(self) -> bool:
        return bool(self.data.get("website"))
