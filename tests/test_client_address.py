"""One rule for the client's address behind the reverse proxy (issue 12, item 6).

nginx at 10.0.0.2 appends the address it saw to X-Forwarded-For; only a request that comes from a
trusted proxy has that header read, from the right, and what a client writes itself is never read.
"""

import json
import logging

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import reverse

from cms.ops.client_address import client_address, parse_trusted_proxies
from tests.factories import make_article

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "fd00::/8"]


def via_proxy(client_address_seen_by_nginx: str, sent_by_client: str = "") -> dict:
    """The request nginx forwards: `proxy_add_x_forwarded_for` appends the peer it saw."""
    chain = f"{sent_by_client}, {client_address_seen_by_nginx}" if sent_by_client else client_address_seen_by_nginx
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


def address_of(**meta) -> str:
    return client_address(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_forwarded_for_header_is_ignored():
    assert address_of(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1") == "203.0.113.7"
    assert address_of(**via_proxy("198.51.100.1")) == PROXY


def test_behind_a_trusted_proxy_the_first_untrusted_hop_from_the_right_is_the_client(behind_proxy):
    assert address_of(**via_proxy("198.51.100.1")) == "198.51.100.1"
    # Two trusted proxies (a CDN edge at 10.0.0.9, then nginx): both are skipped.
    assert address_of(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1, 10.0.0.9") == "198.51.100.1"
    assert address_of(REMOTE_ADDR="fd00::2", HTTP_X_FORWARDED_FOR="2001:db8::7") == "2001:db8::7"
    assert address_of(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="[2001:db8::7]:51234") == "2001:db8::7"
    assert address_of(REMOTE_ADDR="::ffff:10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1") == "198.51.100.1"
    # No header (a health probe from the proxy host itself): the proxy is the caller.
    assert address_of(REMOTE_ADDR=PROXY) == PROXY


def test_a_client_cannot_choose_its_address_through_the_proxy_or_past_it(behind_proxy):
    # Through the proxy: whatever the client wrote is left of the hop nginx appended.
    assert address_of(**via_proxy("198.51.100.1", sent_by_client="192.0.2.99")) == "198.51.100.1"
    assert address_of(**via_proxy("198.51.100.1", sent_by_client="10.0.0.5")) == "198.51.100.1"
    assert address_of(**via_proxy("198.51.100.1", sent_by_client="not-an-address")) == "198.51.100.1"
    # Straight to the app server from an untrusted address: the header is not read at all.
    assert address_of(REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR="192.0.2.99") == "198.51.100.1"
    # Garbage appended after a trusted hop stops the walk at what is known.
    assert address_of(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.99, bogus") == PROXY


def test_a_trusted_proxy_that_is_not_an_address_fails_at_start_up():
    assert [str(network) for network in parse_trusted_proxies(["10.0.0.2", " 172.16.0.0/12"])] == [
        "10.0.0.2/32",
        "172.16.0.0/12",
    ]
    with pytest.raises(ImproperlyConfigured, match="nginx.local"):
        parse_trusted_proxies(["nginx.local"])


def _limit_anonymous_api(settings, rate: str) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anonymous": rate},
    }


def test_two_clients_behind_one_trusted_proxy_have_separate_api_limits(client, settings, behind_proxy):
    _limit_anonymous_api(settings, "2/min")
    first = [client.get("/api/v1/units/", **via_proxy("198.51.100.1")).status_code for _ in range(3)]
    second = [client.get("/api/v1/units/", **via_proxy("198.51.100.2")).status_code for _ in range(2)]
    assert first == [200, 200, 429]
    assert second == [200, 200]


def test_a_spoofed_forwarded_for_from_an_untrusted_address_changes_nothing(client, settings, behind_proxy):
    _limit_anonymous_api(settings, "2/min")
    statuses = [
        client.get("/api/v1/units/", REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 429, 429]
    # Nor through the proxy, by writing a new address in front of the one nginx appends.
    spoofed = [
        client.get("/api/v1/units/", **via_proxy("198.51.100.3", sent_by_client=f"192.0.2.{n}")).status_code
        for n in range(3)
    ]
    assert spoofed == [200, 200, 429]


def test_two_clients_behind_one_trusted_proxy_have_separate_share_limits(client, settings, behind_proxy):
    settings.SHARE_RATE_LIMITS = {**settings.SHARE_RATE_LIMITS, "ip": (1, 3600)}
    article = make_article()
    url = reverse("website:share", args=[article.pk])

    def share(address: str, recipient: str) -> int:
        data = {"recipient": recipient, "sender_name": "Lan", "note": "", "website": ""}
        return client.post(url, data, **via_proxy(address)).status_code

    assert share("198.51.100.1", "a@example.org") == 200
    assert share("198.51.100.1", "b@example.org") == 429
    assert share("198.51.100.2", "c@example.org") == 200


def test_failed_admin_logins_lock_out_only_the_client_that_made_them(settings, behind_proxy):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_user("bientap", password="mat-khau-dung", is_staff=True)
    attacker, editor = Client(), Client()
    for _ in range(3):
        attacker.post("/admin/login/", {"username": "bientap", "password": "sai"}, **via_proxy("198.51.100.66"))
    refused = attacker.post(
        "/admin/login/", {"username": "bientap", "password": "mat-khau-dung"}, **via_proxy("198.51.100.66")
    )
    assert refused.status_code in (403, 429) and "_auth_user_id" not in attacker.session
    # The editor at another address, behind the same proxy, still logs in.
    allowed = editor.post(
        "/admin/login/", {"username": "bientap", "password": "mat-khau-dung"}, **via_proxy("198.51.100.7")
    )
    assert allowed.status_code == 302 and "_auth_user_id" in editor.session


def test_views_behind_one_trusted_proxy_are_counted_per_client_address(settings, behind_proxy):
    from cms.website import view_counts

    settings.VIEWS_PER_ADDRESS_PER_DAY = 1
    article = make_article()
    url = reverse("website:count_view", args=[article.pk])
    for address in ("198.51.100.1", "198.51.100.2", "198.51.100.2"):
        Client().post(url, HTTP_USER_AGENT=BROWSER, **via_proxy(address))
    assert view_counts.pending_views(article.pk) == 2


def test_the_request_log_line_names_the_client_address(client, behind_proxy, caplog):
    with caplog.at_level(logging.INFO, logger="cms.requests"):
        client.get("/healthz", **via_proxy("198.51.100.1", sent_by_client="192.0.2.99"))
    lines = [json.loads(record.getMessage()) for record in caplog.records if record.name == "cms.requests"]
    assert lines and lines[-1]["client"] == "198.51.100.1"
