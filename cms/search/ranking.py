"""Which articles match a parsed query, and in what order.

Matching: every group's items (AND), any group (OR), none of the excluded, as whole folded
syllables anywhere in the title, lead or body, through the full-text index.

Order, by a score made of these signals (weights are powers of two, so a stronger signal always
outweighs all the weaker ones together), then newest first:

    32  every syllable the reader typed with accents is in the article with exactly those accents
    16  the query's syllables stand together, in order, in the title
     8  ... in the lead
     4  ... anywhere (the body)
     2  the whole query matches within the title
     1  the whole query matches within the lead

One definition, used by the site, the API and the admin: `cms.search.backend` routes every
article search here.

A page of results (`top_keys`) is found without scoring every match when it can be: the
title and lead signals hold for few articles even when a word is in all of them, and their
index sets are small, so the best candidates are scored one by one (`Candidates`) and their
page is taken when no article outside them could rank on it. Otherwise every match is scored.
"""

import contextlib
from dataclasses import dataclass

from django.db.models import Case, ExpressionWrapper, IntegerField, Q, QuerySet, Value, When

from .models import Candidates, Match, MatchingIds, some_matching_ids
from .query import Phrase, SearchQuery, Term

SCORE_FIELD = "search_rank"
EXACT, TITLE_PHRASE, LEAD_PHRASE, PHRASE, IN_TITLE, IN_LEAD = 32, 16, 8, 4, 2, 1
ORDER = ("-{field}", "-{path}date", "-pk")
# The most candidates scored one by one, and the deepest page found that way: past either,
# scoring every match costs less than reading each candidate's vectors.
MAX_CANDIDATES = 500
MAX_TOP = 250


@dataclass(frozen=True)
class Signal:
    """One part of the score: the articles whose `field` matches `query` get `weight`."""

    field: str
    query: SearchQuery
    weight: int

    @property
    def match(self) -> Match:
        return Match(self.query)

    @property
    def source(self) -> tuple[str, Match]:
        """(field, match): what `MatchingIds` looks up for it."""
        return self.field, self.match


class Relevance(ExpressionWrapper):
    """The score annotation, which knows the search it ranks (for `top_keys`)."""

    def __init__(self, search: "ArticleSearch", expression):
        super().__init__(expression, output_field=IntegerField())
        self.search = search


def _phrases(query: SearchQuery) -> SearchQuery | None:
    """Each group's syllables as one phrase, for the groups of two syllables or more."""
    groups = []
    for group in query.groups:
        terms = [term for item in group for term in (item.terms if isinstance(item, Phrase) else [item])]
        if len(terms) > 1:
            groups.append((Phrase(tuple(terms)),))
    return SearchQuery(tuple(groups)) if groups else None


def _exact_forms(query: SearchQuery) -> SearchQuery | None:
    """Each group's accented syllables, as their exact tokens."""
    groups = []
    for group in query.groups:
        terms = [term for item in group for term in (item.terms if isinstance(item, Phrase) else [item])]
        exact = tuple(Term(term.exact) for term in terms if term.exact and not term.prefix)
        if exact:
            groups.append(exact)
    return SearchQuery(tuple(groups)) if groups else None


