"""Photos in production: unguessable file names, and served by nginx as a deployment serves them."""

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.factories import ImageFactory, image_file
from tests.helpers import free_port

pytestmark = pytest.mark.django_db

RANDOM_NAME = re.compile(r"original_images/[0-9a-f]{32}\.jpg")


def test_uploaded_photo_gets_a_random_unguessable_name_keeping_its_extension():
    first = ImageFactory(title="Lễ ký kết hợp đồng", file=image_file(name="le-ky-ket-hop-dong-photo.JPG"))
    second = ImageFactory(title="Lễ ký kết hợp đồng", file=image_file(name="le-ky-ket-hop-dong-photo.JPG"))

    assert RANDOM_NAME.fullmatch(first.file.name), first.file.name
    assert first.file.name != second.file.name
    assert "ky-ket" not in first.get_rendition("width-400").file.name
    assert first.title == "Lễ ký kết hợp đồng"


def test_an_image_already_stored_keeps_its_file_name_when_saved_again():
    image = ImageFactory(file=image_file(name="anh.jpg"))
    name = image.file.name
    image.title = "Tên mới"
    image.save()
    image.refresh_from_db()
    assert image.file.name == name
    assert image.file.storage.exists(name)


def test_a_replaced_file_gets_a_new_random_name():
    image = ImageFactory(file=image_file(name="anh.jpg"))
    old = image.file.name
    image.file = image_file(name="tin-chua-cong-bo.png")  # as the admin's edit form replaces it
    image.save()
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.png", image.file.name), image.file.name
    assert image.file.name != old


ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)


def _get(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback only)
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


@pytest.fixture
def nginx_in_front(live_server, settings, tmp_path):
    """nginx with deploy/nginx/cms.conf as scripts/prod-local.sh renders it, on a free loopback
    port, serving this test's media folder and proxying to the live test server."""
    port = free_port()
    app_port = live_server.thread.port
    static = tmp_path / "static"
    static.mkdir()
    rendered = subprocess.run(
        ["scripts/prod-local.sh", "nginx-conf", str(tmp_path / "nginx"), str(port), settings.MEDIA_ROOT, str(static),
         str(app_port)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    conf = rendered.stdout.strip().splitlines()[-1]
    process = subprocess.Popen(
        [NGINX, "-c", conf, "-p", str(tmp_path / "nginx"), "-e", str(tmp_path / "nginx" / "error.log"),
         "-g", "daemon off;"],
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            try:
                process.wait(timeout=0.05)  # waits for the port; returns only if nginx exited
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    pytest.fail("nginx did not open its port within 10 s")
                continue
            pytest.fail((tmp_path / "nginx" / "error.log").read_text())
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install -y nginx-light)")
# serialized_rollback: the flush after this live-server test must not take the migrations' data
# (root collection, site) from the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_as_deployed_serves_photo_originals_and_renditions_and_proxies_the_app(nginx_in_front):
    image = ImageFactory(title="Toàn cảnh nhà máy", file=image_file(640, 360, name="toan-canh.jpg"))
    rendition = image.get_rendition("width-400")

    status, body, headers = _get(nginx_in_front + image.file.url)
    assert status == 200
    assert headers["Content-Type"] == "image/jpeg"
    with image.file.open("rb") as original:
        assert body == original.read()
    status, body, headers = _get(nginx_in_front + rendition.url)
    assert (status, headers["Content-Type"]) == (200, "image/jpeg")
    assert headers["X-Content-Type-Options"] == "nosniff"

    assert _get(nginx_in_front + "/media/documents/bao-cao.pdf")[0] == 404  # documents: the app's privacy check
    assert _get(nginx_in_front + "/healthz")[0] == 200  # the rest: proxied to the app server


def test_photo_uploaded_in_the_admin_gets_a_random_name(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from wagtail.images import get_image_model

    upload = SimpleUploadedFile("le-ky-ket-bi-mat-photo.jpg", image_file(320, 180).file.getvalue(), "image/jpeg")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Lễ ký kết bí mật", "file": upload})
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Lễ ký kết bí mật")
    assert RANDOM_NAME.fullmatch(image.file.name), image.file.name
