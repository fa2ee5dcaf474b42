"""Varnish as deployed (deploy/varnish/cms.vcl, rendered by scripts/prod-local.sh) in front of a
live test server: it keeps public responses, lets no cookie but Django's split or bypass them,
passes API keys, and a change purges exactly the responses that show the article (their
surrogate keys), through the publish pipeline and `wagtail.contrib.frontend_cache`."""

import glob
import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from cms.news.models import ArticlePage
from tests.factories import MemberUnitFactory, make_article, unit_index
from tests.helpers import free_port

ROOT = Path(__file__).resolve().parent.parent
VARNISHD = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")
XKEY = glob.glob("/usr/lib/*/varnish/vmods/libvmod_xkey.so") + glob.glob("/usr/lib/varnish/vmods/libvmod_xkey.so")

pytestmark = [
    pytest.mark.skipif(
        not (VARNISHD and XKEY), reason="Varnish is not installed (apt-get install -y varnish varnish-modules)"
    ),
    # serialized_rollback: the flush after this live-server test must not take the migrations'
    # data (root collection, site) from the tests after it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback only)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def varnish(live_server, settings):
    """varnishd with the deployed VCL on a free port in front of the live server; the app
    purges it (WAGTAILFRONTENDCACHE) as production does."""
    # Varnish drops root to its own user, who must read the VCL: not in pytest's 0700 folders.
    folder = Path(tempfile.mkdtemp(prefix="cms-varnish-"))
    folder.chmod(0o755)
    vcl = subprocess.run(
        ["scripts/prod-local.sh", "varnish-vcl", str(folder / "cms.vcl"), str(live_server.thread.port)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    port = free_port()
    process = subprocess.Popen(
        [VARNISHD, "-F", "-n", str(folder / "work"), "-a", f"127.0.0.1:{port}", "-f", vcl, "-s", "malloc,32m"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 15
        while get_or_none(base + "/healthz") != 200:  # listening, and the probe found the app healthy
            if process.poll() is not None:
                pytest.fail(process.stderr.read().decode())
            if time.monotonic() > deadline:
                pytest.fail("Varnish did not answer /healthz within 15 s")
            time.sleep(0.1)
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {"BACKEND": "cms.http_cache.purge.VarnishBackend", "LOCATION": base}
        }
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def get_or_none(url: str) -> int | None:
    try:
        return get(url)[0]
    except OSError:
        return None


def cached(base: str, path: str, headers: dict | None = None) -> str:
    """X-Cache of a second GET (the first fills the cache)."""
    get(base + path, headers)
    status, response_headers, _ = get(base + path, headers)
    return response_headers.get("X-Cache")


def test_varnish_keeps_public_responses_and_a_change_purges_exactly_those_showing_the_article(varnish):
    vinh_tan, song_hinh = MemberUnitFactory(slug="vinh-tan"), MemberUnitFactory(slug="song-hinh")
    leaving = make_article(parent=unit_index(vinh_tan), title="Tổ máy 1 dừng bảo dưỡng", units=[vinh_tan])
    staying = make_article(parent=unit_index(song_hinh), title="Hồ chứa đủ nước", units=[song_hinh])
    showing = [
        leaving.url,
        f"/api/v1/articles/{leaving.pk}/",
        "/api/v1/articles/?unit=vinh-tan",
        "/feeds/units/vinh-tan/atom.xml",
        "/feeds/atom.xml",
        "/",
    ]
    unrelated = [
        f"/api/v1/articles/{staying.pk}/",
        "/api/v1/articles/?unit=song-hinh",
        "/feeds/units/song-hinh/rss.xml",
    ]
    for path in showing + unrelated:
        assert cached(varnish, path) == "HIT", path
    status, headers, _ = get(varnish + leaving.url)
    assert int(headers["Age"]) >= 0 and f"article-{leaving.pk}" in headers["Surrogate-Key"]
    for path in unrelated:
        assert f"article-{leaving.pk}" not in get(varnish + path)[1].get("Surrogate-Key", "")

    ArticlePage.objects.get(pk=leaving.pk).unpublish()  # commits: the pipeline purges its keys

    after = {path: get(varnish + path) for path in showing + unrelated}
    assert {path: after[path][1]["X-Cache"] for path in showing} == dict.fromkeys(showing, "MISS")
    assert {path: after[path][1]["X-Cache"] for path in unrelated} == dict.fromkeys(unrelated, "HIT")
    assert after[leaving.url][0] == after[f"/api/v1/articles/{leaving.pk}/"][0] == 404
    assert "Tổ máy 1 dừng bảo dưỡng" not in after["/feeds/atom.xml"][2].decode()
    assert "Tổ máy 1 dừng bảo dưỡng" not in after["/feeds/units/vinh-tan/atom.xml"][2].decode()


def test_only_djangos_cookies_and_api_keys_bypass_varnish(varnish):
    article = make_article(title="Tin không phụ thuộc người đọc")
    path = f"/api/v1/articles/{article.pk}/"
    assert cached(varnish, article.url) == "HIT"
    # The view beacon's reader_id (and any other cookie) neither splits nor bypasses the cache.
    assert get(varnish + article.url, {"Cookie": "reader_id=abc; _ga=GA1.2"})[1]["X-Cache"] == "HIT"
    assert get(varnish + article.url, {"Cookie": "reader_id=abc; sessionid=xyz"})[1]["X-Cache"] == "PASS"
    assert get(varnish + article.url, {"Cookie": "csrftoken=xyz"})[1]["X-Cache"] == "PASS"
    assert cached(varnish, path) == "HIT"
    assert get(varnish + path, {"X-Api-Key": "not-a-key"})[1]["X-Cache"] == "PASS"
    assert get(varnish + path, {"Authorization": "Api-Key not-a-key"})[1]["X-Cache"] == "PASS"
    # Purging is for the worker's host only, and through nginx never (deploy/nginx/cms.conf).
    request = urllib.request.Request(varnish + "/", method="PURGE", headers={"xkey": "all"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback only)
        assert int(response.headers["X-Purged"]) >= 2
    assert get(varnish + path)[1]["X-Cache"] == "MISS"


@pytest.mark.django_db(transaction=False)
def test_the_vcl_serves_stale_while_healthy_no_longer_than_the_apps_stale_while_revalidate():
    # Varnish cannot read an object's stale-while-revalidate before the lookup that finds it: the
    # rendered VCL carries the app's setting instead (one definition, the app's).
    folder = Path(tempfile.mkdtemp(prefix="cms-varnish-"))
    folder.chmod(0o755)
    env = {**os.environ, "SHARED_CACHE_STALE_WHILE_REVALIDATE": "17"}
    vcl = subprocess.run(
        ["scripts/prod-local.sh", "varnish-vcl", str(folder / "cms.vcl"), "8101"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True, env=env,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    rendered = Path(vcl).read_text()
    assert "set req.grace = 17s;" in rendered
    assert "set req.grace = 60s;" not in rendered
    shutil.rmtree(folder, ignore_errors=True)
