from django.core.management.base import BaseCommand

from cms.news.unit_sections import ensure_all_sections


class Command(BaseCommand):
    help = "Tạo chuyên mục tin và nhóm biên tập viên cho mỗi đơn vị (chạy lại nhiều lần được)."

    def handle(self, *args, **options):
        ensure_all_sections()
        self.stdout.write(self.style.SUCCESS("Đã cập nhật nhóm biên tập viên cho các đơn vị."))
