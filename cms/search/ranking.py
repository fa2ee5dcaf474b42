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
"""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from .models import Match, MatchingIds
from .query import Phrase, SearchQuery, Term

SCORE_FIELD = "search_rank"
EXACT, TITLE_PHRASE, LEAD_PHRASE, PHRASE, IN_TITLE, IN_LEAD = 32, 16, 8, 4, 2, 1


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

    def _matches(self, field: str, query: SearchQuery) -> Q:
        # An article page and its `Page` share their primary key: `pk` serves either queryset.
        return Q(pk__in=MatchingIds(field, Match(query)))

    def matching(self) -> QuerySet:
        condition = self._matches("all", self.query)
        if self.also is not None:
            condition |= Q(pk__in=self.also)
        return self.queryset.filter(condition)

    def score(self):
        signals = []
        exact = _exact_forms(self.query)
        if exact is not None:
            signals.append((self._matches("exact", exact), EXACT))
        phrases = _phrases(self.query)
        if phrases is not None:
            signals += [
                (self._matches("title", phrases), TITLE_PHRASE),
                (self._matches("lead", phrases), LEAD_PHRASE),
                (self._matches("all", phrases), PHRASE),
            ]
        whole = SearchQuery(self.query.groups)
        signals += [(self._matches("title", whole), IN_TITLE), (self._matches("lead", whole), IN_LEAD)]
        total = None
        for condition, weight in signals:
            signal = Case(When(condition, then=Value(weight)), default=Value(0), output_field=IntegerField())
            total = signal if total is None else total + signal
        return total

    def results(self, score_field: str | None = None) -> QuerySet:
        """The matching articles, best first when ranking (else in the queryset's own order)."""
        if not self.order_by_relevance and score_field is None:
            return self.matching()
        field = score_field or SCORE_FIELD
        ranked = self.matching().annotate(**{field: self.score()})
        if self.order_by_relevance:
            ranked = ranked.order_by(f"-{field}", f"-{self.path}date", "-pk")
        return ranked
