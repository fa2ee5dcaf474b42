"""Make sure an administrator exists and print how to log in.

Credentials come from ADMIN_USERNAME / ADMIN_PASSWORD / ADMIN_EMAIL when set; otherwise a random
password is generated once and kept in `.admin-password` (git-ignored) so later runs can print it.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị (nếu chưa có) và in thông tin đăng nhập."

    def handle(self, *args, **options):
        import os

        username = os.environ.get("ADMIN_USERNAME", "admin")
        email = os.environ.get("ADMIN_EMAIL", "admin@localhost")
        password = os.environ.get("ADMIN_PASSWORD") or self._stored_or_new_password()
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user_model.objects.create_superuser(username=username, email=email, password=password)
            self.stdout.write(self.style.SUCCESS(f"Đã tạo tài khoản quản trị '{username}'."))
        elif not user.check_password(password):
            self.stdout.write(f"Tài khoản '{username}' đã có, mật khẩu do bạn đặt trước đó (không đổi).")
            return
        self.stdout.write(
            f"Đăng nhập tại {settings.WAGTAILADMIN_BASE_URL}/admin/ — tên: {username}  mật khẩu: {password}"
        )

    def _stored_or_new_password(self) -> str:
        if PASSWORD_FILE.exists():
            return PASSWORD_FILE.read_text().strip()
        password = secrets.token_urlsafe(12)
        PASSWORD_FILE.write_text(password + "\n")
        PASSWORD_FILE.chmod(0o600)
        return password
