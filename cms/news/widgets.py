"""Admin widgets for the article form."""

import datetime
import json

from django import forms
from wagtail.admin.widgets import AdminDateInput

from .dates import WEEKDAYS, format_vietnamese_date


class ArticleDateInput(AdminDateInput):
    """Wagtail's date chooser plus the article's date line as readers will see it
    (`Thứ Sáu, 29/11/2024`), kept in step with the date typed or picked by a small script.

    The server renders the line of the stored date with `format_vietnamese_date`; the script
    receives the same weekday names, so both write the one format of `dates.py`.
    """

    template_name = "news/widgets/article_date_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        date = value if isinstance(value, datetime.date) else _parse(value, self.format)
        context["widget"]["date_line"] = format_vietnamese_date(date) if date else ""
        context["widget"]["weekdays_json"] = json.dumps(WEEKDAYS, ensure_ascii=False)
        return context

    @property
    def media(self):
        return super().media + forms.Media(js=["news/admin-date-line.js"])


def _parse(value, format_string: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.datetime.strptime(str(value), format_string).date()
    except ValueError:
        return None
