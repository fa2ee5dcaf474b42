"""The search index follows what editors do: publish, edit, unpublish, move, delete, schedule,
expire; it is rebuilt by `update_index`; and the admin searches it the same way readers do."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.news.models import ArticlePage
from cms.news.selectors import published_articles, search_articles
from cms.search.models import ArticleSearchDocument
from tests.factories import MemberUnitFactory, make_article, paragraph, unit_index

pytestmark = pytest.mark.django_db


def found(query: str) -> list[str]:
    return [article.title for article in search_articles(published_articles(), query)]


def test_publishing_makes_an_article_findable():
    article = make_article(title="Nghiệm thu đường dây 500 kV", publish=False)
    assert found("duong day") == []
    article.save_revision().publish()
    assert found("duong day") == [article.title]


def test_a_published_edit_replaces_the_old_words_and_a_draft_edit_does_not():
    article = make_article(title="Khởi công dự án nhà máy")
    article.title = "Khánh thành dự án nhà máy"
    article.save_revision().publish()
    assert found("khanh thanh") == ["Khánh thành dự án nhà máy"]
    assert found("khoi cong") == []
    article = ArticlePage.objects.get(pk=article.pk)
    article.lead = "Bản nháp chưa duyệt về điện gió ngoài khơi."
    article.save_revision()  # a draft: readers must not find its words
    assert found("dien gio ngoai khoi") == []


def test_unpublishing_hides_an_article_from_search():
    article = make_article(title="Hội thảo chuyển đổi số")
    article.unpublish()
    assert found("chuyen doi so") == []


def test_moving_an_article_keeps_it_findable_at_its_new_address(client):
    article = make_article(title="Diễn tập phòng cháy chữa cháy")
    section = unit_index(MemberUnitFactory(name="Thủy điện Thác Mơ", slug="thac-mo"))
    article.move(section, pos="last-child")
    assert found("phong chay") == [article.title]
    result = client.get("/api/v1/articles/", {"q": "phong chay"}).json()["results"][0]
    assert result["url"].endswith(ArticlePage.objects.get(pk=article.pk).url)
    assert section.url in result["url"]


def test_deleting_an_article_removes_its_search_document():
    article = make_article(title="Tổng kết công tác thi đua")
    pk = article.pk
    article.delete()
    assert found("thi dua") == []
    assert not ArticleSearchDocument.objects.filter(pk=pk).exists()


def test_a_scheduled_article_is_found_once_its_time_comes(monkeypatch):
    article = make_article(title="Lễ kỷ niệm ngày thành lập", publish=False)
    start = timezone.now()
    article.go_live_at = start + datetime.timedelta(hours=1)
    article.save_revision().publish()
    assert found("le ky niem") == []
    monkeypatch.setattr(timezone, "now", lambda: start + datetime.timedelta(hours=2))
    assert found("le ky niem") == []  # not yet made live: Wagtail's periodic job does that
    call_command("publish_scheduled")
    assert found("le ky niem") == [article.title]


def test_an_expired_article_is_not_found_even_before_the_periodic_job_runs():
    article = make_article(title="Thông báo tuyển dụng kỹ sư")
    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert found("tuyen dung") == []


def test_a_live_article_whose_go_live_at_is_ahead_is_not_found():
    article = make_article(title="Chương trình hiến máu nhân đạo")
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=timezone.now() + datetime.timedelta(days=1))
    assert found("hien mau") == []


def test_update_index_rebuilds_every_article_document():
    make_article(title="Sửa chữa lớn tổ máy số 1", body=[paragraph("Đội sửa chữa làm việc ba ca.")])
    ArticleSearchDocument.objects.all().delete()
    assert found("sua chua") == []
    call_command("update_index", verbosity=0)
    assert found("sua chua") == ["Sửa chữa lớn tổ máy số 1"]
    assert found("ba ca") == ["Sửa chữa lớn tổ máy số 1"]  # the body is indexed too


def test_admin_page_search_finds_articles_without_accents(client):
    make_article(title="Đảng ủy Công ty Nhiệt điện Cần Thơ sơ kết công tác")
    make_article(title="Công ty đang rà soát hợp đồng")
    admin = get_user_model().objects.create_superuser("quantri", password="x")
    client.force_login(admin)
    response = client.get("/admin/pages/search/", {"q": "dang uy"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Đảng ủy Công ty Nhiệt điện Cần Thơ" in text
    assert "đang rà soát" not in text
    listing = client.get("/admin/pages/search/", {"q": "Tin tuc"})  # another page type: Wagtail's own index
    assert listing.status_code == 200


def _queries(client, path, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, params).status_code == 200
    return len(queries)


def test_query_count_of_search_does_not_grow_with_the_number_of_results(client):
    for number in range(3):
        make_article(title=f"Hội nghị người lao động {number}")
    _queries(client, "/tim-kiem/", {"q": "hoi nghi"})  # the site's one-off look-ups (root page, menu)
    few_api = _queries(client, "/api/v1/articles/", {"q": "hoi nghi"})
    few_site = _queries(client, "/tim-kiem/", {"q": "hoi nghi"})
    for number in range(3, 12):
        make_article(title=f"Hội nghị người lao động {number}")
    _queries(client, "/tim-kiem/", {"q": "hoi nghi"})  # the menu and identity, cached per content version
    # With a page's worth of title matches, the page is found among them (`ranking.top_keys`),
    # which takes no more queries than scoring every match.
    assert _queries(client, "/api/v1/articles/", {"q": "hoi nghi"}) <= few_api
    assert _queries(client, "/tim-kiem/", {"q": "hoi nghi"}) <= few_site
    for number in range(12, 40):
        make_article(title=f"Hội nghị người lao động {number}")
    _queries(client, "/tim-kiem/", {"q": "hoi nghi"})
    assert _queries(client, "/api/v1/articles/", {"q": "hoi nghi"}) <= few_api
    assert _queries(client, "/tim-kiem/", {"q": "hoi nghi"}) <= few_site
