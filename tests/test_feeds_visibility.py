"""What must never reach a subscriber: drafts, scheduled, expired, unpublished, deleted and
restricted articles — in no feed, no scope, no format."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.news.models import ArticlePage
from tests.factories import CategoryFactory, MemberUnitFactory, make_article, unit_index
from tests.feeds_data.reader import read_feed

pytestmark = pytest.mark.django_db

SCOPES = ["/feeds/", "/feeds/units/bao-mat/", "/feeds/categories/noi-bo/", "/feeds/tags/bi-mat/"]
FORMATS = ["rss.xml", "atom.xml", "feed.json"]


def test_only_published_public_articles_appear_in_any_feed(client):
    unit = MemberUnitFactory(slug="bao-mat")
    restricted_unit = MemberUnitFactory(slug="don-vi-noi-bo")
    category = CategoryFactory(slug="noi-bo")
    common = {"parent": unit_index(unit), "categories": [category], "tags": ["bí mật"]}
    visible = make_article(title="Tin công khai", **common)
    now = timezone.now()
    hidden = {
        "draft": make_article(title="Bản nháp", publish=False, **common),
        "scheduled": make_article(title="Hẹn giờ", go_live_at=now + datetime.timedelta(days=1), **common),
        "expired": make_article(title="Hết hạn", **common),
        "unpublished": make_article(title="Đã gỡ", **common),
        "deleted": make_article(title="Đã xóa", **common),
        "restricted": make_article(title="Nội bộ", **common),
        "in restricted section": make_article(
            title="Trong mục nội bộ", parent=unit_index(restricted_unit), units=[unit], categories=[category]
        ),
    }
    hidden["in restricted section"].tags.add("bí mật")
    ArticlePage.objects.filter(pk=hidden["expired"].pk).update(expire_at=now - datetime.timedelta(minutes=1))
    hidden["unpublished"].unpublish()
    hidden_ids = {f"tag:evngenco2.vn,2024:article:{article.pk}" for article in hidden.values()}
    hidden["deleted"].delete()
    PageViewRestriction.objects.create(
        page=hidden["restricted"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    PageViewRestriction.objects.create(page=unit_index(restricted_unit), restriction_type=PageViewRestriction.LOGIN)

    for scope in SCOPES:
        for name in FORMATS:
            reading = read_feed(client.get(scope + name))
            assert reading.titles == ["Tin công khai"], scope + name
            assert not hidden_ids & set(reading.ids)
    assert visible.live
