"""Counting views: a beacon per page view, one view per reader per article per day, flushed later."""

import datetime
import os
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from cms.news.models import ArticleDailyViews
from cms.website import view_counts
from cms.website.tasks import flush_view_counts_task
from tests.factories import make_article

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
)


def beacon(client: Client, article, user_agent: str = BROWSER, **extra):
    return client.post(reverse("website:count_view", args=[article.pk]), HTTP_USER_AGENT=user_agent, **extra)


def stored_views(article) -> int:
    return sum(ArticleDailyViews.objects.filter(article=article).values_list("views", flat=True))


def test_a_readers_first_view_is_counted_after_the_flush(client):
    article = make_article()
    response = beacon(client, article)
    assert response.status_code == 204
    assert response.cookies["reader_id"]["httponly"]
    assert stored_views(article) == 0  # buffered, not written on the hot path
    assert view_counts.flush_view_counts() == 1
    assert ArticleDailyViews.objects.get(article=article).views == 1


def test_the_beacon_writes_nothing_to_the_database():
    article = make_article()
    beacon(Client(), article)  # warms the cached "is it public" answer
    with CaptureQueriesContext(connection) as queries:
        assert beacon(Client(), article).status_code == 204
    assert len(queries) == 0


def test_repeated_views_by_one_reader_count_once_per_day():
    article = make_article()
    with_cookie = Client()
    for _ in range(5):
        beacon(with_cookie, article)
    # A reader who refuses cookies is recognised by address and browser.
    for _ in range(5):
        beacon(Client(), article, REMOTE_ADDR="10.0.0.7")
    view_counts.flush_view_counts()
    assert stored_views(article) == 2


def test_a_new_readers_cookie_does_not_count_a_second_view():
    article = make_article()
    reader = Client()
    beacon(reader, article, REMOTE_ADDR="10.0.0.8")  # no cookie yet: counted by address, cookie issued
    beacon(reader, article, REMOTE_ADDR="10.0.0.9")  # now identified by the cookie
    view_counts.flush_view_counts()
    assert stored_views(article) == 1


def test_same_reader_counts_again_on_another_day():
    article = make_article()
    reader = view_counts.reader_key(cookie_id="a" * 32, ip="", user_agent="")
    today = datetime.date(2024, 11, 29)
    assert view_counts.record_view(article.pk, reader, day=today)
    assert not view_counts.record_view(article.pk, reader, day=today)
    assert view_counts.record_view(article.pk, reader, day=today + datetime.timedelta(days=1))
    view_counts.flush_view_counts(today=today + datetime.timedelta(days=1))
    assert dict(ArticleDailyViews.objects.filter(article=article).values_list("day", "views")) == {
        today: 1,
        today + datetime.timedelta(days=1): 1,
    }


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36",
        "curl/8.5.0",
        "python-requests/2.32",
        "",
    ],
)
def test_bots_are_not_counted(client, user_agent):
    article = make_article()
    assert beacon(client, article, user_agent=user_agent).status_code == 204
    view_counts.flush_view_counts()
    assert stored_views(article) == 0


def test_unpublished_restricted_and_unknown_articles_are_not_counted(client):
    draft = make_article(publish=False)
    withdrawn = make_article()
    withdrawn.unpublish()
    internal = make_article()
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)
    for article in (draft, withdrawn, internal):
        assert beacon(client, article).status_code == 404
    assert client.post("/luot-xem/999999/", HTTP_USER_AGENT=BROWSER).status_code == 404
    assert view_counts.flush_view_counts() == 0
    assert not ArticleDailyViews.objects.exists()


def test_beacon_accepts_only_post(client):
    article = make_article()
    assert client.get(reverse("website:count_view", args=[article.pk])).status_code == 405


def test_flush_is_idempotent_and_adds_to_earlier_counts(client):
    article = make_article()
    beacon(Client(), article)
    call_command("flush_view_counts")
    call_command("flush_view_counts")
    assert stored_views(article) == 1
    beacon(Client(), article, REMOTE_ADDR="10.1.1.1")
    beacon(Client(), article, REMOTE_ADDR="10.1.1.2")
    result = flush_view_counts_task.enqueue()
    assert result.return_value == 2
    assert ArticleDailyViews.objects.get(article=article).views == 3


