"""Issue 12, item 11: a tag or author that only non-public articles use is, to outsiders, a
slug that does not exist: the API's filters and the tag feeds answer exactly as for an unknown
slug, so nothing tells what unpublished work is tagged or who wrote it."""

import pytest
from wagtail.models import PageViewRestriction

from api.models import ApiKey
from tests.factories import AuthorFactory, MemberUnitFactory, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_work(db):
    """A draft and a password-protected article, each with a tag and an author no public article has."""
    make_article(tags=["cong-khai"], author=AuthorFactory(slug="tac-gia-cong-khai"))
    make_article(tags=["du-an-mat"], author=AuthorFactory(slug="tac-gia-ban-nhap"), publish=False)
    protected = make_article(tags=["noi-bo"], author=AuthorFactory(slug="tac-gia-noi-bo"))
    PageViewRestriction.objects.create(page=protected, restriction_type="password", password="mat-khau")


def error_for(client, parameter: str, slug: str, **headers) -> tuple[int, dict]:
    response = client.get("/api/v1/articles/", {parameter: slug}, headers=headers)
    return response.status_code, response.json()


def same_answer_as_unknown(client, parameter: str, slug: str, **headers):
    status, body = error_for(client, parameter, slug, **headers)
    unknown_status, unknown_body = error_for(client, parameter, "khong-ton-tai", **headers)
    assert (status, unknown_status) == (400, 400)
    assert body == {"errors": {parameter: [unknown_body["errors"][parameter][0].replace("khong-ton-tai", slug)]}}


@pytest.mark.parametrize("slug", ["du-an-mat", "noi-bo"])
def test_tag_only_unpublished_articles_use_answers_like_an_unknown_tag(client, hidden_work, slug):
    same_answer_as_unknown(client, "tag", slug)


@pytest.mark.parametrize("slug", ["tac-gia-ban-nhap", "tac-gia-noi-bo"])
def test_author_only_unpublished_articles_have_answers_like_an_unknown_author(client, hidden_work, slug):
    same_answer_as_unknown(client, "author", slug)


def test_tag_and_author_of_a_public_article_still_filter(client, hidden_work):
    assert len(client.get("/api/v1/articles/?tag=cong-khai").json()["results"]) == 1
    assert len(client.get("/api/v1/articles/?author=tac-gia-cong-khai").json()["results"]) == 1


def test_entitled_key_finds_the_tag_of_restricted_articles_it_may_see(client, hidden_work):
    key = ApiKey(unit=MemberUnitFactory(receives_internal_news=True), name="Trang nội bộ")
    raw = key.set_new_key()
    key.save()
    response = client.get("/api/v1/articles/?tag=noi-bo&author=tac-gia-noi-bo", headers={"X-Api-Key": raw})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1
    same_answer_as_unknown(client, "tag", "du-an-mat", **{"X-Api-Key": raw})


@pytest.mark.parametrize("feed", ["rss.xml", "atom.xml", "feed.json"])
@pytest.mark.parametrize("slug", ["du-an-mat", "noi-bo"])
def test_feed_of_a_tag_only_unpublished_articles_use_answers_404_like_an_unknown_tag(client, hidden_work, slug, feed):
    hidden = client.get(f"/feeds/tags/{slug}/{feed}")
    unknown = client.get(f"/feeds/tags/khong-ton-tai/{feed}")
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.content == unknown.content
    assert slug.encode() not in hidden.content


def test_tag_feed_disappears_when_its_last_public_article_is_unpublished(client):
    article = make_article(tags=["tam-thoi"])
    assert client.get("/feeds/tags/tam-thoi/rss.xml").status_code == 200
    article.unpublish()
    assert client.get("/feeds/tags/tam-thoi/rss.xml").status_code == 404
