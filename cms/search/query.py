"""What a reader types into a search box, parsed the way web search reads it.

- words: every one must be present (AND), as whole syllables;
- `"a quoted phrase"`: those syllables in that order (punctuation between them ignored);
- `-word`, `-"a phrase"`: articles with it are left out;
- `OR` (in capitals) between words or groups: either side may match.

Nothing a reader types is an error: an unbalanced quote runs to the end, a lone `-` or
punctuation is ignored, and a query left with nothing to look for matches nothing.
"""

import re
import unicodedata
from dataclasses import dataclass

from .text import exact, fold, syllables

MAX_TERMS = 12
# Typographic quotes count as quotes: Vietnamese keyboards and phones type them.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})
_PIECE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
OR = "OR"
# What no text can hold: NUL and the other C0 controls but tab and line breaks, lone surrogates.
_UNSEARCHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


@dataclass(frozen=True)
class Term:
    """One syllable: `folded` always; `exact` when the reader typed marks on it."""

    folded: str
    exact: str | None = None
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Syllables that must stand together, in order."""

    terms: tuple[Term, ...]


Item = Term | Phrase


@dataclass(frozen=True)
class SearchQuery:
    """Groups joined by OR, each a list of items that must all match; minus what is excluded."""

    groups: tuple[tuple[Item, ...], ...]
    excluded: tuple[Item, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def terms(self) -> list[Term]:
        """Every syllable the reader looks for, in order (for highlighting and snippets)."""
        found = []
        for group in self.groups:
            for item in group:
                found += item.terms if isinstance(item, Phrase) else [item]
        return found

    @property
    def phrases_are_pairs(self) -> bool:
        """Whether every item is a phrase of two whole syllables and nothing is excluded: then
        the syllable pairs alone decide a match."""
        items = [item for group in self.groups for item in group]
        return (
            bool(items)
            and not self.excluded
            and all(
                isinstance(item, Phrase) and len(item.terms) == 2 and not any(term.prefix for term in item.terms)
                for item in items
            )
        )


def has_unsearchable_characters(raw: str) -> bool:
    """Whether `raw` holds characters that no article can contain (the API answers 400 to them)."""
    return bool(_UNSEARCHABLE.search(raw or ""))


def _item(words: list[str]) -> Item | None:
    terms = tuple(Term(fold(word), exact(word)) for word in words)
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else Phrase(terms)


def parse(raw: str, *, prefix_last: bool = False) -> SearchQuery:
    """`raw` as a `SearchQuery`; `prefix_last` lets the last word match as a prefix (autocomplete)."""
    text = unicodedata.normalize("NFC", raw or "").translate(_QUOTES)
    groups: list[list[Item]] = [[]]
    excluded: list[Item] = []
    budget = MAX_TERMS
    for match in _PIECE.finditer(text):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare == OR:
            if groups[-1]:
                groups.append([])
            continue
        if bare is not None:
            negated = "-" if bare.startswith("-") else ""
            words = syllables(bare)
            # A hyphenated or dotted word (`COVID-19`, `v.v`) reads as its syllables in order.
            item = _item(words)
        else:
            item = _item(syllables(quoted))
        if item is None:
            continue
        size = len(item.terms) if isinstance(item, Phrase) else 1
        if size > budget:
            break
        budget -= size
        (excluded if negated else groups[-1]).append(item)
    kept = tuple(tuple(group) for group in groups if group)
    if prefix_last and kept and isinstance(kept[-1][-1], Term):
        last = kept[-1][-1]
        kept = (*kept[:-1], (*kept[-1][:-1], Term(last.folded, last.exact, prefix=True)))
    return SearchQuery(kept, tuple(excluded))
