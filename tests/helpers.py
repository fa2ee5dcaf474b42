"""Helpers the test modules share: the admin's article form, the legacy files and their oracle,
the text of a rendered article, a clock moved by hand, a free loopback port, a WebSub hub on
loopback, a shared cache on loopback that records purges, and the headless Chromium the browser
tests use.

Fixtures (the SMTP server, the browser) are in conftest.py.
"""

import importlib.util
import io
import re
import socket
import threading
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.news.demo import DEMO_EDITOR_UNIT, DEMO_USERS
from cms.news.models import ArticlePage, NewsIndexPage

PASSWORD = "mật-khẩu-thử"


def make_editor(username: str, *groups):
    """A staff-less editor who reaches the admin only through group permissions."""
    user = get_user_model().objects.create_user(username=username, email=f"{username}@example.vn", password=PASSWORD)
    user.groups.add(*groups)
    return user


def add_article_url(parent: Page) -> str:
    return f"/admin/pages/add/news/articlepage/{parent.pk}/"


def article_form_data(
    *,
    title: str,
    lead: str = "Sapo bài viết.",
    body: list | None = None,
    slug: str = "",
    date: str = "2024-11-29",
    hero_image=None,
    hero_caption: str = "",
    author=None,
    units=(),
    categories=(),
    tags: str = "",
    action: str = "action-publish",
) -> dict:
    """POST data of the article edit form, as the browser sends it."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": date,
            "hero_image": hero_image.pk if hero_image else "",
            "hero_caption": hero_caption,
            "lead": lead,
            "body": streamfield(body if body is not None else [("paragraph", rich_text("<p>Đoạn văn.</p>"))]),
            "author": author.pk if author else "",
            "tags": tags,
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data["units"] = [unit.pk for unit in units]
    data["categories"] = [category.pk for category in categories]
    if action:
        data[action] = "1"
    return data


def form_errors(response) -> str:
    """The admin form's errors, to explain a failed POST."""
    form = response.context and response.context.get("form")
    return repr(form.errors.as_data()) if form is not None else f"status {response.status_code}"


REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "cms" / "news" / "demo" / "legacy" / "000_f6e6f11bcf16baad.txt"
FIXTURES = Path(__file__).resolve().parent / "data" / "legacy"
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))
SHARE_LINE = "Gửi cho bạn bè"
MOST_VIEWED_LINE = "Xem nhiều nhất"


def normalise(text: str) -> str:
    """NBSP and every other run of white space become one space."""
    return " ".join(text.replace("\xa0", " ").split())


def source_lines(data: bytes) -> list[str]:
    """The article's lines as a reader sees them: furniture dropped, the most-viewed list cut."""
    text = unicodedata.normalize("NFC", data.decode("utf-8-sig"))
    lines = []
    for raw in text.splitlines():
        line = normalise("".join(ch for ch in raw if unicodedata.category(ch) != "Cc" or ch == "\t"))
        if line == MOST_VIEWED_LINE:
            break
        if line and line != SHARE_LINE:
            lines.append(line)
    return lines


BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "figure", "figcaption", "section", "article", "blockquote", "footer", "li"}


class _TextOfArticle(HTMLParser):
    """Text inside <article>, with a space wherever a block element starts or ends."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if self.depth and tag in BLOCK_TAGS:
            self.chunks.append(" ")

    def handle_endtag(self, tag):
        if self.depth and tag in BLOCK_TAGS:
            self.chunks.append(" ")
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.chunks.append(data)


def article_text(html: str) -> str:
    parser = _TextOfArticle()
    parser.feed(html)
    return normalise("".join(parser.chunks))


def assert_in_order(text: str, pieces: list[str]) -> None:
    position = 0
    for piece in pieces:
        found = text.find(piece, position)
        assert found >= 0, f"not found (in order) after position {position}: {piece[:80]!r}"
        position = found + len(piece)


class Clock:
    """Django's clock, fixed and moved by hand (every freshness decision reads it)."""

    def __init__(self, monkeypatch):
        self.moment = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.moment)

    def advance(self, delta) -> None:
        self.moment += delta


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Hub:
    """A WebSub hub on loopback that records each publish ping (and can fail the first ones)."""

    def __init__(self, failures_per_topic: int = 0, status: int = 204, silent: bool = False):
        self.pings: list[dict] = []
        self.failures_left: Counter = Counter()
        self.failures_per_topic = failures_per_topic
        self.status = status
        self.silent = silent
        self.release = threading.Event()
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = {key: values[0] for key, values in parse_qs(self.rfile.read(length).decode()).items()}
                hub.pings.append(form)
                if hub.silent:  # a hung hub: answers only when the test ends
                    hub.release.wait(timeout=10)
                    return
                topic = form.get("hub.url")
                if hub.failures_left[topic] < hub.failures_per_topic:
                    hub.failures_left[topic] += 1
                    self.send_response(503)
                else:
                    self.send_response(hub.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


class PurgeRecorder:
    """A shared cache on loopback that records the surrogate keys of each PURGE (the `xkey`
    header, as Varnish's xkey vmod reads it), and can fail the first ones."""

    def __init__(self, failures: int = 0, status: int = 200):
        self.purges: list[list[str]] = []
        self.failures_left = failures
        self.status = status
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):
                recorder.purges.append(self.headers.get("xkey", "").split())
                if recorder.failures_left:
                    recorder.failures_left -= 1
                    self.send_response(503)
                else:
                    self.send_response(recorder.status)
                    self.send_header("X-Purged", "1")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def keys(self) -> set[str]:
        return {key for purge in self.purges for key in purge}

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def log_in_to_admin(page, base_url: str, username: str, password: str) -> None:
    """Sign in through the admin's login form, as an editor does, and land on the dashboard."""
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")


