"""Make sure an administrator and the demo's editors exist, and print how to log in.

Credentials come from ADMIN_USERNAME / ADMIN_PASSWORD / ADMIN_EMAIL when set; otherwise a random
password is generated once and kept in `.admin-password` (git-ignored) so later runs can print it.
The demo's unit editor and moderator (cms/news/demo.py) share DEMO_PASSWORD, or one generated
once and kept in `.demo-password`; they are made only once the demo's groups exist (`load_demo`).
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from cms.news.demo import align_site_with_site_url, ensure_demo_users

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"
DEMO_PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-password"


def stored_or_new_password(path: Path) -> str:
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(12)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị và tài khoản biên tập mẫu (nếu chưa có) và in thông tin đăng nhập."

    def handle(self, *args, **options):
        align_site_with_site_url()
        self._ensure_admin()
        self._ensure_demo_users()

    def _login_line(self, username: str, password: str, role: str) -> None:
        self.stdout.write(
            f"Đăng nhập tại {settings.WAGTAILADMIN_BASE_URL}/admin/ — {role}: tên: {username}  mật khẩu: {password}"
        )

    def _ensure_admin(self) -> None:
        username = os.environ.get("ADMIN_USERNAME", "admin")
        email = os.environ.get("ADMIN_EMAIL", "admin@localhost")
        password = os.environ.get("ADMIN_PASSWORD") or stored_or_new_password(PASSWORD_FILE)
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user_model.objects.create_superuser(username=username, email=email, password=password)
            self.stdout.write(self.style.SUCCESS(f"Đã tạo tài khoản quản trị '{username}'."))
        elif not user.check_password(password):
            self.stdout.write(f"Tài khoản '{username}' đã có, mật khẩu do bạn đặt trước đó (không đổi).")
            return
        self._login_line(username, password, "quản trị")

    def _ensure_demo_users(self) -> None:
        password = os.environ.get("DEMO_PASSWORD") or stored_or_new_password(DEMO_PASSWORD_FILE)
        user_model = get_user_model()
        for username, role in ensure_demo_users(password):
            if user_model.objects.get(username=username).check_password(password):
                self._login_line(username, password, role)
            else:
                self.stdout.write(f"Tài khoản '{username}' ({role}) đã có, mật khẩu do bạn đặt trước đó (không đổi).")
