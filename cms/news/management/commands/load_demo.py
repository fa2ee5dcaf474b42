from django.core.management.base import BaseCommand

from cms.news.demo import load_demo_content


class Command(BaseCommand):
    help = "Nạp nội dung mẫu (đơn vị, chuyên mục, tác giả, ảnh, bài viết). Chạy lại không tạo trùng."

    def handle(self, *args, **options):
        self.stdout.write("Đang nạp nội dung mẫu…")
        counts = load_demo_content(report=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Nội dung mẫu: {counts['created']} bài tạo mới, {counts['updated']} cập nhật, "
                f"{counts['unchanged']} đã có sẵn."
            )
        )
