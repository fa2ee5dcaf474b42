"""ASCII slugs for Vietnamese titles.

Django's and Wagtail's own ASCII slugifiers strip every character they cannot decompose, and
`đ`/`Đ` have no decomposition: `Đẩy mạnh` would become `ay-manh`. We transliterate first.
"""

import html
import re
import unicodedata

from django.utils.text import slugify
from unidecode import unidecode

# Each Vietnamese letter with its tone and vowel marks, grouped by the ASCII letter it becomes.
# Used by the admin's slug field (a JavaScript regex per group) so the slug proposed while an
# editor types matches the one the server would make.
VIETNAMESE_LETTER_GROUPS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}


def vietnamese_slugify(text: str, max_length: int = 255) -> str:
    """Return an ASCII slug: `Đẩy mạnh “Dân vận khéo”` → `day-manh-dan-van-kheo`."""
    ascii_text = unidecode(unicodedata.normalize("NFC", text or ""))
    slug = slugify(ascii_text)[:max_length].strip("-")
    return re.sub(r"-{2,}", "-", slug)


def slug_formatters() -> list[tuple[str, str, str]]:
    """Regex replacements for Wagtail's slug widget (`SlugInput(formatters=...)`).

    The admin's JavaScript transliteration has no Vietnamese map and maps `đ` to `dj`; these
    run before it, so the proposed slug is the server's one.
    """
    formatters = []
    for ascii_letter, letters in VIETNAMESE_LETTER_GROUPS.items():
        formatters.append((f"[{letters}]", ascii_letter, "gu"))
        formatters.append((f"[{letters.upper()}]", ascii_letter.upper(), "gu"))
    return formatters


def fold_for_search(text: str) -> str:
    """Lower-case ASCII with single spaces: `Dân vận khéo` and `dan van kheo` fold alike."""
    return " ".join(unidecode(html.unescape(text or "")).lower().split())
