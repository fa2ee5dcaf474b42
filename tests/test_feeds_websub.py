"""WebSub: every feed names the hub, and publishing pings it once per affected feed — without a
hub that is down, refusing or silent ever breaking or holding up the editor's publish."""

import json
import socket
import time
from collections import Counter

import pytest
from lxml import etree

from tests.factories import CategoryFactory, MemberUnitFactory, make_article, unit_index
from tests.feeds_data.reader import read_feed
from tests.helpers import Hub

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@pytest.fixture
def classified():
    unit = MemberUnitFactory(slug="thac-mo")
    category = CategoryFactory(slug="san-xuat")
    return {"parent": unit_index(unit), "categories": [category], "tags": ["sản lượng", "kỷ lục"]}


def expected_topics() -> list[str]:
    scopes = ["/feeds/", "/feeds/units/thac-mo/", "/feeds/categories/san-xuat/"]
    scopes += ["/feeds/tags/san-luong/", "/feeds/tags/ky-luc/"]
    return [f"http://testserver{scope}{name}" for scope in scopes for name in ("rss.xml", "atom.xml", "feed.json")]


def test_each_feed_names_the_hub_when_one_is_configured(client, settings, classified):
    settings.WEBSUB_HUB_URL = "https://hub.example.vn/"
    make_article(**classified)

    atom = etree.fromstring(client.get("/feeds/units/thac-mo/atom.xml").content)
    rss = etree.fromstring(client.get("/feeds/rss.xml").content).find("channel")
    feed = json.loads(client.get("/feeds/tags/ky-luc/feed.json").content)
    assert atom.find(f"{ATOM}link[@rel='hub']").get("href") == "https://hub.example.vn/"
    assert rss.find(f"{ATOM}link[@rel='hub']").get("href") == "https://hub.example.vn/"
    assert feed["hubs"] == [{"type": "WebSub", "url": "https://hub.example.vn/"}]


def test_no_hub_is_named_when_none_is_configured(client, classified):
    make_article(**classified)
    atom = etree.fromstring(client.get("/feeds/atom.xml").content)
    assert atom.find(f"{ATOM}link[@rel='hub']") is None
    assert "hubs" not in json.loads(client.get("/feeds/feed.json").content)


def test_publishing_pings_the_hub_once_per_affected_feed_after_commit(
    settings, classified, django_capture_on_commit_callbacks
):
    with Hub() as hub:
        settings.WEBSUB_HUB_URL = hub.url
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            make_article(**classified)
            assert hub.pings == []  # nothing before the transaction commits
        for callback in callbacks:
            callback()

    assert Counter(ping["hub.url"] for ping in hub.pings) == Counter(expected_topics())
    assert {ping["hub.mode"] for ping in hub.pings} == {"publish"}


def test_unpublishing_pings_the_same_feeds(settings, classified, django_capture_on_commit_callbacks):
    article = make_article(**classified)
    with Hub() as hub:
        settings.WEBSUB_HUB_URL = hub.url
        with django_capture_on_commit_callbacks(execute=True):
            article.unpublish()

    assert sorted(ping["hub.url"] for ping in hub.pings) == sorted(expected_topics())


def test_a_failing_hub_is_retried_a_bounded_number_of_times(settings, classified, django_capture_on_commit_callbacks):
    settings.WEBSUB_ATTEMPTS = 3
    with Hub(failures_per_topic=1) as flaky, Hub(status=503) as broken:
        settings.WEBSUB_HUB_URL = flaky.url
        with django_capture_on_commit_callbacks(execute=True):
            make_article(**classified)
        settings.WEBSUB_HUB_URL = broken.url
        with django_capture_on_commit_callbacks(execute=True):
            make_article(title="Tin thứ hai", **classified)

    assert Counter(ping["hub.url"] for ping in flaky.pings) == Counter(dict.fromkeys(expected_topics(), 2))
    assert Counter(ping["hub.url"] for ping in broken.pings) == Counter(dict.fromkeys(expected_topics(), 3))


def test_publishing_succeeds_when_the_hub_is_down(client, settings, classified, django_capture_on_commit_callbacks):
    settings.WEBSUB_HUB_URL = closed_port_url()
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Tin vẫn lên khi hub hỏng", **classified)

    assert article.live
    assert read_feed(client.get("/feeds/atom.xml")).titles == ["Tin vẫn lên khi hub hỏng"]


def test_a_silent_hub_costs_one_short_timeout_not_one_per_feed(
    settings, classified, django_capture_on_commit_callbacks
):
    settings.WEBSUB_TIMEOUT = 0.2
    with Hub(silent=True) as hub:
        settings.WEBSUB_HUB_URL = hub.url
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            make_article(**classified)
        started = time.monotonic()
        for callback in callbacks:
            callback()
        elapsed = time.monotonic() - started

    assert len(hub.pings) == 1
    assert elapsed < 1.0
