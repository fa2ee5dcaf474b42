from django.core.management.base import BaseCommand

from api.changes import record_current_state


class Command(BaseCommand):
    help = (
        "Ghi vào nhật ký thay đổi (/api/v1/changes/) mọi bài đang xuất bản mà nhật ký chưa biết "
        "(chạy một lần sau khi cài API lên một trang đã có bài, hoặc sau khi nạp dữ liệu trực tiếp)."
    )

    def handle(self, *args, **options):
        count = record_current_state()
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {count} thay đổi."))
