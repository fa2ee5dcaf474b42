"""The article search index: one document per article, matched by each database's full-text engine.

PostgreSQL keeps tsvector columns, filled by a trigger from the folded text and GIN-indexed
(migration 0001, text search configuration `vietnamese`); SQLite keeps an FTS5 table fed by
triggers from the same columns. Either way the ORM sees one lookup, `vector__matches=Match(…)`.
"""

from dataclasses import dataclass

from django.db import NotSupportedError, models

from .expressions import fts5_all, fts5_match, tsquery, tsquery_all
from .query import SearchQuery

TEXT_SEARCH_CONFIG = "vietnamese"
FTS_TABLE = "article_search_fts"
# Vector column → the FTS5 columns it stands for on SQLite.
FTS5_COLUMNS = {
    "title_vector": "title",
    "lead_vector": "lead",
    "all_vector": "{title lead body}",
    "exact_vector": "exact",
}


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
    """What a vector must match: a reader's query, or all of a list of tokens."""

    query: SearchQuery | None = None
    tokens: tuple[str, ...] = ()

    def fts5(self) -> str:
        return fts5_match(self.query) if self.query is not None else fts5_all(list(self.tokens))

    def tsquery(self) -> str:
        return tsquery(self.query) if self.query is not None else tsquery_all(list(self.tokens))


@TsVectorField.register_lookup
class Matches(models.Lookup):
    """`<vector>__matches=Match(...)`: the document's vector matches, through the full-text index."""

    lookup_name = "matches"
    prepare_rhs = False

    def get_prep_lookup(self):
        return self.rhs

    def as_sql(self, compiler, connection):
        column = self.lhs.target.column
        if connection.vendor == "postgresql":
            lhs, params = self.process_lhs(compiler, connection)
            config = "simple" if column == "exact_vector" else TEXT_SEARCH_CONFIG
            return f"{lhs} @@ to_tsquery('{config}', %s)", [*params, self.rhs.tsquery()]
        if connection.vendor == "sqlite":
            key = f"{compiler.quote_name_unless_alias(self.lhs.alias)}.{connection.ops.quote_name('article_id')}"
            sql = f"{key} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
            return sql, [f"{FTS5_COLUMNS[column]} : ({self.rhs.fts5()})"]
        raise NotSupportedError("Article search needs PostgreSQL or SQLite (with FTS5).")


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

    class Meta:
        db_table = "article_search_document"
        verbose_name = "chỉ mục tìm kiếm bài viết"

    def __str__(self):
        return f"search document {self.article_id}"
