"""Shared fixtures: a clean cache for every test, a real SMTP server, a headless Chromium.
Data comes from tests/factories.py; shared helpers from tests/helpers.py."""

import email
import email.policy
import threading

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.db import connections

from cms.http_cache import response_cache
from cms.ops.redis_cache import CircuitBreakerClient
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, free_port


def _close_redis_breaker():
    # A test that stalled Redis (or a slow moment on a loaded machine) leaves the client's circuit
    # breaker open in this process: the next test would run with no cache at all.
    client = getattr(cache, "client", None)  # django-redis's client; the local-memory cache has none
    if isinstance(client, CircuitBreakerClient):
        client.close_circuit()


@pytest.fixture(autouse=True)
def _clear_cache():
    _close_redis_breaker()
    cache.clear()
    response_cache.clear_local()
    yield
    cache.clear()
    response_cache.clear_local()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


class _Inbox:
    """aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.envelopes.append(envelope)
            self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django sends through it with its SMTP backend."""
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
            # ORM calls made while Playwright's loop ran may have opened a connection of their own.
            connections.close_all()
