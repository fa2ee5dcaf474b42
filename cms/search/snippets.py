"""What a results list shows of a match: the words marked, and the passage around the best match."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .query import SearchQuery, parse
from .text import fold

_SYLLABLE = re.compile(r"[^\W_]+")
SNIPPET_SYLLABLES = 36
LEAD_IN = 8  # syllables kept before the first match, so the passage reads from a little before it


class _Terms:
    """The folded syllables a query looks for; prefix terms (autocomplete) match a word's start."""

    def __init__(self, query: SearchQuery):
        self.order = [term.folded for term in query.terms]
        self.whole = {term.folded for term in query.terms if not term.prefix}
        self.prefixes = tuple(term.folded for term in query.terms if term.prefix)

    def __bool__(self):
        return bool(self.order)

    def matches(self, folded: str) -> bool:
        return folded in self.whole or (bool(self.prefixes) and folded.startswith(self.prefixes))


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(match.start(), match.end(), fold(match.group())) for match in _SYLLABLE.finditer(text)]


def _as_query(query: str | SearchQuery) -> SearchQuery:
    return parse(query) if isinstance(query, str) else query


def highlight(text: str, query: str | SearchQuery) -> SafeString:
    """`text`, HTML-escaped, with every whole syllable the query looks for in `<mark>`,
    whatever its accents: `dan van` marks `Dân vận`, never the `Dân` of `Dâng`."""
    text = unicodedata.normalize("NFC", text or "")
    terms = _Terms(_as_query(query))
    parts, cursor = [], 0
    spans = [(start, end) for start, end, folded in _words(text) if terms and terms.matches(folded)]
    for start, end in spans:
        parts.append(escape(text[cursor:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # every piece of text went through escape()


def snippet(text: str, query: str | SearchQuery, *, size: int = SNIPPET_SYLLABLES) -> str:
    """About `size` syllables of `text` around its best match: the passage with the most of the
    query's syllables, then the longest run of them in a row; the start of the text if none."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    words = _words(text)
    if not words:
        return ""
    terms = _Terms(_as_query(query))
    hits = [index for index, (_start, _end, folded) in enumerate(words) if terms and terms.matches(folded)]
    best, best_score = 0, (0, 0)
    for position, first in enumerate(hits):
        inside = [index for index in hits[position:] if index < first + size]
        distinct = len({words[index][2] for index in inside})
        run = longest = 1
        for previous, current in zip(inside, inside[1:], strict=False):
            run = run + 1 if current == previous + 1 else 1
            longest = max(longest, run)
        if (distinct, longest) > best_score:
            best, best_score = first, (distinct, longest)
    start = max(0, best - LEAD_IN) if hits else 0
    end = min(len(words), start + size)
    passage = text[words[start][0] : words[end - 1][1]]
    if end < len(words):
        passage += " …"
    if start > 0:
        passage = "… " + passage
    return passage
