"""Seed the benchmark database with realistic articles (~1,500 words, 4 field sections, 2 inline
images and a hero photo each), idempotently: `python -m bench.seed --articles 10000`.

Pages are added to the tree and marked live directly (no revisions): the benchmark measures
reading, and this keeps seeding 10,000 articles to a few minutes. Progress is printed.
"""

import argparse
import datetime
import os
import random
import sys
import time

WORDS = (  # noqa: SIM905  (prose is easier to edit than a list of syllables)
    "điện năng sản xuất vận hành tổ máy nhà máy nhiệt điện thủy điện an toàn lao động công nhân "
    "kỹ sư đảng ủy công đoàn đoàn thanh niên kế hoạch sản lượng tiết kiệm chi phí bảo dưỡng sửa chữa "
    "đại tu lò hơi tua bin máy phát hồ chứa mùa khô mùa lũ điều độ hệ thống quốc gia chuyển đổi số "
    "phần mềm quản lý kỹ thuật đào tạo huấn luyện phòng cháy chữa cháy môi trường than khí nhiên liệu"
).split()
# Place names, each in a few articles only: what a "rare word" search looks for (Pleikrông: 1 in 500).
RARE_PLACES = ("Pleikrông", "Quảng Trạch", "Ô Môn", "Vĩnh Tân", "Sông Hinh")
LABELS = ("Lĩnh vực kinh tế", "Lĩnh vực văn hóa - xã hội", "Về an toàn", "Công tác Đảng", "Chuyển đổi số")


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    parts, remaining = [], words
    while remaining > 0:
        length = min(remaining, rng.randint(12, 24))
        parts.append(sentence(rng, length))
        remaining -= length
    return " ".join(parts)


def index_missing_search_documents(article_model) -> None:
    """Write the search documents of articles that have none, in bulk (as `update_index` would)."""
    from cms.search.backend import index_articles

    missing = article_model.objects.filter(search_document__isnull=True).order_by("pk")
    total, done, started = missing.count(), 0, time.monotonic()
    while batch := list(missing.select_related("author")[:500]):
        index_articles(batch)
        done += len(batch)
        print(f"seed: search index {done}/{total} ({done / max(time.monotonic() - started, 0.001):.0f}/s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--images", type=int, default=40, help="size of the shared photo pool")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from wagtail.rich_text import RichText
    from wagtail.signal_handlers import disconnect_reference_index_signal_handlers

    from cms.news.demo import load_authors, load_categories, load_units
    from cms.news.models import ArticlePage
    from cms.news.placeholder_photos import placeholder_image
    from cms.news.renditions import RENDITION_FILTERS
    from cms.news.unit_sections import ensure_unit_section

    call_command("migrate", verbosity=0, interactive=False)
    # The admin's "usage" index is not read by the benchmark and would double the seeding time.
    disconnect_reference_index_signal_handlers()
    units = list(load_units().values())
    categories = list(load_categories().values())
    authors = list(load_authors().values())
    sections = {unit.pk: ensure_unit_section(unit) for unit in units}

    images = []
    for number in range(args.images):
        image = placeholder_image(
            f"Ảnh benchmark {number}", f"#{(number * 2654435761) % 0xFFFFFF:06x}", f"bench-{number}"
        )
        image.get_renditions(*RENDITION_FILTERS)
        image.get_file_size()  # recorded, as Wagtail's upload form records it (older seeds lack it)
        images.append(image)

    existing = ArticlePage.objects.filter(legacy_id__startswith="bench-").count()
    print(f"seed: {existing} benchmark articles present, target {args.articles}", flush=True)
    started = time.monotonic()
    base_date = datetime.date(2025, 12, 31)
    for start in range(existing, args.articles, 200):
        with transaction.atomic():
            for number in range(start, min(start + 200, args.articles)):
                rng = random.Random(number)
                unit = units[number % len(units)]
                body = []
                for section in range(4):
                    body.append(("paragraph", RichText(f"<p>{paragraph(rng, 160)}</p>")))
                    body.append(
                        ("field", {"label": LABELS[section], "text": RichText(f"<p>{paragraph(rng, 150)}</p>")})
                    )
                    if section in (1, 2):
                        body.append(
                            ("image", {"image": rng.choice(images), "caption": sentence(rng, 14), "credit": "Ảnh: PV"})
                        )
                date = base_date - datetime.timedelta(days=number // 8)
                published = timezone.make_aware(datetime.datetime.combine(date, datetime.time(8, number % 60)))
                page = ArticlePage(
                    title=f"{sentence(rng, 12)[:-1]} ({number})",
                    legacy_id=f"bench-{number}",
                    date=date,
                    lead=paragraph(rng, 60) + (f" Tại {RARE_PLACES[number % 5]}." if number % 100 == 0 else ""),
                    hero_image=rng.choice(images),
                    hero_caption=sentence(rng, 16),
                    author=rng.choice(authors),
                    body=body,
                    live=True,
                    first_published_at=published,
                    last_published_at=published,
                    units=[unit],
                    categories=rng.sample(categories, 2),
                )
                page.tags.set(rng.sample(WORDS[:20], 3))
                sections[unit.pk].add_child(instance=page)
        done = min(start + 200, args.articles)
        rate = (done - existing) / max(time.monotonic() - started, 0.001)
        print(f"seed: {done}/{args.articles} articles ({rate:.0f}/s)", flush=True)
    index_missing_search_documents(ArticlePage)
    # Pages were added without Wagtail's publish signals: log them as member units' sync sees them.
    call_command("record_article_changes", verbosity=0)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # What autovacuum gives a production database in time: planner statistics, and a
            # visibility map so that counts can use index-only scans.
            cursor.execute("VACUUM ANALYZE")
    print("seed: done", flush=True)


if __name__ == "__main__":
    sys.exit(main())
