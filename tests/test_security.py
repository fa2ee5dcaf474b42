"""Security settings a user of the public site and an operator can observe (issue 6)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def test_production_settings_pass_the_deploy_check_with_only_secret_key_and_allowed_hosts():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="tin.example.vn",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.production", ALLOWED_HOSTS="tin.example.vn")
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_public_pages_carry_a_strict_content_security_policy_and_security_headers(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_a_host_header_that_is_not_allowed_answers_400(client):
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400


def test_repeated_failed_admin_logins_lock_the_account_out(client, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_user("bientap", password="mat-khau-dung", is_staff=True)
    first = client.post("/admin/login/", {"username": "bientap", "password": "mat-khau-dung"})
    assert first.status_code == 302 and "_auth_user_id" in client.session
    client.logout()
    for _ in range(3):
        client.post("/admin/login/", {"username": "bientap", "password": "sai"})
    locked = client.post("/admin/login/", {"username": "bientap", "password": "mat-khau-dung"})
    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_production_media_can_live_on_s3_compatible_storage():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="tin.example.vn",
        MEDIA_STORAGE="storages.backends.s3.S3Storage",
        AWS_STORAGE_BUCKET_NAME="tin-tuc",
        AWS_S3_ENDPOINT_URL="https://s3.example.vn",
    )
    code = (
        "import django; django.setup()\n"
        "from django.core.files.storage import default_storage as s\n"
        "print(type(s._wrapped if hasattr(s, '_wrapped') else s).__name__, s.url('images/a.jpg'))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "https://s3.example.vn/tin-tuc/images/a.jpg"]


def test_absolute_urls_come_from_settings_never_from_forwarded_host_headers(client):
    from tests.factories import make_article

    make_article(title="Bài có đường dẫn tuyệt đối")
    for path in ("/api/v1/articles/", "/feeds/atom.xml", "/feeds/rss.xml", "/feeds/feed.json", "/sitemap.xml"):
        response = client.get(path, HTTP_X_FORWARDED_HOST="evil.example", HTTP_X_FORWARDED_PROTO="https")
        assert response.status_code == 200, path
        body = response.content.decode()
        assert "evil.example" not in body, path
        assert "http://testserver/" in body, path  # SITE_URL of the test settings
