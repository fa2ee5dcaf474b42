"""`manage.py load_demo`: the quickstart's content, loaded twice without failing or duplicating."""

import io

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.news.models import ArticlePage, Author, Category, MemberUnit
from cms.news.selectors import published_articles
from tests.helpers import SAMPLE, article_text, source_lines

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "authors": Author.objects.count(),
        "units": MemberUnit.objects.count(),
        "categories": Category.objects.count(),
    }


def test_demo_content_is_complete_and_a_second_run_duplicates_nothing(client):
    load_demo()
    articles = published_articles()
    assert articles.count() >= 13
    assert ArticlePage.objects.filter(live=False).count() == 0

    # The legacy sample went through the importer, text intact.
    legacy = articles.get(legacy_id=SAMPLE.stem)
    response = client.get(legacy.url)
    assert response.status_code == 200
    assert article_text(response.content.decode()).startswith(" ".join(source_lines(SAMPLE.read_bytes())))

    units_with_articles = MemberUnit.objects.filter(articles__in=articles).exclude(slug="evngenco2").distinct()
    assert units_with_articles.count() >= 3
    assert Category.objects.filter(articles__in=articles).distinct().count() >= 3
    others = articles.exclude(pk=legacy.pk)
    assert others.count() >= 12
    assert not others.filter(hero_image__isnull=True).exists()
    assert not others.filter(hero_caption="").exists()
    assert all(article.lead and len(article.body) for article in others)

    sample = others.first()
    html = client.get(sample.url).content.decode()
    assert sample.hero_caption in html and "<img" in html

    before = counts()
    out = load_demo()
    assert counts() == before
    assert "0 bài tạo mới" in out