class ArticleSearch:
    """A parsed query over a queryset of articles (`path` leads from its model to the article)."""

    def __init__(self, queryset: QuerySet, query: SearchQuery, *, order_by_relevance=True, path="", also=None):
        self.queryset = queryset
        self.query = query
        self.order_by_relevance = order_by_relevance
        self.path = path
        self.also = also  # other rows that match, from another index (the admin's page search)
        self.candidates: Candidates | None = None  # while `top_keys` scores candidates one by one
        self.matches: set[int] | None = None  # every match's id, once `top_keys` has found there are few
        self._looked_up: dict = {}  # (field, match) → some of its ids (`_ids`)
        self.shown_among: Candidates | None = None  # the candidates `top_keys` found its page among
        exact, phrases, whole = _exact_forms(query), _phrases(query), SearchQuery(query.groups)
        self.signals = {
            name: Signal(field, signal_query, weight)
            for name, field, signal_query, weight in (
                ("exact", "exact", exact, EXACT),
                ("title_phrase", "title", phrases, TITLE_PHRASE),
                ("lead_phrase", "lead", phrases, LEAD_PHRASE),
                ("phrase", "all", phrases, PHRASE),
                ("in_title", "title", whole, IN_TITLE),
                ("in_lead", "lead", whole, IN_LEAD),
            )
            if signal_query is not None
        }

    def _matches(self, field: str, query: SearchQuery) -> Q:
        # An article page and its `Page` share their primary key: `pk` serves either queryset.
        return Q(pk__in=MatchingIds(field, Match(query), scope=self))

    def matching(self) -> QuerySet:
        condition = self._matches("all", self.query)
        if self.also is not None:
            condition |= Q(pk__in=self.also)
        return self.queryset.filter(condition)

    def score(self):
        total = None
        for signal in self.signals.values():
            condition = self._matches(signal.field, signal.query)
            part = Case(When(condition, then=Value(signal.weight)), default=Value(0), output_field=IntegerField())
            total = part if total is None else total + part
        return Relevance(self, total)

    def results(self, score_field: str | None = None) -> QuerySet:
        """The matching articles, best first when ranking (else in the queryset's own order)."""
        if not self.order_by_relevance and score_field is None:
            return self.matching()
        field = score_field or SCORE_FIELD
        ranked = self.matching().annotate(**{field: self.score()})
        if self.order_by_relevance:
            ranked = ranked.order_by(*(part.format(field=field, path=self.path) for part in ORDER))
        return ranked

    def _tiers(self):
        """(where the candidates come from, the signals that hold for all of them, the best score
        an article outside them can have, or None when they are every match), smallest first.
        Whatever holds in the title or lead phrase holds anywhere, and in the title the words."""
        total = sum(signal.weight for signal in self.signals.values())
        tiers = [
            (("title_phrase",), ("phrase", "in_title")),
            (("title_phrase", "lead_phrase"), ("phrase",)),
            (("in_title", "in_lead"), ()),
        ]
        for names, implied in tiers:
            if all(name in self.signals for name in names):
                # Outside the candidates none of these hold, nor anything only they imply.
                absent = set(names) | ({"title_phrase", "lead_phrase"} if "in_title" in names else set())
                bound = total - sum(self.signals[name].weight for name in absent if name in self.signals)
                sources = tuple(self.signals[name].source for name in names)
                held = {self.signals[name].source for name in implied if name in self.signals}
                if not self.query.excluded:  # these signals need every syllable: the candidates match
                    held.add(("all", Match(self.query)))
                yield sources, held, bound
        everything = ("all", Match(self.query))
        yield (everything,), {everything}, None

    def _ids(self, source: tuple[str, Match]) -> set[int]:
        """At most MAX_CANDIDATES + 1 ids of the articles `source` holds for, looked up once."""
        if source not in self._looked_up:
            self._looked_up[source] = some_matching_ids(*source, MAX_CANDIDATES + 1)
        return self._looked_up[source]

    def _candidate_ids(self, sources) -> set[int] | None:
        """The ids of the articles any of `sources` holds for, or None when more than MAX_CANDIDATES."""
        ids = set()
        for source in sources:
            ids |= self._ids(source)
            if len(ids) > MAX_CANDIDATES:
                return None
        return ids

    def top_keys(self, page: QuerySet, fields: tuple[str, ...]) -> list[dict] | None:
        """The `fields` of the rows of `page` (a slice of `results()`, perhaps narrowed further, in
        its own order), found by scoring candidates one by one; None when that cannot be shown
        to give the same rows as scoring every match (then evaluate `page` itself)."""
        query = page.query
        stop = query.high_mark
        field = next(name for name, value in query.annotations.items() if getattr(value, "search", None) is self)
        if (
            stop is None
            or stop > MAX_TOP
            or tuple(query.order_by) != tuple(part.format(field=field, path=self.path) for part in ORDER)
        ):
            return None
        whole = page._chain()
        whole.query.clear_limits()
        tried = set()
        for sources, held, bound in self._tiers():
            if frozenset(sources) in tried:
                continue  # the same articles as a smaller tier: too few
            tried.add(frozenset(sources))
            ids = self._candidate_ids(sources)
            if ids is None:
                return None  # the larger tiers hold these and more
            if bound is not None and len(ids) < stop:
                continue  # too few to fill the page
            with self._scoring(Candidates(tuple(sorted(ids)), frozenset(held))):
                rows = list(whole.filter(pk__in=ids).values(*fields)[:stop])
            if bound is None:  # every match was a candidate
                self.matches = ids
                return rows[query.low_mark : stop]
            if len(rows) == stop and rows[-1][field] > bound:
                self.shown_among = Candidates(tuple(sorted(ids)), frozenset(held))
                return rows[query.low_mark : stop]
            # A larger tier may show it: its page scores no lower, and less can score outside it.
        return None

    def count(self, articles: QuerySet, at_most: int | None = None) -> int:
        """How many of `articles` (narrowed from this search's results) match, or any number past
        `at_most` when there are more: counted among the candidates `top_keys` found the page
        among, or among a few matches' ids (known from `top_keys`, or MAX_CANDIDATES + 1 of
        them looked up), and by the index sets only when those neither are every match nor
        hold more than `at_most`."""
        if self.shown_among is not None and at_most is not None:
            # The candidates the page came from may already hold more than `at_most` matches.
            with self._scoring(self.shown_among):
                found = articles.filter(pk__in=self.shown_among.ids).order_by().values("pk")
                counted = found[: at_most + 1].count()
            if counted > at_most:
                return counted
        everything = ("all", Match(self.query))
        ids = self.matches
        if ids is None:
            ids = self._ids(everything)
        with self._scoring(Candidates(tuple(sorted(ids)), frozenset({everything}))):
            found = articles.filter(pk__in=ids)
            counted = found.count() if at_most is None else found.order_by().values("pk")[: at_most + 1].count()
        if len(ids) <= MAX_CANDIDATES or (at_most is not None and counted > at_most):
            return counted
        return articles.count()

    @contextlib.contextmanager
    def _scoring(self, candidates: Candidates):
        self.candidates = candidates
        try:
            yield
        finally:
            self.candidates = None
