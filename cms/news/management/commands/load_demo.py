from django.core.management.base import BaseCommand, CommandError

from cms.news.demo import DemoContentError, load_demo_content


class Command(BaseCommand):
    help = "Nạp nội dung mẫu (đơn vị, chuyên mục, tác giả, ảnh, bài viết). Chạy lại không tạo trùng."

    def handle(self, *args, **options):
        self.stdout.write("Đang nạp nội dung mẫu…")
        try:
            counts = load_demo_content(report=self.stdout.write)
        except DemoContentError as error:
            raise CommandError(f"Không nạp được nội dung mẫu, chưa ghi gì: {error}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Nội dung mẫu: {counts['created']} bài tạo mới, {counts['updated']} cập nhật, "
                f"{counts['unchanged']} đã có sẵn."
            )
        )