# Markers for a module of browser tests: run where Debian's chromium and playwright are installed.
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None, reason="the playwright package is not installed"
    ),
]


# --- The admin in Vietnamese: the demo's editorial day and the English words that must not show --

DEMO_PASSWORD = "mật-khẩu-mẫu"
ENGLISH = (
    "Root",
    "Slug",
    "True",
    "False",
    "None",
    "Moderators",
    "Editors",
    "Port",
    "Site name",
    "Root page",
    "approval",
    "Dashboard",
    "Pages",
    "Page",
    "Images",
    "Settings",
    "Reports",
    "Search",
    "Edit",
    "Delete",
    "Save",
    "Publish",
    "Submit",
    "Approve",
    "Reject",
    "Actions",
    "Status",
    "Title",
    "Owner",
    "Draft",
    "Live",
    "Add",
    "Upload",
    "Choose",
    "Collection",
    "Workflow",
    "History",
    "Preview",
    "Locked",
    "Unlock",
    "Cancel",
    "Filter",
    "Sort",
    "Account",
    "Log out",
    "Help",
    "Snippets",
    "Users",
    "Groups",
    "Comments",
    "Changes requested",
    "Site",
    "Name",
    "Date",
    "Author",
    "Type",
    "Updated",
    "ago",
)


def english_words(text: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


def start_demo_editorial_day(monkeypatch) -> dict:
    """`load_demo` and `ensure_admin` as `make run` runs them, then an article in moderation."""
    monkeypatch.setenv("ADMIN_PASSWORD", "mật-khẩu-quản-trị")
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    call_command("load_demo", stdout=io.StringIO())
    call_command("ensure_admin", stdout=io.StringIO())
    section = NewsIndexPage.objects.get(unit__slug=DEMO_EDITOR_UNIT)
    editor = get_user_model().objects.get(username=DEMO_USERS[0]["username"])
    article = ArticlePage(title="Bài đang chờ duyệt", lead="Sapo.", owner=editor)
    section.add_child(instance=article)
    article.units.set([section.unit])
    revision = article.save_revision(user=editor, log_action=True)
    section.get_workflow().start(article, editor)
    return {
        "section": section,
        "article": article,
        "revision": revision,
        "published": section.get_children().live().exclude(pk=article.pk).first(),
    }


def editorial_urls(demo) -> list[str]:
    section, article, published = demo["section"], demo["article"], demo["published"]
    state = article.current_workflow_state
    return [
        "/admin/",
        f"/admin/pages/{section.pk}/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{published.pk}/edit/",
        f"/admin/pages/add/news/articlepage/{section.pk}/",
        f"/admin/pages/{article.pk}/history/",
        f"/admin/pages/{article.pk}/workflow_history/",
        f"/admin/pages/{article.pk}/workflow_history/detail/{state.pk}/",
        "/admin/pages/search/?q=dien",
        "/admin/snippets/news/memberunit/",
        "/admin/snippets/news/category/",
        "/admin/snippets/news/author/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
        "/admin/account/",
    ]


def queries_for(client, url: str) -> int:
    """Queries of a warm GET of `url` (renditions, site root paths and the content version
    cached by a first one), which must answer 200."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
