"""Rich-text links to pages the public may not see render as their text, with no `href` — on
the page, in the API and in feeds — and a link to a page no site serves never prints `None`."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import expand_db_html

from cms.news.models import ArticlePage
from tests.factories import make_article, paragraph
from tests.feeds_data.reader import read_feed

pytestmark = pytest.mark.django_db


def _link(page, text: str) -> str:
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


@pytest.fixture
def targets():
    """Pages a link may point at, by what readers may see of them."""
    now = timezone.now()
    public = make_article(title="Bài công khai", slug="bai-cong-khai")
    draft = make_article(title="Bản nháp bí mật", slug="ban-nhap-bi-mat", publish=False)
    unpublished = make_article(title="Bài đã gỡ", slug="bai-da-go")
    unpublished.unpublish()
    restricted = make_article(title="Bài nội bộ", slug="bai-noi-bo")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    scheduled = make_article(title="Bài hẹn giờ", slug="bai-hen-gio")
    ArticlePage.objects.filter(pk=scheduled.pk).update(go_live_at=now + datetime.timedelta(days=1))
    expired = make_article(title="Bài hết hạn", slug="bai-het-han")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(minutes=1))
    nowhere = Page.get_first_root_node().add_child(instance=Page(title="Ngoài mọi site", slug="ngoai-moi-site"))
    return {
        "public": public,
        "draft": draft,
        "unpublished": unpublished,
        "restricted": restricted,
        "scheduled": scheduled,
        "expired": expired,
        "nowhere": nowhere,
    }


HIDDEN_SLUGS = ["ban-nhap-bi-mat", "bai-da-go", "bai-noi-bo", "bai-hen-gio", "bai-het-han", "ngoai-moi-site"]


@pytest.fixture
def linking(targets):
    links = " ".join(_link(page, f"liên kết {name}") for name, page in targets.items())
    return make_article(title="Bài có liên kết", slug="bai-co-lien-ket", body=[paragraph(f"Xem {links}.")])


def _assert_only_public_link(html: str) -> None:
    assert "None" not in html
    for slug in HIDDEN_SLUGS:
        assert slug not in html
    assert re.search(r'<a href="[^"]*/bai-cong-khai/"[^>]*>liên kết public</a>', html), html
    for name in ["draft", "unpublished", "restricted", "scheduled", "expired", "nowhere"]:
        assert re.search(rf"<a(?: rel=\"noopener\")?>liên kết {name}</a>", html), (name, html)


def test_links_to_pages_that_are_not_public_render_as_text_on_the_page(client, linking):
    response = client.get(linking.url)
    assert response.status_code == 200
    _assert_only_public_link(response.content.decode())


def test_links_to_pages_that_are_not_public_render_as_text_in_the_api(client, linking):
    data = client.get(f"/api/v1/articles/{linking.pk}/").json()
    _assert_only_public_link(data["body_html"])
    _assert_only_public_link(data["sections"][0]["html"])


@pytest.mark.parametrize("path", ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json"])
def test_links_to_pages_that_are_not_public_render_as_text_in_feeds(client, linking, path):
    contents = dict(zip(read_feed(client.get(path)).titles, read_feed(client.get(path)).contents, strict=True))
    _assert_only_public_link(contents["Bài có liên kết"])


def test_a_link_to_a_page_without_url_never_prints_none(targets):
    assert expand_db_html(_link(targets["nowhere"], "ở đâu")) == "<a>ở đâu</a>"
    assert expand_db_html('<a linktype="page" id="999999">đã xóa</a>') == "<a>đã xóa</a>"


def test_link_checks_cost_the_same_queries_for_one_link_or_many(targets):
    def queries(count: int) -> int:
        html = " ".join(_link(page, "x") for page in list(targets.values())[:count])
        with CaptureQueriesContext(connection) as captured:
            expand_db_html(html)
        return len(captured)

    queries(7)  # warm what Wagtail keeps for the process (site root paths)
    assert queries(2) == queries(6)  # articles only
    assert queries(7) <= queries(6) + 3  # plus pages of another type: their lookup and check
