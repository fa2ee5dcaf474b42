"""sitemap.xml (its index and parts) and robots.txt: only what the public may read, located with SITE_URL."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction

from tests.factories import corporate_index, make_article

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_xml(client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def sitemap_locations(client) -> set[str]:
    """Every URL in every part the sitemap index lists (tests/test_site_sitemaps.py: the parts)."""
    parts = sitemap_xml(client, "/sitemap.xml").xpath("//s:sitemap/s:loc/text()", namespaces=SITEMAP_NS)
    return {
        location
        for part in parts
        for location in sitemap_xml(client, part.removeprefix(settings.SITE_URL)).xpath(
            "//s:url/s:loc/text()", namespaces=SITEMAP_NS
        )
    }


def test_sitemap_lists_published_public_pages_with_absolute_urls(client):
    article = make_article(title="Bài công khai")
    locations = sitemap_locations(client)
    assert f"{settings.SITE_URL}{article.url}" in locations
    assert f"{settings.SITE_URL}/" in locations
    assert f"{settings.SITE_URL}{corporate_index().url}" in locations


def test_sitemap_leaves_out_drafts_restricted_expired_and_future_articles(client):
    draft = make_article(publish=False)
    internal = make_article()
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.PASSWORD, password="x")
    expired = make_article()
    type(expired).objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    future = make_article()
    type(future).objects.filter(pk=future.pk).update(go_live_at=timezone.now() + datetime.timedelta(days=1))
    withdrawn = make_article()
    withdrawn.unpublish()
    public = make_article()
    locations = sitemap_locations(client)
    assert f"{settings.SITE_URL}{public.url}" in locations
    for hidden in (draft, internal, expired, future, withdrawn):
        assert not any(location.endswith(f"/{hidden.slug}/") for location in locations), hidden.slug


def test_robots_txt_points_at_the_sitemaps_and_keeps_crawlers_out_of_forms(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines
    assert f"Sitemap: {settings.SITE_URL}/sitemap-news.xml" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /gui-cho-ban-be/" in lines
