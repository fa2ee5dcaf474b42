"""What a results list shows of a match: the words marked, and the passage around the best match.

One regular expression, built from the query's folded syllables with each letter standing for
all its accented forms, finds the whole syllables and their positions in the text itself.
"""

import functools
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cms.news.slugs import VIETNAMESE_LETTER_GROUPS

from .query import SearchQuery, parse
from .text import fold

SNIPPET_CHARACTERS = 240
LEAD_IN = 50  # characters kept before the first match, so the passage reads from a little before it

# Each letter of a folded syllable, as the class of the letters that fold to it in any case:
# `a` → `[aAàÀáÁ…]`, `d` → `[dDđĐ]`.
_LETTERS: dict[str, str] = {}
for _base in "abcdefghijklmnopqrstuvwxyz":
    _variants = _base + VIETNAMESE_LETTER_GROUPS.get(_base, "")
    _LETTERS[_base] = "[" + re.escape(_variants + _variants.upper()) + "]"
_WORD_CHARACTER = r"[^\W_]"


def _syllable_pattern(folded: str) -> str:
    return "".join(_LETTERS.get(char) or re.escape(char) for char in folded)


@functools.lru_cache(maxsize=256)
def _pattern(terms: tuple[tuple[str, bool], ...]) -> re.Pattern | None:
    """One expression for the query's syllables (`(folded, prefix)`), matched on the text itself:
    it finds a whole syllable whatever its accents and case, so the text is never folded."""
    alternatives = sorted(
        {_syllable_pattern(folded) + (f"{_WORD_CHARACTER}*" if prefix else "") for folded, prefix in terms},
        key=len,
        reverse=True,
    )
    if not alternatives:
        return None
    return re.compile(f"(?<!{_WORD_CHARACTER})(?:{'|'.join(alternatives)})(?!{_WORD_CHARACTER})")


def _hits(text: str, query: SearchQuery) -> list[tuple[int, int]]:
    pattern = _pattern(tuple((term.folded, term.prefix) for term in query.terms))
    return [match.span() for match in pattern.finditer(text)] if pattern else []


def _as_query(query: str | SearchQuery) -> SearchQuery:
    return parse(query) if isinstance(query, str) else query


def highlight(text: str, query: str | SearchQuery) -> SafeString:
    """`text`, HTML-escaped, with every whole syllable the query looks for in `<mark>`,
    whatever its accents: `dan van` marks `Dân vận`, never the `Dân` of `Dâng`."""
    text = unicodedata.normalize("NFC", text or "")
    parts, cursor = [], 0
    for start, end in _hits(text, _as_query(query)):
        parts.append(escape(text[cursor:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # every piece of text went through escape()


def snippet(text: str, query: str | SearchQuery, *, size: int = SNIPPET_CHARACTERS) -> str:
    """About `size` characters of `text` around its best match: the passage with the most of the
    query's syllables, then the longest run of them in a row; the start of the text if none."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    if not text:
        return ""
    hits = _hits(text, _as_query(query))
    words = [fold(text[start:end]) for start, end in hits]
    best, best_score = 0, (0, 0)
    for position, (first, _end) in enumerate(hits):
        inside = [hit for hit in hits[position:] if hit[1] <= first + size]
        distinct = len(set(words[position : position + len(inside)]))
        run = longest = 1
        for (_start, previous_end), (start, _next_end) in zip(inside, inside[1:], strict=False):
            run = run + 1 if text[previous_end:start].strip() == "" else 1
            longest = max(longest, run)
        if (distinct, longest) > best_score:
            best, best_score = first, (distinct, longest)
    start = max(0, best - LEAD_IN) if hits else 0
    if start:
        start = text.find(" ", start, best) + 1 or best  # from the start of a word
    end = min(len(text), start + size)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end  # at the end of a word
    passage = text[start:end]
    if end < len(text):
        passage += " …"
    if start > 0:
        passage = "… " + passage
    return passage