def test_parallel_distinct_readers_are_all_counted():
    article = make_article()
    beacon(Client(), article, REMOTE_ADDR="192.0.2.1")  # warms the public check, one reader
    readers = 24
    barrier = threading.Barrier(readers)
    statuses = Counter()
    lock = threading.Lock()

    def read(number: int) -> None:
        client = Client()
        client.cookies["reader_id"] = f"{number:032x}"
        barrier.wait()
        address = f"198.51.100.{number}"
        status = beacon(client, article, REMOTE_ADDR=address).status_code
        beacon(client, article, REMOTE_ADDR=address)  # a reload: same reader, not a second view
        with lock:
            statuses[status] += 1

    threads = [threading.Thread(target=read, args=(n,)) for n in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == {204: readers}
    assert view_counts.pending_views(article.pk) == readers + 1
    view_counts.flush_view_counts()
    assert stored_views(article) == readers + 1


def test_flushes_running_during_reading_lose_and_double_nothing(monkeypatch):
    """Readers count while three flushers take at once: every view ends up stored exactly once."""
    article = make_article()
    view_counts.is_countable(article.pk)
    stored = Counter()
    lock = threading.Lock()

    def store(day, article_id, views):
        with lock:
            stored[article_id] += views

    monkeypatch.setattr(view_counts, "_store", store)
    monkeypatch.setattr(view_counts.ArticlePage.objects, "filter", lambda **kw: _Ids(kw["pk__in"]))
    readers, flushers = 40, 3
    stop = threading.Event()

    def read(number: int) -> None:
        view_counts.record_view(article.pk, f"reader-{number}", address=f"10.3.0.{number}")

    def flush() -> None:
        while not stop.is_set():
            view_counts.flush_view_counts()

    flush_threads = [threading.Thread(target=flush) for _ in range(flushers)]
    read_threads = [threading.Thread(target=read, args=(n,)) for n in range(readers)]
    for thread in flush_threads + read_threads:
        thread.start()
    for thread in read_threads:
        thread.join()
    stop.set()
    for thread in flush_threads:
        thread.join()
    view_counts.flush_view_counts()
    assert stored[article.pk] == readers
    assert view_counts.pending_views(article.pk) == 0


class _Ids:
    """Stands in for the "which articles still exist" query inside cache-only flusher threads."""

    def __init__(self, ids):
        self.ids = ids

    def values_list(self, *args, **kwargs):
        return list(self.ids)


def test_counted_views_show_in_the_most_viewed_box_after_the_flush(client):
    popular = make_article(title="Bài được nhiều người đọc")
    other = make_article(title="Bài ít người đọc")
    for number in range(3):
        beacon(Client(), popular, REMOTE_ADDR=f"10.2.0.{number}")
    beacon(Client(), other, REMOTE_ADDR="10.2.1.1")
    call_command("flush_view_counts")
    html = client.get("/").content.decode()
    box = html.split('class="box most-viewed"', 1)[1].split("</aside>", 1)[0]
    assert box.index(popular.title) < box.index(other.title)


def test_one_address_counts_at_most_the_daily_limit_whatever_its_user_agent(settings):
    assert settings.VIEWS_PER_ADDRESS_PER_DAY == 20
    article = make_article()
    for number in range(30):
        beacon(Client(), article, user_agent=f"{BROWSER} Build/{number}", REMOTE_ADDR="203.0.113.50")
    assert view_counts.pending_views(article.pk) == 20


def test_one_address_counts_at_most_the_daily_limit_whatever_its_cookies(settings):
    settings.VIEWS_PER_ADDRESS_PER_DAY = 5
    article, other = make_article(), make_article()
    for number in range(30):
        forged = Client()
        forged.cookies["reader_id"] = f"{number:032x}"
        beacon(forged, article, REMOTE_ADDR="203.0.113.51")
    beacon(Client(), other, REMOTE_ADDR="203.0.113.51")  # the limit is per article
    beacon(Client(), article, REMOTE_ADDR="203.0.113.52")  # and per address
    view_counts.flush_view_counts()
    assert stored_views(article) == 6
    assert stored_views(other) == 1


def test_the_address_limit_counts_again_the_next_day(settings):
    settings.VIEWS_PER_ADDRESS_PER_DAY = 1
    article = make_article()
    today = datetime.date(2024, 11, 29)
    assert view_counts.record_view(article.pk, "reader-1", address="203.0.113.53", day=today)
    assert not view_counts.record_view(article.pk, "reader-2", address="203.0.113.53", day=today)
    assert view_counts.record_view(article.pk, "reader-2", address="203.0.113.53", day=today + datetime.timedelta(1))


def test_without_a_shared_cache_the_beacon_stores_each_view_at_once(client, settings):
    settings.VIEW_COUNTS_BUFFERED = False
    article = make_article(title="Bài vừa được đọc")
    beacon(Client(), article, REMOTE_ADDR="10.4.0.1")
    beacon(Client(), article, REMOTE_ADDR="10.4.0.2")
    assert stored_views(article) == 2
    assert view_counts.pending_views(article.pk) == 0
    assert view_counts.flush_view_counts() == 0  # nothing left for a flusher to find
    html = client.get("/").content.decode()
    assert "Bài vừa được đọc" in html.split('class="box most-viewed"', 1)[1].split("</aside>", 1)[0]


def _database_url_for_another_process(tmp_path) -> str:
    """The test database as another process can open it (SQLite in memory: copied to a file)."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "site.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        return f"sqlite:///{path}"
    user = quote(settings_dict["USER"] or "")
    password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


# Committed data another process can read; serialized_rollback brings back the migrations' pages
# that an earlier transactional test's flush removed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_views_counted_by_the_web_process_show_in_most_viewed_read_by_another_process(tmp_path):
    """`make run`: the web process counts in its own local-memory cache; another process reads."""
    article = make_article(title="Bài được đọc khi chạy make run")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "VIEW_COUNTS_", "TEST_DATABASE"))
    }
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", DATABASE_URL=_database_url_for_another_process(tmp_path))
    web_process = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "for number in range(3):\n"
        f"    response = Client().post('/luot-xem/{article.pk}/', HTTP_USER_AGENT={BROWSER!r},"
        " REMOTE_ADDR=f'10.5.0.{number}')\n"
        "    print(response.status_code)\n"
    )
    served = subprocess.run([sys.executable, "-c", web_process], cwd=ROOT, env=env, capture_output=True, text=True)
    assert served.returncode == 0, served.stderr
    assert served.stdout.split() == ["204", "204", "204"]
    reader_process = (
        "from cms.news.selectors import most_viewed_articles\n"
        "print([(article.pk, article.recent_views) for article in most_viewed_articles()])"
    )
    read = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", reader_process], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip().splitlines()[-1] == f"[({article.pk}, 3)]"
