"""Guessing secrets is limited per client address (issue 12, item 7): page passwords, API keys."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from api import keys
from api.models import ApiKey
from tests.factories import MemberUnitFactory, make_article

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def protected_article(settings):
    settings.GUESS_LIMITS = {**settings.GUESS_LIMITS, "page_password": (3, 900)}
    article = make_article(title="Tin nội bộ có mật khẩu")
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="dung-mat-khau"
    )
    return article, f"/_util/authenticate_with_password/{restriction.pk}/{article.pk}/"


def try_password(client: Client, url: str, article, password: str, **meta):
    return client.post(url, {"password": password, "return_url": article.url}, **meta)


def test_wrong_page_passwords_lock_out_the_address_with_a_vietnamese_message(protected_article):
    article, url = protected_article
    guesser = Client()
    assert [try_password(guesser, url, article, f"sai-{n}").status_code for n in range(3)] == [200, 200, 200]
    refused = try_password(guesser, url, article, "dung-mat-khau")
    assert refused.status_code == 429
    assert "Bạn đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau 15 phút." in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert "dung-mat-khau" not in guesser.session.get("passed_page_view_restrictions", [])
    assert not guesser.session.get("passed_page_view_restrictions")


def test_the_right_page_password_still_works_for_another_address(protected_article):
    article, url = protected_article
    for n in range(3):
        try_password(Client(), url, article, f"sai-{n}", REMOTE_ADDR="198.51.100.66")
    reader = Client()
    passed = try_password(reader, url, article, "dung-mat-khau", REMOTE_ADDR="198.51.100.7")
    assert passed.status_code == 302 and passed["Location"] == article.url


def test_page_password_guesses_behind_the_proxy_count_per_client(protected_article, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    article, url = protected_article
    for n in range(3):
        try_password(Client(), url, article, f"sai-{n}", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66")
    assert (
        try_password(Client(), url, article, "x", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66").status_code
        == 429
    )
    reader = try_password(
        Client(), url, article, "dung-mat-khau", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert reader.status_code == 302


def _new_key() -> str:
    key = ApiKey(unit=MemberUnitFactory(), name="Trang web đơn vị")
    raw = key.set_new_key()
    key.save()
    return raw


def test_wrong_api_keys_lock_out_the_address_with_a_vietnamese_message(client, settings):
    settings.GUESS_LIMITS = {**settings.GUESS_LIMITS, "api_key": (3, 900)}
    raw = _new_key()
    wrong = [client.get("/api/v1/units/", headers={"X-Api-Key": f"sai-{n}"}).status_code for n in range(3)]
    assert wrong == [401, 401, 401]
    refused = client.get("/api/v1/units/", headers={"X-Api-Key": raw})
    assert refused.status_code == 429
    assert refused.json()["errors"]["detail"] == [
        "Địa chỉ của bạn đã gửi sai khóa API quá nhiều lần. Vui lòng thử lại sau 15 phút."
    ]
    assert int(refused["Retry-After"]) > 0
    # Another member unit's server is not affected.
    assert client.get("/api/v1/units/", headers={"X-Api-Key": raw}, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_wrong_api_keys_leave_no_cache_entry_per_guess(client, settings, monkeypatch):
    settings.GUESS_LIMITS = {**settings.GUESS_LIMITS, "api_key": (1000, 900)}
    written = []
    real_set = keys.cache.set
    monkeypatch.setattr(keys.cache, "set", lambda key, *args, **kw: written.append(key) or real_set(key, *args, **kw))
    for n in range(20):
        assert client.get("/api/v1/units/", headers={"X-Api-Key": f"sai-{n}"}).status_code == 401
    assert [key for key in written if key.startswith("api:key:")] == []
    raw = _new_key()
    assert client.get("/api/v1/units/", headers={"X-Api-Key": raw}).status_code == 200
    assert len([key for key in written if key.startswith("api:key:")]) == 1  # a real key is still cached
