"""Purging the shared cache in front (Varnish) by surrogate key, from the task worker.

The caches are `wagtail.contrib.frontend_cache` backends, registered in WAGTAILFRONTENDCACHE
(settings: VARNISH_URLS). Wagtail's own HTTP backend purges one URL at a time; a change to an
article is shown under many URLs (its page and API detail, every list, feed and page of lists it
is in), which its surrogate keys name (`surrogate_keys.keys_for_change`). `VarnishBackend` adds
`purge_keys`: one `PURGE` request whose `xkey` header lists the keys, as varnish-modules' xkey
vmod reads it (deploy/varnish/cms.vcl).

`purge_after_commit(keys)` enqueues the purge once the transaction commits (a rolled-back
publish purges nothing, and the cache refetches the committed state); the task purges every
backend and retries the ones that failed, FRONTEND_CACHE_PURGE_ATTEMPTS times in all, 1 s, 2 s,
4 s … apart (with a backend that can defer: the database backend and its worker). With no
backend configured (the embedded default) nothing is computed, enqueued or sent.

A purge that succeeded is sent once more FRONTEND_CACHE_REPURGE_SECONDS later (with a worker):
a request that read the old state before the change committed may still be on its way to the
cache when the first purge lands, and the cache would keep its answer for the whole `s-maxage`.

The application itself is not in INSTALLED_APPS: its signal handlers would purge each published
page's URL besides, which the keys already cover.
"""

import datetime
import logging
from collections.abc import Iterable
from functools import partial
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends

from cms.ops.task_retry import retry_later

logger = logging.getLogger(__name__)

# Every object the VCL stores is tagged with this key too: purging it empties the cache of
# everything the app served (a section, a unit's name, the site's identity: on every page's menu).
EVERYTHING = "all"
# Keys per PURGE request: Varnish refuses request headers over http_req_hdr_len (8 KiB).
HEADER_BYTES = 4000
FIRST_RETRY_DELAY = datetime.timedelta(seconds=1)


class PurgeFailed(Exception):
    """The cache did not confirm the purge (unreachable, or an error status)."""

    def __init__(self, message: str, *, unreachable: bool):
        super().__init__(message)
        self.unreachable = unreachable


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP (Varnish) backend, which purges URLs, plus purges by surrogate key."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 2.0))
        super().__init__(params)

    def purge_keys(self, keys: Iterable[str]) -> int:
        """Purge every object tagged with one of `keys`; the number purged, as Varnish counts it.
        Raises `PurgeFailed`."""
        purged = 0
        for chunk in _chunks(list(dict.fromkeys(keys))):
            request = PurgeRequest(
                url=f"{self.cache_scheme}://{self.cache_netloc}/",
                headers={"xkey": " ".join(chunk), "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"},
            )
            try:
                # The scheme and address are the configured LOCATION, never user input.
                with urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    purged += int(response.headers.get("X-Purged", 0))
            except HTTPError as error:
                raise PurgeFailed(f"{error.code} {error.reason}", unreachable=False) from error
            except (URLError, OSError) as error:
                raise PurgeFailed(str(getattr(error, "reason", error)), unreachable=True) from error
        return purged


def _chunks(keys: list[str]) -> Iterable[list[str]]:
    chunk, size = [], 0
    for key in keys:
        if chunk and size + len(key) + 1 > HEADER_BYTES:
            yield chunk
            chunk, size = [], 0
        chunk.append(key)
        size += len(key) + 1
    if chunk:
        yield chunk


def enabled() -> bool:
    """Whether a shared cache is configured (else nothing needs computing for it)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


@task()
def purge_surrogate_keys(
    keys: list[str], backend_names: list[str] | None = None, attempt: int = 1, repeat: bool = True
) -> dict:
    """Purge `keys` from every configured cache (or those named); retry the ones that failed, and
    purge the ones that succeeded once more after the answers in flight have landed (`repeat`)."""
    purged, failed, unreachable = {}, [], False
    for name, backend in get_backends(backends=backend_names).items():
        if not hasattr(backend, "purge_keys"):
            logger.warning("Frontend cache %s cannot purge by surrogate key: skipped", name)
            continue
        try:
            purged[name] = backend.purge_keys(keys)
        except PurgeFailed as error:
            logger.warning("Could not purge %s key(s) from %s (attempt %s): %s", len(keys), name, attempt, error)
            failed.append(name)
            unreachable = unreachable or error.unreachable
    if failed:
        _retry(keys, failed, attempt, unreachable, repeat)
    if purged and repeat:
        _repeat(keys, list(purged))
    return {"purged": purged, "failed": failed}


def _repeat(keys: list[str], backend_names: list[str]) -> None:
    # Only where the task can wait: purging again at once would land before the answers in flight.
    if purge_surrogate_keys.get_backend().supports_defer and settings.FRONTEND_CACHE_REPURGE_SECONDS > 0:
        run_after = timezone.now() + datetime.timedelta(seconds=settings.FRONTEND_CACHE_REPURGE_SECONDS)
        purge_surrogate_keys.using(run_after=run_after).enqueue(keys, backend_names, 1, False)


def _retry(keys: list[str], backend_names: list[str], attempt: int, unreachable: bool, repeat: bool) -> None:
    if attempt >= settings.FRONTEND_CACHE_PURGE_ATTEMPTS:
        logger.error("Giving up purging %s key(s) from %s after %s attempts", len(keys), backend_names, attempt)
        return
    delay = FIRST_RETRY_DELAY * 2 ** (attempt - 1)
    if not retry_later(
        purge_surrogate_keys, keys, backend_names, attempt + 1, repeat, delay=delay, unreachable=unreachable
    ):
        logger.error("Frontend cache unreachable: %s key(s) not purged", len(keys))


def _enqueue(keys: list[str]) -> None:
    try:
        purge_surrogate_keys.enqueue(keys)
    except Exception:  # a broken task queue must not break publishing; the error is logged
        logger.exception("Could not enqueue the purge of %s key(s)", len(keys))


def purge_after_commit(keys: Iterable[str]) -> None:
    """Purge `keys` from the shared caches once the transaction commits (nothing without one)."""
    keys = list(dict.fromkeys(keys))
    if keys and enabled():
        transaction.on_commit(partial(_enqueue, keys), robust=True)
