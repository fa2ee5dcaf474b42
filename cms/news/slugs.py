"""ASCII slugs for Vietnamese titles and tags.

Django's and Wagtail's own ASCII slugifiers strip every character they cannot decompose, and
`đ`/`Đ` have no decomposition: `Đẩy mạnh` would become `ay-manh`. We transliterate first, with
anyascii.
"""

import re
import unicodedata

from anyascii import anyascii
from django.utils.text import slugify

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

# anyascii spells a pictograph as its short name (`🔥` → `:fire:`).
_EMOJI_NAME = re.compile(r":\w+:")


def vietnamese_slugify(text: str, max_length: int = 255) -> str:
    """Return an ASCII slug: `Đẩy mạnh “Dân vận khéo”` → `day-manh-dan-van-kheo`.

    Vietnamese letters, typographic quotes, dashes and digits give the slugs they always gave
    (pages and tags are found by them: tests/test_slugs.py holds them). Beyond Vietnamese, a
    slug keeps what a reader of the title takes from it:

    - `×` reads as `x`: `2×300 MW` → `2x300-mw` (anyascii's `*` would give `2300-mw`);
    - an ideograph is a syllable of its own, as Vietnamese writes Sino-Vietnamese words:
      `中国电力` → `zhong-guo-dian-li`, not one run `zhongguodianli`;
    - an arrow separates the words it stands between: `Hà Nội→Cần Thơ` → `ha-noi-can-tho`;
    - a fraction's digits stay apart from the number before it: `1½` → `1-1-2`, never `112`;
    - an emoji or a flag is decoration and leaves nothing: `🔥 Tin nóng` → `tin-nong`, not
      `fire-tin-nong`;
    - every other character is anyascii's transliteration (other scripts, currency signs:
      `£` → `gbp`); an invisible character (zero-width space, soft hyphen) leaves nothing.
    """
    ascii_text = "".join(_ascii(character) for character in unicodedata.normalize("NFC", text or ""))
    slug = slugify(ascii_text)[:max_length].strip("-")
    return re.sub(r"-{2,}", "-", slug)


def _ascii(character: str) -> str:
    if character.isascii():
        return character
    if character == "×":
        return "x"
    name = unicodedata.name(character, "")
    category = unicodedata.category(character)
    if category.startswith("S") and "ARROW" in name:
        return " "
    ascii_form = anyascii(character)
    if _EMOJI_NAME.fullmatch(ascii_form) or name.startswith("REGIONAL INDICATOR SYMBOL"):
        return ""
    if category == "No" and "/" in ascii_form:
        return f" {ascii_form.replace('/', ' ')} "
    if name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")):
        return f" {ascii_form} "
    return ascii_form


def tag_slugify(name: str, number: int | None = None) -> str:
    """The slug of a new tag (`công đoàn` → `cong-doan`), with taggit's `_1`, `_2`, … when other
    tags took it. Tag feeds and the API's `tag=` filter find tags by it."""
    slug = vietnamese_slugify(name, max_length=100)
    return slug if number is None else f"{slug}_{number}"


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
