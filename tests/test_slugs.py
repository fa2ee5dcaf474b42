"""ASCII slugs for Vietnamese titles, on the server and in the slug the admin proposes as the editor types.

`Đẩy mạnh` must become `day-manh`, never `ay-manh` (Django's slugify drops `đ`) nor `djay-manh`
(Wagtail's JavaScript maps `đ` as Serbian).
"""

import html
import json
import mimetypes
import re
import shutil
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders

from cms.news.models import ArticlePage
from cms.news.slugs import vietnamese_slugify
from tests.factories import corporate_index
from tests.helpers import add_article_url

# Every Vietnamese vowel with every tone mark, by the ASCII letter it must become.
VOWELS = {
    "a": "aàáạảã" + "âầấậẩẫ" + "ăằắặẳẵ",
    "e": "eèéẹẻẽ" + "êềếệểễ",
    "i": "iìíịỉĩ",
    "o": "oòóọỏõ" + "ôồốộổỗ" + "ơờớợởỡ",
    "u": "uùúụủũ" + "ưừứựửữ",
    "y": "yỳýỵỷỹ",
    "d": "dđ",
}
LETTERS = [(letter, ascii_letter) for ascii_letter, letters in VOWELS.items() for letter in letters]
TITLES = {
    "Đẩy mạnh phong trào thi đua “Dân vận khéo” trong EVNGENCO2": (
        "day-manh-phong-trao-thi-dua-dan-van-kheo-trong-evngenco2"
    ),
    "Đảng ủy Tổng công ty Phát điện 2": "dang-uy-tong-cong-ty-phat-dien-2",
    "ĐOÀN THANH NIÊN – ĐỘI XUNG KÍCH": "doan-thanh-nien-doi-xung-kich",
    "Thủy điện Sông Ba Hạ: sản lượng 812 triệu kWh!": "thuy-dien-song-ba-ha-san-luong-812-trieu-kwh",
    "Nhiệt điện Phả Lại, Cần Thơ & A Vương": "nhiet-dien-pha-lai-can-tho-a-vuong",
    "Ứng dụng kỹ thuật số ở Quảng Ngãi, Hậu Giang": "ung-dung-ky-thuat-so-o-quang-ngai-hau-giang",
}


@pytest.mark.parametrize(("letter", "ascii_letter"), LETTERS)
def test_every_vowel_and_tone_mark_becomes_its_ascii_letter(letter, ascii_letter):
    assert vietnamese_slugify(f"x{letter}x") == f"x{ascii_letter}x"
    assert vietnamese_slugify(f"X{letter.upper()}X") == f"x{ascii_letter}x"
    assert vietnamese_slugify(unicodedata.normalize("NFD", f"x{letter.upper()}x")) == f"x{ascii_letter}x"


@pytest.mark.parametrize(("title", "slug"), TITLES.items())
def test_titles_transliterate(title, slug):
    assert vietnamese_slugify(title) == slug
    assert vietnamese_slugify(unicodedata.normalize("NFD", title)) == slug


def test_slug_is_never_empty_of_meaning_and_stays_short():
    assert vietnamese_slugify("Đ") == "d"
    assert vietnamese_slugify("“…”") == ""
    assert len(vietnamese_slugify("Đẩy mạnh " * 80, max_length=240)) <= 240
    assert not vietnamese_slugify("Đẩy mạnh " * 80, max_length=240).endswith("-")


@pytest.mark.django_db
def test_page_created_without_a_slug_gets_the_transliterated_one():
    parent = corporate_index()
    first = ArticlePage(title="Đẩy mạnh phong trào thi đua", lead="Sapo.")
    parent.add_child(instance=first)
    second = ArticlePage(title="Đẩy mạnh phong trào thi đua", lead="Sapo.")
    parent.add_child(instance=second)
    assert first.slug == "day-manh-phong-trao-thi-dua"
    assert second.slug == "day-manh-phong-trao-thi-dua-2"
    assert first.url == "/tin-tuc/day-manh-phong-trao-thi-dua/"


# --- The slug the admin proposes ----------------------------------------------------------------


def slug_widget_formatters(client) -> list:
    """The formatters the admin's slug widget hands to Wagtail's JavaScript (w-slug controller)."""
    page = client.get(add_article_url(corporate_index())).content.decode()
    tag = re.search(r'<input[^>]*name="slug"[^>]*>', page).group(0)
    assert 'data-controller="w-slug"' in tag
    return json.loads(html.unescape(re.search(r'data-w-slug-formatters-value="([^"]*)"', tag).group(1)))


