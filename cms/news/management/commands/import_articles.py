"""`manage.py import_articles PATH [PATH ...] [--metadata FILE]`: import legacy plain-text articles."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from cms.news.article_metadata import MetadataError, read_metadata_file
from cms.news.importer import CREATED, UNCHANGED, UPDATED, import_legacy_file
from cms.news.legacy_parser import LegacyFormatError
from cms.news.models import MemberUnit, NewsIndexPage
from cms.news.unit_sections import ensure_unit_section

ACTION_LABELS = {CREATED: "tạo mới", UPDATED: "cập nhật", UNCHANGED: "không đổi"}


def _expand(paths: list[str]) -> list[Path]:
    """Files as given; folders become their `.txt` files, sorted, recursively.

    A dangling or looping symlink named `.txt` is kept, so that it is reported as unreadable
    instead of being skipped in silence.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() == ".txt" and (p.is_file() or p.is_symlink()))
            )
        else:
            files.append(path)
    return files


class Command(BaseCommand):
    help = (
        "Nhập bài viết từ tệp văn bản của trang cũ. Mỗi tệp được nhập trọn vẹn hoặc không gì cả; "
        "nhập lại cùng tệp sẽ cập nhật đúng trang đó."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Tệp .txt hoặc thư mục chứa các tệp .txt")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ báo sẽ làm gì, không ghi gì")
        parser.add_argument("--unit", metavar="SLUG", help="Slug của đơn vị nhận bài (mặc định: Tổng công ty)")
        parser.add_argument("--parent", metavar="PATH", help="Đường dẫn trang danh sách tin, ví dụ /tin-tuc/")
        parser.add_argument(
            "--metadata",
            metavar="FILE",
            help="Tệp TOML: đơn vị, chuyên mục, từ khóa, ảnh… của từng bài, theo tên tệp (docs/importing.md)",
        )

    def handle(self, *args, paths, dry_run, unit, parent, metadata, **options):
        if not dry_run:
            return self._import(paths, dry_run, unit, parent, metadata)
        # A dry run may still need a unit's section to say where pages would go: make it, then undo.
        with transaction.atomic():
            try:
                return self._import(paths, dry_run, unit, parent, metadata)
            finally:
                transaction.set_rollback(True)

    def _import(self, paths, dry_run, unit, parent, metadata_path):
        try:
            metadata = read_metadata_file(metadata_path) if metadata_path else {}
        except MetadataError as error:
            raise CommandError(f"--metadata: {error}") from None
        units = [self._unit(unit)] if unit else []
        parent_page = self._parent(parent, units)
        files = _expand(paths)
        if not files:
            raise CommandError("Không có tệp .txt nào để nhập.")

        counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0, "failed": 0}
        total = len(files)
        prefix = "[thử] " if dry_run else ""
        for number, path in enumerate(files, start=1):
            self.stdout.write(f"{prefix}[{number}/{total}] {path}", ending=" ")
            try:
                outcome = import_legacy_file(
                    path, parent=parent_page, units=units, dry_run=dry_run, metadata=metadata.get(path.stem)
                )
            except LegacyFormatError as error:
                self._fail(counts, f"{path}:{error.line}: {error.reason}")
            except MetadataError as error:
                self._fail(counts, str(error))
            except OSError as error:
                self._fail(counts, f"{path}:0: không đọc được tệp ({error.strerror or error})")
            except ValidationError as error:
                self._fail(counts, f"{path}:0: dữ liệu không hợp lệ ({'; '.join(error.messages)})")
            else:
                counts[outcome.action] += 1
                where = f"{outcome.parent.url_path}{outcome.slug}/"
                self.stdout.write(f"→ {ACTION_LABELS[outcome.action]}: {outcome.title} ({where})")

        summary = (
            f"{prefix}Tổng kết: {counts[CREATED]} tạo mới, {counts[UPDATED]} cập nhật, "
            f"{counts[UNCHANGED]} không đổi, {counts['failed']} lỗi (trên {total} tệp)."
        )
        if counts["failed"]:
            self.stdout.write(summary)
            raise CommandError(f"{counts['failed']} tệp không nhập được; xem các dòng lỗi ở trên.")
        self.stdout.write(self.style.SUCCESS(summary))

    def _fail(self, counts, message):
        counts["failed"] += 1
        self.stdout.write("→ lỗi")
        self.stderr.write(message)

    def _unit(self, slug: str) -> MemberUnit:
        try:
            return MemberUnit.objects.get(slug=slug)
        except MemberUnit.DoesNotExist:
            known = ", ".join(MemberUnit.objects.values_list("slug", flat=True)) or "(chưa có)"
            raise CommandError(f"--unit: không có đơn vị '{slug}'. Các đơn vị: {known}") from None

    def _parent(self, path: str | None, units: list[MemberUnit]) -> NewsIndexPage:
        if path:
            site = Site.objects.get(is_default_site=True)
            url_path = site.root_page.url_path + path.strip("/") + "/"
            page = NewsIndexPage.objects.filter(url_path=url_path).first()
            if page is None and path.strip("/").isdigit():
                page = NewsIndexPage.objects.filter(pk=int(path.strip("/"))).first()
            if page is None:
                known = ", ".join(
                    p.url_path.removeprefix(site.root_page.url_path.rstrip("/")) for p in NewsIndexPage.objects.all()
                )
                raise CommandError(f"--parent: không có trang danh sách tin '{path}'. Có: {known}")
            return page
        if units:
            return ensure_unit_section(units[0])
        page = NewsIndexPage.objects.order_by("path").first()
        if page is None:
            raise CommandError("Chưa có trang danh sách tin nào: hãy chạy 'manage.py migrate' trước.")
        return page
