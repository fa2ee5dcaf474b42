"""Purging the shared cache by surrogate key (cms/http_cache/purge.py): one PURGE with an `xkey`
header per batch of keys, to every cache in WAGTAILFRONTENDCACHE, retried with backoff a bounded
number of times when a cache fails, and never a failed publish because of it."""

import pytest
from django.utils import timezone
from django_tasks import default_task_backend

from cms.http_cache import purge
from tests.factories import make_article
from tests.helpers import PurgeRecorder, free_port

BACKEND = "cms.http_cache.purge.VarnishBackend"


def caches(*urls: str) -> dict:
    return {f"varnish-{n}": {"BACKEND": BACKEND, "LOCATION": url} for n, url in enumerate(urls, start=1)}


def test_keys_are_purged_in_one_request_with_an_xkey_header(settings):
    with PurgeRecorder() as cache:
        settings.WAGTAILFRONTENDCACHE = caches(cache.url)
        result = purge.purge_surrogate_keys.call(["article-7", "unit-vinh-tan", "feed"])
    assert cache.purges == [["article-7", "unit-vinh-tan", "feed"]]
    assert result == {"purged": {"varnish-1": 1}, "failed": []}


def test_a_long_list_of_keys_is_split_under_varnishs_header_limit(settings):
    keys = [f"article-{n}" for n in range(2000)]
    with PurgeRecorder() as cache:
        settings.WAGTAILFRONTENDCACHE = caches(cache.url)
        purge.purge_surrogate_keys.call(keys)
    assert len(cache.purges) > 1
    assert all(len(" ".join(batch)) <= purge.HEADER_BYTES for batch in cache.purges)
    assert [key for batch in cache.purges for key in batch] == keys


def test_every_configured_cache_is_purged(settings):
    with PurgeRecorder() as first, PurgeRecorder() as second:
        settings.WAGTAILFRONTENDCACHE = caches(first.url, second.url)
        purge.purge_surrogate_keys.call(["home"])
    assert first.purges == second.purges == [["home"]]


def test_a_failing_cache_is_retried_a_bounded_number_of_times(settings):
    settings.FRONTEND_CACHE_PURGE_ATTEMPTS = 3
    with PurgeRecorder(failures=10) as cache:
        settings.WAGTAILFRONTENDCACHE = caches(cache.url)
        purge.purge_surrogate_keys.call(["home"])
    assert len(cache.purges) == 3


def test_a_cache_that_recovers_is_purged_on_a_retry(settings):
    with PurgeRecorder(failures=1) as cache:
        settings.WAGTAILFRONTENDCACHE = caches(cache.url)
        purge.purge_surrogate_keys.call(["home"])
    assert cache.purges == [["home"], ["home"]]


def test_only_the_caches_that_failed_are_retried(settings):
    settings.FRONTEND_CACHE_PURGE_ATTEMPTS = 2
    with PurgeRecorder() as healthy, PurgeRecorder(failures=10) as failing:
        settings.WAGTAILFRONTENDCACHE = caches(healthy.url, failing.url)
        purge.purge_surrogate_keys.call(["home"])
    assert len(healthy.purges) == 1
    assert len(failing.purges) == 2


@pytest.fixture
def deferring_worker(settings):
    """The task backend of a real worker: retries are enqueued to run later."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    yield default_task_backend
    default_task_backend.clear()


def test_with_a_worker_retries_back_off_1_2_4_seconds(settings, deferring_worker):
    settings.WAGTAILFRONTENDCACHE = caches(f"http://127.0.0.1:{free_port()}")  # nothing listens
    started = timezone.now()
    for attempt in (1, 2, 3):
        purge.purge_surrogate_keys.call(["home"], None, attempt)
    delays = [result.task.run_after - started for result in deferring_worker.results]
    assert [round(delay.total_seconds()) for delay in delays] == [1, 2, 4]
    assert [result.args[2] for result in deferring_worker.results] == [2, 3, 4]
    assert all(result.args[1] == ["varnish-1"] for result in deferring_worker.results)


def test_with_a_worker_the_last_attempt_gives_up(settings, deferring_worker):
    settings.FRONTEND_CACHE_PURGE_ATTEMPTS = 2
    settings.WAGTAILFRONTENDCACHE = caches(f"http://127.0.0.1:{free_port()}")
    purge.purge_surrogate_keys.call(["home"], None, 2)
    assert deferring_worker.results == []


def test_with_a_worker_a_purge_that_succeeded_is_sent_again_after_the_answers_in_flight(settings, deferring_worker):
    # A request that read the old state before the change committed can reach the cache after
    # the first purge; the second one, a few seconds later, removes what it left.
    settings.FRONTEND_CACHE_REPURGE_SECONDS = 5
    with PurgeRecorder() as cache:
        settings.WAGTAILFRONTENDCACHE = caches(cache.url)
        started = timezone.now()
        purge.purge_surrogate_keys.call(["article-7"])
        (repeat,) = deferring_worker.results
        assert round((repeat.task.run_after - started).total_seconds()) == 5
        assert repeat.args == [["article-7"], ["varnish-1"], 1, False]
        purge.purge_surrogate_keys.call(*repeat.args)  # the worker runs it: purged again, once
    assert cache.purges == [["article-7"], ["article-7"]]
    assert len(deferring_worker.results) == 1


def test_with_a_worker_a_failed_purge_is_sent_again_only_once_it_succeeds(settings, deferring_worker):
    with PurgeRecorder(failures=1) as cache:
        settings.WAGTAILFRONTENDCACHE = caches(cache.url)
        purge.purge_surrogate_keys.call(["home"])
        (retry,) = deferring_worker.results
        assert retry.args == [["home"], ["varnish-1"], 2, True]
        purge.purge_surrogate_keys.call(*retry.args)
    repeat = deferring_worker.results[-1]
    assert repeat.args == [["home"], ["varnish-1"], 1, False]


def test_without_a_worker_nothing_is_purged_twice(settings):
    # The immediate backend runs in the editor's request: a second purge at once would land
    # before the answers in flight, so it is not sent.
    with PurgeRecorder() as cache:
        settings.WAGTAILFRONTENDCACHE = caches(cache.url)
        purge.purge_surrogate_keys.call(["home"])
    assert cache.purges == [["home"]]


@pytest.mark.django_db
def test_with_a_worker_a_publish_enqueues_the_purge_after_commit(
    settings, deferring_worker, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = caches("http://127.0.0.1:9")

    def purges():
        return [result for result in deferring_worker.results if result.task.name == "purge_surrogate_keys"]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = make_article()
    assert purges() == []
    for callback in callbacks:
        callback()
    assert len(purges()) == 1 and f"article-{article.pk}" in purges()[0].args[0]


@pytest.mark.django_db
def test_publishing_succeeds_when_the_cache_is_down(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = caches(f"http://127.0.0.1:{free_port()}")
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article()
    assert article.live


def test_an_unreachable_cache_costs_the_immediate_backend_one_attempt(settings, caplog):
    # Without a worker the purge runs in the editor's request: no second wait on a dead cache.
    settings.WAGTAILFRONTENDCACHE = caches(f"http://127.0.0.1:{free_port()}")
    result = purge.purge_surrogate_keys.call(["home"])
    assert result["failed"] == ["varnish-1"]
    assert "not purged" in caplog.text


def test_without_a_cache_nothing_is_purged(settings):
    settings.WAGTAILFRONTENDCACHE = {}
    assert not purge.enabled()
    assert purge.purge_surrogate_keys.call(["home"]) == {"purged": {}, "failed": []}
