"""The benchmark's seed writes articles in bulk, and leaves what publishing them in the admin
would: a valid page tree, a revision the admin opens, search documents, the change log."""

import datetime
import html
import io
import multiprocessing
import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from api.models import ArticleChange
from bench.seed import (
    DATE_SPAN_DAYS,
    NEWEST_DATE,
    article_date,
    generate_batch,
    plan_slots,
    prepare_context,
    seed_articles,
    start_worker,
)
from cms.news.models import ArticlePage
from cms.search.backend import article_document
from cms.search.models import ArticleSearchDocument

pytestmark = pytest.mark.django_db

DOCUMENT_FIELDS = ("title", "lead", "body", "exact", "text")


def quiet(line: str) -> None:
    pass


@pytest.fixture
def seeded() -> list[ArticlePage]:
    """25 benchmark articles, then a top-up to 40 (two photos in the pool: they are slow to draw)."""
    assert seed_articles(25, images=2, report=quiet) == 25
    assert seed_articles(40, images=2, report=quiet) == 15
    return list(ArticlePage.objects.filter(legacy_id__startswith="bench-").order_by("pk"))


def unescaped(text: str) -> str:
    """The admin's page with the JSON escapes of its form data undone (`\\u0111` → `đ`)."""
    text = html.unescape(text)
    return re.sub(r"\\+u([0-9a-fA-F]{4})", lambda match: chr(int(match[1], 16)), text)


def test_seeding_again_adds_only_the_missing_articles(seeded):
    assert sorted(article.legacy_id for article in seeded) == sorted(f"bench-{number}" for number in range(40))
    assert seed_articles(40, images=2, report=quiet) == 0
    assert ArticlePage.objects.count() == 40


def test_seeded_articles_leave_a_valid_page_tree(seeded):
    assert Page.find_problems() == ([], [], [], [], [])
    output = io.StringIO()
    call_command("fixtree", interactive=False, stdout=output)
    assert output.getvalue().count("No problems found.") == 2, output.getvalue()  # pages, collections


def test_seeded_articles_have_unique_slugs_and_keys_and_their_parents_url(seeded):
    parents = {article.pk: article.get_parent() for article in seeded}
    for article in seeded:
        assert article.url_path == f"{parents[article.pk].url_path}{article.slug}/"
        assert article.draft_title == article.title
        assert article.live and not article.has_unpublished_changes
        assert article.first_published_at == article.last_published_at is not None
        assert article.units.get().news_index == parents[article.pk].specific
        assert article.categories.count() == 2 and article.tags.count() == 3 and article.author is not None
    siblings = Counter((page.path[: -Page.steplen], page.slug) for page in Page.objects.all())
    assert max(siblings.values()) == 1
    assert len({article.translation_key for article in seeded}) == len(seeded)


def test_dates_spread_over_fifteen_years_whatever_the_number_of_articles(seeded):
    dates = [article.date for article in seeded]
    assert min(dates) >= NEWEST_DATE - datetime.timedelta(days=DATE_SPAN_DAYS) and max(dates) <= NEWEST_DATE
    assert (max(dates) - min(dates)).days > 13 * 365
    assert {article.date for article in seeded} == {article_date(number) for number in range(40)}


def test_each_article_has_its_revision_latest_and_live(seeded):
    for article in seeded:
        revision = article.latest_revision
        assert revision is not None and article.live_revision_id == revision.pk
        restored = revision.as_object()
        assert list(restored.body.raw_data) == list(article.body.raw_data)
        assert restored.title == article.title and restored.lead == article.lead
        assert set(restored.tags.names()) == set(article.tags.names())


def test_the_admin_opens_a_seeded_article_with_its_body(client, seeded):
    article = seeded[-1]
    client.force_login(get_user_model().objects.create_superuser("quantri", "qt@example.vn", "x"))
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    text = unescaped(response.content.decode())
    first_sentence = article.body_parts()[0].split(".")[0]
    assert first_sentence in text
    assert "Lĩnh vực kinh tế" in text


def test_search_finds_a_seeded_article_with_no_update_index(client, seeded):
    article = seeded[7]
    title_words = article.title.split(" (")[0]
    response = client.get("/api/v1/articles/", {"q": title_words})
    assert response.status_code == 200
    assert article.pk in [card["id"] for card in response.json()["results"]]
    detail = client.get(f"/api/v1/articles/{article.pk}/")
    assert detail.status_code == 200
    assert article.body_parts()[0][:60] in html.unescape(detail.json()["body_html"])
    assert client.get(article.url).status_code == 200


def test_search_documents_are_what_the_index_would_write(seeded):
    for article in seeded[:5] + seeded[-5:]:
        stored = ArticleSearchDocument.objects.get(pk=article.pk)
        rebuilt = article_document(ArticlePage.objects.select_related("author").get(pk=article.pk))
        for field in DOCUMENT_FIELDS:
            assert getattr(stored, field) == getattr(rebuilt, field), field


def test_the_change_log_publishes_each_article_once_per_audience_with_its_unit(seeded):
    for audience in ArticleChange.Audience.values:
        entries = ArticleChange.objects.filter(audience=audience).prefetch_related("units")
        assert sorted(entry.article_id for entry in entries) == sorted(article.pk for article in seeded)
        units = {article.pk: [unit.pk for unit in article.units.all()] for article in seeded}
        for entry in entries:
            assert entry.action == ArticleChange.Action.PUBLISHED
            assert [unit.pk for unit in entry.units.all()] == units[entry.article_id]


def test_seeding_with_a_worker_process_writes_every_batch():
    assert seed_articles(12, images=1, workers=1, batch_size=5, report=quiet) == 12
    assert ArticlePage.objects.count() == ArticleSearchDocument.objects.count() == 12
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_seeding_over_two_connections_leaves_a_valid_page_tree():
    # Batches commit side by side (on PostgreSQL; SQLite has one writer): every article, its
    # search document and its section's child count are there, whatever order they committed in.
    assert seed_articles(21, images=1, writers=2, batch_size=4, report=quiet) == 21
    assert ArticlePage.objects.count() == ArticleSearchDocument.objects.count() == 21
    assert Page.find_problems() == ([], [], [], [], [])


def test_a_worker_process_builds_the_rows_built_here():
    context, sections = prepare_context(1)
    slots = plan_slots([3, 4, 5], context, sections)
    with multiprocessing.get_context("spawn").Pool(1, initializer=start_worker) as pool:
        in_worker, _seconds = pool.apply(generate_batch, (slots, context))
    assert in_worker == generate_batch(slots, context)[0]
