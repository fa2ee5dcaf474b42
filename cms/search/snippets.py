"""What a results list shows of a match: the words marked, and the passage around the best match.

One regular expression, built from the query's folded syllables with each letter standing for
all its accented forms, finds the whole syllables and their positions in the text itself.
"""

import bisect
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
    _LETTERS[_base] = re.escape(_variants + _variants.upper())
_WORD_CHARACTER = r"[^\W_]"
_SPACE = re.compile(r"\s+")


def _letters(char: str) -> str:
    """The inside of the class of `char`'s forms."""
    return _LETTERS.get(char) or re.escape(char)


def _class(char: str) -> str:
    return f"[{_letters(char)}]"


def _syllable_pattern(folded: str) -> str:
    return "".join(map(_class, folded))


@functools.lru_cache(maxsize=256)
def _pattern(terms: tuple[tuple[str, bool], ...]) -> re.Pattern | None:
    """One expression for the query's syllables (`(folded, prefix)`), matched on the text itself:
    it finds a whole syllable whatever its accents and case, so the text is never folded."""
    # The expression starts with one character class, the union of every syllable's first letter,
    # so that `re` skips ahead to the candidates instead of trying each alternative at every
    # character; the boundary before the match and each alternative's own first letter are then
    # checked behind that letter.
    syllables = sorted({(folded, prefix) for folded, prefix in terms if folded}, key=lambda t: len(t[0]), reverse=True)
    if not syllables:
        return None
    firsts = "".join(dict.fromkeys(_letters(folded[0]) for folded, _prefix in syllables))
    alternatives = [
        f"(?<={_class(folded[0])}){_syllable_pattern(folded[1:])}" + (f"{_WORD_CHARACTER}*" if prefix else "")
        for folded, prefix in syllables
    ]
    return re.compile(f"[{firsts}](?<!{_WORD_CHARACTER}.)(?:{'|'.join(alternatives)})(?!{_WORD_CHARACTER})")


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
    # Cut from the text as it is and only the passage's spaces collapsed: collapsing a whole
    # article first would cost more than finding its matches.
    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        return ""
    hits = _hits(text, _as_query(query))
    words = [fold(text[start:end]) for start, end in hits]
    ends = [end for _start, end in hits]
    next_to_previous = [False] + [text[ends[i] : hits[i + 1][0]].isspace() for i in range(len(hits) - 1)]
    best, best_score = 0, (0, 0)
    for position, (first, _end) in enumerate(hits):
        last = bisect.bisect_right(ends, first + size, lo=position)  # the hits within `size` of this one
        distinct = len(set(words[position:last]))
        run = longest = 1
        for index in range(position + 1, last):
            run = run + 1 if next_to_previous[index] else 1
            longest = max(longest, run)
        if (distinct, longest) > best_score:
            best, best_score = first, (distinct, longest)
    start = max(0, best - LEAD_IN) if hits else 0
    if start:
        space = _SPACE.search(text, start, best)  # from the start of a word
        start = space.end() if space else best
    end = min(len(text), start + size)
    if end < len(text):
        space = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
        end = space if space > start else end  # at the end of a word
    passage = " ".join(text[start:end].split())
    if end < len(text):
        passage += " …"
    if start > 0:
        passage = "… " + passage
    return passage
