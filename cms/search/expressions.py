"""A parsed query written in each engine's own match syntax.

Tokens are syllables (`[^\\W_]+`, see `text.py`): they never hold a quote, an operator or a
space, so writing them inside quotes is safe, and the strings still travel as SQL parameters.
"""

from .query import Item, Phrase, SearchQuery, Term
from .text import PAIR_SEPARATOR


def _fts5_term(term: Term) -> str:
    return f'"{term.folded}"' + ("*" if term.prefix else "")


def _fts5_item(item: Item) -> str:
    if isinstance(item, Phrase):
        return '"' + " ".join(term.folded for term in item.terms) + '"'
    return _fts5_term(item)


def _tsquery_term(term: Term) -> str:
    return f"'{term.folded}'" + (":*" if term.prefix else "")


def _tsquery_item(item: Item) -> str:
    if isinstance(item, Phrase):
        return "(" + " <-> ".join(_tsquery_term(term) for term in item.terms) + ")"
    return _tsquery_term(item)


def fts5_match(query: SearchQuery) -> str:
    """SQLite FTS5: `("a" AND "b c") OR ("d") NOT ("e")`."""
    positive = " OR ".join("(" + " AND ".join(map(_fts5_item, group)) + ")" for group in query.groups)
    if query.excluded:
        positive = f"({positive}) NOT (" + " OR ".join(map(_fts5_item, query.excluded)) + ")"
    return positive


def tsquery(query: SearchQuery) -> str:
    """PostgreSQL `to_tsquery`: `('a' & ('b' <-> 'c')) | ('d') & !('e')`."""
    positive = " | ".join("(" + " & ".join(map(_tsquery_item, group)) + ")" for group in query.groups)
    if query.excluded:
        positive = f"({positive}) & !(" + " | ".join(map(_tsquery_item, query.excluded)) + ")"
    return positive


def fts5_all(tokens: list[str]) -> str:
    """FTS5: every one of these tokens (the exact forms the reader typed)."""
    return " AND ".join(f'"{token}"' for token in tokens)


def tsquery_all(tokens: list[str]) -> str:
    return " & ".join(f"'{token}'" for token in tokens)


def _pairs(phrase: Phrase) -> list[str]:
    terms = phrase.terms
    return [
        f"'{first.folded}{PAIR_SEPARATOR}{second.folded}'"
        for first, second in zip(terms, terms[1:], strict=False)
        if not first.prefix and not second.prefix
    ]


def tsquery_pairs(query: SearchQuery) -> str | None:
    """A PostgreSQL tsquery of lexemes as they are (`::tsquery`, as `pair_vector` stores them):
    the syllable pairs that every match of `query` contains (`('an0q0toan' & 'toan0q0lao') |
    (...)`), or None when some group holds no phrase (nothing about pairs is then certain)."""
    groups = []
    for group in query.groups:
        pairs = [pair for item in group if isinstance(item, Phrase) for pair in _pairs(item)]
        if not pairs:
            return None
        groups.append("(" + " & ".join(pairs) + ")")
    return " | ".join(groups)
