"""The article search index: one document per article, matched by each database's full-text engine.

PostgreSQL keeps tsvector columns, filled by a trigger from the folded text and GIN-indexed
(migrations 0001 and 0002, text search configuration `vietnamese`), one of them the pairs of
neighbouring syllables that phrases are looked up by; SQLite keeps an FTS5 table fed by
triggers from the same columns. Either way the ORM sees one expression, `pk__in=MatchingIds(…)`.
"""

from dataclasses import dataclass

from django.db import NotSupportedError, connection, models

from .expressions import fts5_all, fts5_match, tsquery, tsquery_all, tsquery_pairs
from .query import SearchQuery

TEXT_SEARCH_CONFIG = "vietnamese"
FTS_TABLE = "article_search_fts"
# Field → the FTS5 columns it stands for on SQLite.
FTS5_COLUMNS = {"title": "title", "lead": "lead", "all": "{title lead body}", "exact": "exact"}


class TsVectorField(models.Field):
    """A `tsvector` on PostgreSQL (filled by a trigger); an unused nullable column elsewhere."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("null", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


@dataclass(frozen=True)
class Match:
    """What a field must match: a reader's query, or all of a list of tokens."""

    query: SearchQuery | None = None
    tokens: tuple[str, ...] = ()

    def fts5(self) -> str:
        return fts5_match(self.query) if self.query is not None else fts5_all(list(self.tokens))

    def tsquery(self) -> str:
        return tsquery(self.query) if self.query is not None else tsquery_all(list(self.tokens))

    def pairs(self) -> str | None:
        """The syllable pairs a match must contain (PostgreSQL's `pair_vector`), if any."""
        return tsquery_pairs(self.query) if self.query is not None else None


@dataclass(frozen=True)
class Candidates:
    """A few articles to evaluate a search over one by one, and the (field, match) pairs known
    to hold for all of them (`ranking.ArticleSearch.top_keys`)."""

    ids: tuple[int, ...]
    holding: frozenset = frozenset()


class MatchingIds(models.Expression):
    """The ids of the articles whose `field` (title, lead, all, exact) matches, straight from the
    full-text index: `pk__in=MatchingIds("all", Match(query))`.

    On PostgreSQL through `article_search_ids()` (migration 0002), which always reads the GIN
    indexes: a common word matches most articles, and reading each one's vector instead would
    decompress them all. A phrase is looked up by its syllable pairs first (`pair_vector`), and
    only the articles holding every pair are checked for the syllables' positions; a phrase of
    two syllables is its pair, so there is nothing left to check. On SQLite through FTS5, which
    looks phrases up itself.

    While its `scope` (the search it is part of) has `candidates`, PostgreSQL checks only those
    articles' own vectors instead: a few rows read one by one cost less than an index set of
    most articles. SQLite's index sets are cheap at any size.
    """

    output_field = models.IntegerField()

    def __init__(self, field: str, match: Match, scope=None, limit: int | None = None):
        super().__init__()
        self.target, self.match, self.scope, self.limit = field, match, scope, limit

    def as_sql(self, compiler, connection):
        sql, params = self.select(connection)
        return f"({sql})", params

    def select(self, connection) -> tuple[str, list]:
        """The SELECT of the ids, as a statement of its own. With a `limit`, any `limit` of them:
        the index stops reading rows there (migration 0004), so telling a small set from a
        large one never reads a large one whole."""
        config = "simple" if self.target == "exact" else TEXT_SEARCH_CONFIG
        candidates = getattr(self.scope, "candidates", None)
        if connection.vendor == "postgresql" and candidates is not None:
            if (self.target, self.match) in candidates.holding:
                return "SELECT unnest(%s::integer[])", [list(candidates.ids)]
            return (
                f"SELECT article_id FROM article_search_document WHERE article_id = ANY(%s::integer[]) "
                f"AND {self.target}_vector @@ to_tsquery('{config}', %s)",
                [list(candidates.ids), self.match.tsquery()],
            )
        limited = ", %s" if self.limit is not None else ""
        limit = [self.limit] if self.limit is not None else []
        if connection.vendor == "postgresql":
            # Only the whole text has pairs (`pair_vector`); and sieving a title or a lead by them
            # would make the index's recheck read each candidate's large pair vector.
            pairs = self.match.pairs() if self.target == "all" else None
            if pairs is not None and self.match.query.phrases_are_pairs:
                return f"SELECT article_search_ids('pair_vector', %s::tsquery, NULL{limited})", [pairs, *limit]
            return (
                f"SELECT article_search_ids(%s, to_tsquery('{config}', %s), %s::tsquery{limited})",
                [f"{self.target}_vector", self.match.tsquery(), pairs, *limit],
            )
        if connection.vendor == "sqlite":
            return (
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s" + (" LIMIT %s" if limit else ""),
                [f"{FTS5_COLUMNS[self.target]} : ({self.match.fts5()})", *limit],
            )
        raise NotSupportedError("Article search needs PostgreSQL or SQLite (with FTS5).")


def some_matching_ids(field: str, match: Match, limit: int) -> set[int]:
    """The ids of at most `limit` articles whose `field` matches, whichever the index meets first."""
    sql, params = MatchingIds(field, match, limit=limit).select(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


class ArticleSearchDocument(models.Model):
    """An article's text as the index holds it (see `text.py`): folded syllables per field, the
    exact tokens of all of them, and the reader-visible text that snippets are cut from."""

    article = models.OneToOneField(
        "news.ArticlePage", primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    title = models.TextField(blank=True)
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)
    exact = models.TextField(blank=True)
    text = models.TextField(blank=True)
    title_vector = TsVectorField()
    lead_vector = TsVectorField()
    all_vector = TsVectorField()
    exact_vector = TsVectorField()
    pair_vector = TsVectorField()

    class Meta:
        db_table = "article_search_document"
        verbose_name = "chỉ mục tìm kiếm bài viết"

    def __str__(self):
        return f"search document {self.article_id}"
