"""`manage.py flush_view_counts`: store the views buffered in the cache (cron or a timer, every minute)."""

from django.core.management.base import BaseCommand, CommandError

from cms.website.view_counts import FLUSH_DAYS, flush_view_counts


class Command(BaseCommand):
    help = "Ghi lượt xem đang đệm trong cache vào cơ sở dữ liệu (chạy định kỳ, an toàn khi chạy lặp lại)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=FLUSH_DAYS, help="Số ngày gần nhất cần ghi (mặc định 3).")

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days phải là số nguyên dương.")
        moved = flush_view_counts(days=days)
        self.stdout.write(f"Đã ghi {moved} lượt xem.")
