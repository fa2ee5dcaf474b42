"""The project's Wagtail search backend (`WAGTAILSEARCH_BACKENDS`): one search for the site, the
API and the admin.

Articles live in an index of our own (`models.ArticleSearchDocument`), written from the
articles' `search_fields` with Vietnamese syllables folded and exact (`text.py`), and searched
with the reader's syntax (`query.py`), ranked by `ranking.py`. Every other indexed model
(images, snippets, users, the other page types) goes to Wagtail's database backend for this
database, with the query folded the same way. `manage.py update_index` rebuilds both.
"""

import functools

from django.db import transaction
from django.db.models import QuerySet
from modelsearch.backends.base import BaseSearchResults, EmptySearchResults
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.index import RelatedFields, SearchField

from cms.news.models import ArticlePage

from .models import ArticleSearchDocument
from .query import parse
from .ranking import ArticleSearch
from .text import exact_tokens, folded_tokens

TITLE_FIELDS = ("title",)
LEAD_FIELDS = ("lead",)


def _texts(obj, fields):
    """(field name, text) of every `SearchField` of `obj`, following `RelatedFields`."""
    for field in fields:
        if isinstance(field, SearchField):
            value = field.get_value(obj)
            if value:
                yield field.field_name, str(value)
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            related = related() if callable(related) else related
            if related is None:
                continue
            for item in related.all() if hasattr(related, "all") else [related]:
                yield from _texts(item, field.fields)


def article_document(article: ArticlePage) -> ArticleSearchDocument:
    """The index document of an article, from its `search_fields`: the title and the lead apart
    (they rank higher), everything else as the body."""
    title, lead, body = [], [], []
    for name, text in _texts(article, article.get_search_fields()):
        (title if name in TITLE_FIELDS else lead if name in LEAD_FIELDS else body).append(text)
    return ArticleSearchDocument(
        article_id=article.pk,
        title=folded_tokens(" ".join(title)),
        lead=folded_tokens(" ".join(lead)),
        body=folded_tokens(" ".join(body)),
        exact=exact_tokens(title + lead + body),
        text="\n".join(lead + body),
    )


def index_articles(articles) -> None:
    """Write (or rewrite) the index documents of these articles, all or none."""
    documents = [article_document(article) for article in articles]
    with transaction.atomic():
        ArticleSearchDocument.objects.filter(pk__in=[document.pk for document in documents]).delete()
        ArticleSearchDocument.objects.bulk_create(documents)


class ArticleIndexMixin:
    """Articles to our index; anything else to Wagtail's."""

    def add_items(self, model, items):
        if issubclass(model, ArticlePage):
            index_articles(items)
        else:
            super().add_items(model, items)

    def delete_item(self, item):
        if isinstance(item, ArticlePage):
            ArticleSearchDocument.objects.filter(pk=item.pk).delete()
        else:
            super().delete_item(item)

    def reset(self):
        super().reset()
        ArticleSearchDocument.objects.all().delete()


class ArticleSearchResults(BaseSearchResults):
    """Wagtail's lazy, sliceable results over an `ArticleSearch`."""

    def get_queryset(self) -> QuerySet:
        return self.query_compiler.results(score_field=self._score_field)[self.start : self.stop]

    def _do_search(self):
        return list(self.get_queryset())

    def _do_count(self):
        return self.query_compiler.matching().count()


class ArticleSearchMixin:
    """Routes each search by model: articles (alone, or among all pages in the admin) to ours."""

    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        return self._route(super().search, query, model_or_queryset, fields, operator, order_by_relevance, False)

    def autocomplete(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        return self._route(super().autocomplete, query, model_or_queryset, fields, operator, order_by_relevance, True)

    def _route(self, wagtail_search, query, model_or_queryset, fields, operator, order_by_relevance, prefix):
        # The admin hands over a parsed query object (PlainText); the site and the API a string.
        raw = query if isinstance(query, str) else getattr(query, "query_string", None)
        if raw is None:  # a query object we do not read (Phrase, Boost…): Wagtail's own backend
            return wagtail_search(query, model_or_queryset, fields=fields, operator=operator)
        queryset = model_or_queryset
        if not isinstance(queryset, QuerySet):
            queryset = model_or_queryset._default_manager.all()
        model = queryset.model
        folded = folded_tokens(raw)
        if not issubclass(model, ArticlePage) and not issubclass(ArticlePage, model):
            return wagtail_search(
                folded, queryset, fields=fields, operator=operator, order_by_relevance=order_by_relevance
            )
        parsed = parse(raw, prefix_last=prefix)
        if not parsed:
            return EmptySearchResults()
        if issubclass(model, ArticlePage):
            return ArticleSearchResults(self, ArticleSearch(queryset, parsed, order_by_relevance=order_by_relevance))
        # All pages (the admin's page search): articles from our index, other page types from Wagtail's.
        others = wagtail_search(folded, queryset.not_type(ArticlePage), order_by_relevance=False)
        other_ids = others.get_queryset().values("pk") if hasattr(others, "get_queryset") else None
        search = ArticleSearch(
            queryset, parsed, order_by_relevance=order_by_relevance, path="articlepage__", also=other_ids
        )
        return ArticleSearchResults(self, search)


@functools.cache
def _extended(base: type) -> type:
    index_class = type(f"Article{base.index_class.__name__}", (ArticleIndexMixin, base.index_class), {})
    return type(f"Article{base.__name__}", (ArticleSearchMixin, base), {"index_class": index_class})


def SearchBackend(params):  # noqa: N802 (Wagtail calls the module's `SearchBackend(params)`)
    """Wagtail's database backend for this database, extended with the article index."""
    return _extended(type(database_backend(params)))(params)
