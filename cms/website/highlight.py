"""Mark the searched words in a result, ignoring accents: `dan van` marks `Dân vận`."""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from unidecode import unidecode

from cms.news.selectors import MAX_SEARCH_TERMS
from cms.news.slugs import fold_for_search


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character, and for each folded character its original index."""
    folded, positions = [], []
    for index, char in enumerate(text):
        for folded_char in unidecode(char).lower():
            folded.append(folded_char)
            positions.append(index)
    return "".join(folded), positions


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    folded, positions = _folded_with_positions(text)
    spans = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((positions[start], positions[end - 1] + 1))
            start = folded.find(term, end)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, query: str) -> SafeString:
    """`text`, HTML-escaped, with every occurrence of the query's words wrapped in `<mark>`."""
    text = unicodedata.normalize("NFC", text or "")
    terms = [term for term in fold_for_search(query).split()[:MAX_SEARCH_TERMS] if term]
    if not terms:
        return escape(text)
    parts, cursor = [], 0
    for start, end in _spans(text, terms):
        parts.append(escape(text[cursor:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # every piece of text went through escape()