def proposed_slug(title: str, formatters: list) -> str:
    """Wagtail 8's `w-slug#urlify` step by step (client/src/controllers/SlugController.ts, utils/urlify.ts)
    for a non-Unicode site: trim, our formatters (JS regexes), then lower case, drop what is not
    `[-\\w\\s]` (ASCII `\\w` in JS), join runs of spaces and hyphens, cut at 255."""
    value = title.strip()
    for (pattern, flags), replacement in formatters:
        regex = re.compile(pattern)
        value = regex.sub(replacement, value, count=0 if "g" in flags else 1)
    value = value.lower()
    value = re.sub(r"[^-\w\s]", "", value, flags=re.ASCII)
    value = re.sub(r"[-\s]+", "-", value)
    return value[:255].rstrip("-")


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("quan-tri", "qt@example.vn", "x"))
    return client


@pytest.mark.django_db
def test_slug_widget_carries_formatters_for_every_vietnamese_letter(admin_client):
    formatters = slug_widget_formatters(admin_client)
    for letter, ascii_letter in LETTERS:
        for case in (str.lower, str.upper):
            mapped = [
                replacement for (pattern, _flags), replacement in formatters if re.fullmatch(pattern, case(letter))
            ]
            if letter == ascii_letter:
                assert mapped == []
            else:
                assert mapped == [case(ascii_letter)], (letter, mapped)


@pytest.mark.django_db
@pytest.mark.parametrize("title", [*TITLES, "Đẩy mạnh", "  Đẩy   mạnh  "])
def test_admin_proposes_the_same_slug_as_the_server(admin_client, title):
    formatters = slug_widget_formatters(admin_client)
    assert proposed_slug(title, formatters) == vietnamese_slugify(title)
    assert proposed_slug(unicodedata.normalize("NFD", title), formatters) == vietnamese_slugify(title)


@pytest.mark.django_db
def test_without_our_formatters_wagtail_would_drop_or_garble_the_d(admin_client):
    """Guards the test above: the emulated JavaScript alone does lose `Đ`."""
    assert proposed_slug("Đẩy mạnh", []) == "y-mnh"
    assert proposed_slug("Đẩy mạnh", slug_widget_formatters(admin_client)) == "day-manh"


# --- The real admin JavaScript in headless Chromium ----------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_admin_javascript_proposes_day_manh_while_the_editor_types(admin_client):
    """Wagtail's own bundle runs in Chromium on the add-article form as the test client got it;
    static files come from the staticfiles finders. (The page is fetched beforehand: the browser's
    request handlers run outside this test's database transaction.)"""
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright

    def answer(route):
        try:
            respond(route)
        except Exception as error:  # noqa: BLE001 - an unanswered request would hang the page
            failures.append(f"{route.request.url}: {error!r}")
            route.fulfill(status=500, body="")

    failures = []

    def respond(route):
        request = route.request
        path = urlsplit(request.url).path
        if path.startswith("/static/"):
            found = finders.find(path.removeprefix("/static/"))
            if found:
                content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
                return route.fulfill(status=200, body=Path(found).read_bytes(), content_type=content_type)
            return route.fulfill(status=404, body="")
        if not request.url.startswith("http://testserver/"):
            return route.fulfill(status=404, body="")
        if request.url == url:
            return route.fulfill(status=200, body=form_page.content, content_type=form_page["Content-Type"])
        # Autosave, previews, the sprite: not needed to propose a slug.
        return route.fulfill(status=204, body="")

    url = "http://testserver" + add_article_url(corporate_index())
    form_page = admin_client.get(url)
    assert form_page.status_code == 200
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.route("**/*", answer)
            page.goto(url, wait_until="domcontentloaded")
            # The slug field sits on a hidden tab; the controller marks it when it has connected.
            page.wait_for_selector("#id_slug[data-w-slug-locale-value]", state="attached")
            proposals = {}
            for title in ("Đẩy mạnh", unicodedata.normalize("NFD", "Đẩy mạnh"), "Ứng dụng kỹ thuật số ở Quảng Ngãi"):
                page.eval_on_selector("#id_slug", "slug => { slug.value = ''; }")
                page.fill("#id_title", "")
                page.locator("#id_title").press_sequentially(title)
                page.wait_for_function("document.querySelector('#id_slug').value.length > 0")
                proposals[title] = page.input_value("#id_slug")
        finally:
            browser.close()
    assert failures == []
    assert proposals["Đẩy mạnh"] == "day-manh"
    assert proposals[unicodedata.normalize("NFD", "Đẩy mạnh")] == "day-manh"
    assert proposals["Ứng dụng kỹ thuật số ở Quảng Ngãi"] == "ung-dung-ky-thuat-so-o-quang-ngai"


@pytest.mark.django_db
def test_page_saved_with_the_proposed_slug_has_that_url(admin_client):
    assert get_user_model().objects.filter(username="quan-tri").exists()
    formatters = slug_widget_formatters(admin_client)
    page = ArticlePage(title="Đẩy mạnh", slug=proposed_slug("Đẩy mạnh", formatters), lead="Sapo.")
    corporate_index().add_child(instance=page)
    assert page.url == "/tin-tuc/day-manh/"
