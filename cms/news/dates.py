"""Dates as the old corporate site wrote them: `Thứ Sáu, 29/11/2024`."""

import datetime

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def format_vietnamese_date(value: datetime.date) -> str:
    """Weekday in words, capitalised, then dd/mm/yyyy."""
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y}"
