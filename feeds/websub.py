"""WebSub: tell the hub which feeds changed when articles are published, unpublished, moved,
deleted or restricted (the publish pipeline, cms/publishing/services.py, says when).

The ping is a background task (django-tasks), enqueued once the transaction commits, so a
rolled-back publish pings nothing and the hub reads the new state. A hub that is down never
breaks or slows publishing: short timeouts, errors logged, a bounded number of attempts. With a
backend that can defer (the database backend and its worker), failed pings are retried later;
with the immediate backend they are retried at once, unless the hub timed out (a hub that does
not answer must not hold up the editor's request a second time).
"""

import datetime
import logging
from collections.abc import Iterable
from functools import partial

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django_tasks import task

from cms.news.models import ArticlePage
from cms.ops.task_retry import retry_later

from .scopes import article_feed_urls

logger = logging.getLogger(__name__)

RETRY_DELAY = datetime.timedelta(seconds=30)


class HubUnreachable(Exception):
    """The hub did not answer (connection refused, timeout): stop pinging it for now."""


def ping_hub(hub_url: str, topic_url: str, *, timeout: float) -> None:
    """One WebSub publish notification (`hub.mode=publish`, `hub.url=<topic>`).

    Raises `HubUnreachable` when the hub cannot be reached, `requests.HTTPError` when it
    answers with an error status.
    """
    try:
        response = requests.post(
            hub_url, data={"hub.mode": "publish", "hub.url": topic_url}, timeout=timeout, allow_redirects=False
        )
    except (requests.ConnectionError, requests.Timeout) as error:
        raise HubUnreachable(str(error)) from error
    response.raise_for_status()


@task()
def notify_hub(topic_urls: list[str], attempt: int = 1) -> dict:
    """Ping the hub once for each topic; retry the failed ones (bounded by WEBSUB_ATTEMPTS)."""
    hub_url = settings.WEBSUB_HUB_URL
    if not hub_url:
        return {"delivered": [], "failed": []}
    delivered, failed, unreachable = [], [], False
    for position, topic_url in enumerate(topic_urls):
        try:
            ping_hub(hub_url, topic_url, timeout=settings.WEBSUB_TIMEOUT)
        except HubUnreachable as error:
            logger.warning("WebSub hub %s unreachable (attempt %s): %s", hub_url, attempt, error)
            failed += topic_urls[position:]
            unreachable = True
            break
        except requests.RequestException as error:
            logger.warning("WebSub hub %s refused %s (attempt %s): %s", hub_url, topic_url, attempt, error)
            failed.append(topic_url)
        else:
            delivered.append(topic_url)
    if failed:
        _retry(failed, attempt, unreachable)
    return {"delivered": delivered, "failed": failed}


def _retry(topic_urls: list[str], attempt: int, unreachable: bool) -> None:
    if attempt >= settings.WEBSUB_ATTEMPTS:
        logger.error("WebSub: giving up on %s topic(s) after %s attempts", len(topic_urls), attempt)
        return
    if not retry_later(notify_hub, topic_urls, attempt + 1, delay=RETRY_DELAY * attempt, unreachable=unreachable):
        logger.error("WebSub: hub unreachable, %s topic(s) not notified", len(topic_urls))


def _enqueue(topic_urls: list[str]) -> None:
    try:
        notify_hub.enqueue(topic_urls)
    except Exception:  # a broken task queue must not break publishing; the error is logged
        logger.exception("WebSub: could not enqueue the hub notification")


def notify_hub_after_commit(articles: Iterable[ArticlePage]) -> None:
    """Ping the hub about every feed these articles appear in, once the transaction commits.

    The topics are read now (the articles' units, categories and tags), while a deleted
    article still has them; nothing is read or sent without a hub.
    """
    if not settings.WEBSUB_HUB_URL:
        return
    if isinstance(articles, QuerySet):
        articles = articles.prefetch_related("units", "categories", "tags")  # what article_feed_urls reads
    topic_urls = list(dict.fromkeys(url for article in articles for url in article_feed_urls(article)))
    if topic_urls:
        transaction.on_commit(partial(_enqueue, topic_urls), robust=True)
