"""`manage.py build_sitemap_parts`: the sitemap index's summary rows computed afresh, after
writes that bypassed the publish pipeline (bulk seeding, SQL) or to check them."""

from django.core.management.base import BaseCommand

from cms.website.sitemap_parts import part_size, rebuild


class Command(BaseCommand):
    help = "Tính lại bảng tóm tắt các phần của sitemap (sau khi ghi bài viết không qua quy trình xuất bản)."

    def handle(self, *args, **options):
        parts = rebuild()
        if options["verbosity"]:
            self.stdout.write(f"Đã tính {len(parts)} phần sitemap, mỗi phần {part_size()} mã bài.")
