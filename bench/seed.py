"""Seed the benchmark database with realistic articles, idempotently:
`python -m bench.seed --articles 100000` adds the articles that are missing (numbered 0…N-1)
and does nothing when all N are there.

Each article has ~1,500 words, 4 labelled field sections, 2 inline photos and a hero photo,
one member unit, two categories, three tags and an author; its date lies within 15 years, as
a fixed function of its number (whatever N), so that every size of the bench sees the same
spread of dates. Its content is a fixed function of its number too.

Saving pages one by one through treebeard's `add_child` and Wagtail's `save_revision` reads
and locks the parent, and builds each row through the ORM, for every article: far too slow for
100,000 of them. Articles are written as rows instead (COPY on PostgreSQL, `executemany`
elsewhere), and the rows are what Wagtail itself would have written:

- the page tree: `path`, `depth` and `numchild` computed as treebeard computes them, each
  article appended after the last child of its unit's news section;
- a revision per article holding the page's serialized form (`serializable_data()`), set as
  its latest and live revision, so that the admin's edit view opens it as any other;
- the M2M rows (units, categories, tags through `ArticlePageTag`), `url_path`, `draft_title`,
  `translation_key`, locale and content type, first and last publication times;
- the search document, built by `cms.search.backend.article_document` from the same
  in-memory page (PostgreSQL's trigger fills its vectors on insert), so that search works
  with no `update_index` after;
- the change log, through `record_article_changes`: the entries publishing would have logged;
- the sitemap index's summary rows, through `build_sitemap_parts`.

Every row of an article is built from one in-memory `ArticlePage`, so the page, its revision
and its search document cannot disagree. Building them (text, JSON, the folded search text)
costs about as much as writing them, so with `--workers 1` (the default) a worker process
builds the next batches while this one writes; `--workers 0` builds them in-process. On
PostgreSQL `--writers 2` (the default) commits two batches at a time over two connections: the
database's own work for the search documents (their vectors, the GIN indexes) is the largest
single cost, and one connection keeps only one core on it.
The admin's reference index is not kept: the benchmark does not read it.
Rates of each phase are printed at the end (numbers: bench/README.md).
"""

import argparse
import collections
import dataclasses
import datetime
import json
import math
import os
import random
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

WORDS = (  # noqa: SIM905  (prose is easier to edit than a list of syllables)
    "điện năng sản xuất vận hành tổ máy nhà máy nhiệt điện thủy điện an toàn lao động công nhân "
    "kỹ sư đảng ủy công đoàn đoàn thanh niên kế hoạch sản lượng tiết kiệm chi phí bảo dưỡng sửa chữa "
    "đại tu lò hơi tua bin máy phát hồ chứa mùa khô mùa lũ điều độ hệ thống quốc gia chuyển đổi số "
    "phần mềm quản lý kỹ thuật đào tạo huấn luyện phòng cháy chữa cháy môi trường than khí nhiên liệu"
).split()
TAG_WORDS = WORDS[:20]
# Place names, each in a few articles only: what a "rare word" search looks for (Pleikrông: 1 in 500).
RARE_PLACES = ("Pleikrông", "Quảng Trạch", "Ô Môn", "Vĩnh Tân", "Sông Hinh")
# The search scenarios' quoted phrase, which random words almost never make: planted in the lead
# of one article in PHRASE_EVERY, so that it matches at every size (4 in 1,000).
PLANTED_PHRASE, PHRASE_EVERY = "Bảo đảm an toàn lao động", 250
LABELS = ("Lĩnh vực kinh tế", "Lĩnh vực văn hóa - xã hội", "Về an toàn", "Công tác Đảng", "Chuyển đổi số")
LEGACY_PREFIX = "bench-"
NEWEST_DATE = datetime.date(2025, 12, 31)
DATE_SPAN_DAYS = 15 * 365
# Dates by the golden-ratio (Weyl) sequence: the first N numbers cover the 15 years evenly for
# any N, and a number's date never depends on how many articles are seeded.
GOLDEN_FRACTION = (math.sqrt(5) - 1) / 2
TRANSLATION_KEYS = uuid.UUID("5b0c3a4e-6a43-4f4e-9b8c-0d1e2f3a4b5c")  # uuid5 namespace of the seed
BATCH_SIZE = 500


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choices(WORDS, k=words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    parts, remaining = [], words
    while remaining > 0:
        length = min(remaining, rng.randint(12, 24))
        parts.append(sentence(rng, length))
        remaining -= length
    return " ".join(parts)


def article_date(number: int) -> datetime.date:
    """The date of benchmark article `number`: within 15 years up to NEWEST_DATE."""
    return NEWEST_DATE - datetime.timedelta(days=int((number * GOLDEN_FRACTION) % 1.0 * DATE_SPAN_DAYS))


@dataclasses.dataclass(frozen=True)
class SeedContext:
    """What the generated rows refer to, as plain ids (sent to the worker process)."""

    unit_ids: tuple[int, ...]
    category_ids: tuple[int, ...]
    authors: tuple[tuple[int, str, str], ...]  # pk, name, slug
    tags: tuple[tuple[int, str, str], ...]  # pk, name, slug
    image_ids: tuple[int, ...]
    article_type_id: int
    page_type_id: int


@dataclasses.dataclass(frozen=True)
class Slot:
    """Where article `number` goes: its ids and its place in the tree."""

    number: int
    page_id: int
    revision_id: int
    first_tag_item_id: int
    path: str
    depth: int
    parent_url_path: str
    locale_id: int


def build_article(number: int, slot: Slot, context: SeedContext):
    """Benchmark article `number` as an unsaved, complete `ArticlePage`: every field, its tags,
    units and categories in memory (modelcluster), its latest and live revision."""
    from django.utils import timezone
    from wagtail.models import Revision

    from cms.news.models import ArticlePage, ArticlePageTag, Author, Category, MemberUnit
    from cms.news.slugs import vietnamese_slugify

    rng = random.Random(number)

    def block(kind: str, value) -> dict:
        return {"type": kind, "value": value, "id": str(uuid.UUID(int=rng.getrandbits(128), version=4))}

    title = f"{sentence(rng, 12)[:-1]} ({number})"
    lead = paragraph(rng, 60) + (f" Tại {RARE_PLACES[number % 5]}." if number % 100 == 0 else "")
    if number % PHRASE_EVERY == PHRASE_EVERY // 2:
        lead += f" {PLANTED_PHRASE}."
    hero_caption = sentence(rng, 16)
    body = []
    for section in range(4):
        body.append(block("paragraph", f"<p>{paragraph(rng, 160)}</p>"))
        body.append(block("field", {"label": LABELS[section], "text": f"<p>{paragraph(rng, 150)}</p>"}))
        if section in (1, 2):
            image = rng.choice(context.image_ids)
            body.append(block("image", {"image": image, "caption": sentence(rng, 14), "credit": "Ảnh: PV"}))
    author_pk, author_name, author_slug = rng.choice(context.authors)
    categories = rng.sample(context.category_ids, 2)
    tags = rng.sample(context.tags, 3)
    date = article_date(number)
    published = timezone.make_aware(datetime.datetime.combine(date, datetime.time(8, number % 60)))
    slug = vietnamese_slugify(title)
    page = ArticlePage(
        id=slot.page_id,
        page_ptr_id=slot.page_id,
        path=slot.path,
        depth=slot.depth,
        numchild=0,
        translation_key=uuid.uuid5(TRANSLATION_KEYS, f"{LEGACY_PREFIX}{number}"),
        locale_id=slot.locale_id,
        content_type_id=context.article_type_id,
        title=title,
        draft_title=title,
        slug=slug,
        url_path=f"{slot.parent_url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        latest_revision_created_at=published,
        legacy_id=f"{LEGACY_PREFIX}{number}",
        date=date,
        lead=lead,
        hero_image_id=rng.choice(context.image_ids),
        hero_caption=hero_caption,
        author=Author(pk=author_pk, name=author_name, slug=author_slug),
        body=body,
    )
    page.units = [MemberUnit(pk=context.unit_ids[number % len(context.unit_ids)])]
    page.categories = [Category(pk=pk) for pk in categories]
    page.tagged_items = [
        ArticlePageTag(id=slot.first_tag_item_id + index, tag_id=tag_pk)
        for index, (tag_pk, _name, _slug) in enumerate(tags)
    ]
    page.wagtail_admin_comments = []
    # What `save_revision()` stores, taken before the page points at its revision (as there).
    page.latest_revision = page.live_revision = Revision(
        id=slot.revision_id,
        content_type_id=context.article_type_id,
        base_content_type_id=context.page_type_id,
        object_id=str(slot.page_id),
        created_at=published,
        content=page.serializable_data(),
        object_str=str(page),
    )
    return page


def column_value(field, obj, connection):
    """The value Django would write for `field` of `obj` on this database."""
    from django.db.models import JSONField

    json_field = getattr(field, "json_field", field)  # a StreamField writes through a JSONField
    if isinstance(json_field, JSONField):
        # JSON as text, which both COPY and SQLite take (Django's own dump, as the ORM would).
        return json.dumps(field.get_prep_value(getattr(obj, field.attname)), cls=json_field.encoder)
    return field.get_db_prep_save(getattr(obj, field.attname), connection)


@dataclasses.dataclass(frozen=True)
class Table:
    """A table the seed writes: the model and its columns, in row order."""

    model: type
    fields: tuple


def seeded_tables() -> dict[str, Table]:
    from wagtail.models import Page, Revision

    from cms.news.models import ArticlePage, ArticlePageTag
    from cms.search.models import ArticleSearchDocument, TsVectorField

    def through(field_name: str) -> Table:
        model = getattr(ArticlePage, field_name).through
        return Table(model, tuple(field for field in model._meta.concrete_fields if not field.primary_key))

    return {
        "page": Table(Page, tuple(Page._meta.local_concrete_fields)),
        "article": Table(ArticlePage, tuple(ArticlePage._meta.local_concrete_fields)),
        "revision": Table(Revision, tuple(Revision._meta.concrete_fields)),
        "units": through("units"),
        "categories": through("categories"),
        "tags": Table(ArticlePageTag, tuple(ArticlePageTag._meta.concrete_fields)),
        # The vectors are the database's to fill (a trigger on PostgreSQL, FTS5 on SQLite).
        "search": Table(
            ArticleSearchDocument,
            tuple(f for f in ArticleSearchDocument._meta.concrete_fields if not isinstance(f, TsVectorField)),
        ),
    }


def generate_batch(slots: list[Slot], context: SeedContext) -> tuple[dict[str, list[tuple]], float]:
    """The rows of these articles, table by table (see `seeded_tables`), and the seconds it took."""
    from django.db import connection

    from cms.search.backend import article_document

    started = time.perf_counter()
    tables = seeded_tables()
    rows = {name: [] for name in tables}

    def add(name, obj):
        rows[name].append(tuple(column_value(field, obj, connection) for field in tables[name].fields))

    for slot in slots:
        page = build_article(slot.number, slot, context)
        add("page", page)
        add("article", page)
        add("revision", page.latest_revision)
        rows["units"] += [(page.pk, unit.pk) for unit in page.units.all()]
        rows["categories"] += [(page.pk, category.pk) for category in page.categories.all()]
        for tagged_item in page.tagged_items.all():
            add("tags", tagged_item)
        add("search", article_document(page))
    return rows, time.perf_counter() - started


def write_rows(connection, table: Table, rows: list[tuple]) -> None:
    """Insert `rows` into `table`: COPY on PostgreSQL, `executemany` elsewhere."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in table.fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table.model._meta.db_table)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(table.fields))
            cursor.executemany(
                f"INSERT INTO {quote(table.model._meta.db_table)} ({columns}) VALUES ({placeholders})", rows
            )


class Phases:
    """Seconds spent per phase, for the rates printed at the end (added to from every writer)."""

    def __init__(self):
        self.seconds = collections.Counter()
        self.lock = threading.Lock()

    def add(self, name: str, seconds: float) -> None:
        with self.lock:
            self.seconds[name] += seconds

    def table(self, articles: int) -> str:
        lines = [f"{'phase':<28} {'seconds':>8} {'articles/s':>11}"]
        for name, seconds in self.seconds.items():
            rate = f"{articles / seconds:.0f}" if seconds and articles else "-"
            lines.append(f"{name:<28} {seconds:>8.1f} {rate:>11}")
        return "\n".join(lines)


def prepare_context(image_count: int) -> tuple[SeedContext, dict]:
    """The units (each with its news section), categories, authors, tags and photos the
    articles refer to, created if missing; and each unit's section page."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from cms.news.demo import load_authors, load_categories, load_units
    from cms.news.models import ArticlePage, ArticleTag
    from cms.news.placeholder_photos import placeholder_image
    from cms.news.renditions import RENDITION_FILTERS
    from cms.news.unit_sections import ensure_unit_section

    units = list(load_units().values())
    sections = {unit.pk: ensure_unit_section(unit) for unit in units}
    categories = list(load_categories().values())
    authors = list(load_authors().values())
    tags = [ArticleTag.objects.get_or_create(name=word)[0] for word in TAG_WORDS]
    images = []
    for number in range(image_count):
        image = placeholder_image(
            f"Ảnh benchmark {number}", f"#{(number * 2654435761) % 0xFFFFFF:06x}", f"bench-{number}"
        )
        image.get_renditions(*RENDITION_FILTERS)
        image.get_file_size()  # recorded, as Wagtail's upload form records it (older seeds lack it)
        images.append(image)
    context = SeedContext(
        unit_ids=tuple(unit.pk for unit in units),
        category_ids=tuple(category.pk for category in categories),
        authors=tuple((author.pk, author.name, author.slug) for author in authors),
        tags=tuple((tag.pk, tag.name, tag.slug) for tag in tags),
        image_ids=tuple(image.pk for image in images),
        article_type_id=ContentType.objects.get_for_model(ArticlePage).pk,
        page_type_id=ContentType.objects.get_for_model(Page).pk,
    )
    return context, sections


def missing_numbers(count: int) -> list[int]:
    from cms.news.models import ArticlePage

    present = set()
    for legacy_id in ArticlePage.objects.filter(legacy_id__startswith=LEGACY_PREFIX).values_list(
        "legacy_id", flat=True
    ):
        suffix = legacy_id.removeprefix(LEGACY_PREFIX)
        if suffix.isdigit():
            present.add(int(suffix))
    return [number for number in range(count) if number not in present]


def next_id(model) -> int:
    from django.db.models import Max

    return (model.objects.aggregate(last=Max("pk"))["last"] or 0) + 1


def plan_slots(numbers: list[int], context: SeedContext, sections: dict) -> list[Slot]:
    """Ids and tree places of the articles to add: each one after the last child of its section."""
    from wagtail.models import Page, Revision

    from cms.news.models import ArticlePageTag

    page_id, revision_id, tag_item_id = next_id(Page), next_id(Revision), next_id(ArticlePageTag)
    positions = {}
    for unit_id, section in sections.items():
        children = Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
        last_child = children.only("path").order_by("-path").first()
        positions[unit_id] = last_child._get_lastpos_in_path() if last_child else 0
    slots = []
    for number in numbers:
        unit_id = context.unit_ids[number % len(context.unit_ids)]
        section = sections[unit_id]
        positions[unit_id] += 1
        slots.append(
            Slot(
                number=number,
                page_id=page_id,
                revision_id=revision_id,
                first_tag_item_id=tag_item_id,
                path=Page._get_path(section.path, section.depth + 1, positions[unit_id]),
                depth=section.depth + 1,
                parent_url_path=section.url_path,
                locale_id=section.locale_id,
            )
        )
        page_id, revision_id, tag_item_id = page_id + 1, revision_id + 1, tag_item_id + 3
    return slots


def write_batch(connection, rows: dict[str, list[tuple]], slots: list[Slot], sections: dict, phases: Phases) -> None:
    """One batch in one transaction: its rows, and its sections' `numchild`.

    Batches may commit side by side on several connections (`--writers`): each batch's paths
    were allotted beforehand (`plan_slots`), and the sections' counts are incremented in path
    order, so two batches never wait on each other in opposite orders.
    """
    from django.db import transaction
    from django.db.models import F
    from wagtail.models import Page

    tables = seeded_tables()
    section_by_path = {section.path: section for section in sections.values()}
    added = collections.Counter(slot.path[: -Page.steplen] for slot in slots)
    with transaction.atomic(using=connection.alias):
        for name, table in tables.items():
            started = time.perf_counter()
            write_rows(connection, table, rows[name])
            phases.add(f"write {name}", time.perf_counter() - started)
        for path in sorted(added):
            Page.objects.using(connection.alias).filter(pk=section_by_path[path].pk).update(
                numchild=F("numchild") + added[path]
            )


def seed_articles(
    count: int,
    *,
    images: int = 40,
    workers: int = 0,
    writers: int = 1,
    batch_size: int = BATCH_SIZE,
    report=print,
    phases: Phases | None = None,
) -> int:
    """Add the benchmark articles 0…count-1 that are missing; return how many were added.

    `workers` processes build the rows while this one writes them (0: built in-process), over
    `writers` database connections at once (PostgreSQL: each batch's search documents cost the
    database far more than the rest, and one connection keeps one core busy). Expects a migrated
    database, with the reference index signal handlers disconnected by the
    caller if it does not want that index (the command does).
    """
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection
    from wagtail.models import Page, Revision

    from cms.news.models import ArticlePageTag

    phases = phases or Phases()
    started = time.perf_counter()
    context, sections = prepare_context(images)
    numbers = missing_numbers(count)
    report(f"seed: {count - len(numbers)} benchmark articles present, target {count}, adding {len(numbers)}")
    slots = plan_slots(numbers, context, sections)
    phases.add("prepare", time.perf_counter() - started)
    writers = writers if connection.vendor == "postgresql" else 1  # SQLite has one writer
    batches = [slots[start : start + batch_size] for start in range(0, len(slots), batch_size)]
    written, writing_started, progress = 0, time.perf_counter(), threading.Lock()

    def write_now(batch_slots, batch):
        nonlocal written
        from django.db import connection as this_threads_connection

        rows, seconds = batch
        if this_threads_connection.vendor == "postgresql":
            with this_threads_connection.cursor() as cursor:
                # The seed can be run again if the machine stops: no need to wait for each flush.
                cursor.execute("SET synchronous_commit = off")
        phases.add("build rows (worker)" if workers else "build rows", seconds)
        write_batch(this_threads_connection, rows, batch_slots, sections, phases)
        with progress:
            written += len(batch_slots)
            rate = written / max(time.perf_counter() - writing_started, 0.001)
            report(f"seed: {count - len(numbers) + written}/{count} articles ({rate:.0f}/s)")

    # With several writers, each is a thread with its own connection; this one hands them batches.
    writing = ThreadPoolExecutor(writers) if writers > 1 else None
    in_flight: collections.deque = collections.deque()

    def write(batch_slots, batch):
        if writing is None:
            write_now(batch_slots, batch)
            return
        while len(in_flight) >= writers:
            in_flight.popleft().result()
        in_flight.append(writing.submit(_in_own_connection, write_now, batch_slots, batch))

    if workers and len(batches) > 1:
        import multiprocessing

        # spawn, not fork: the child must not inherit this process's database connection.
        with multiprocessing.get_context("spawn").Pool(workers, initializer=start_worker) as pool:
            pending = collections.deque()
            for batch_slots in batches:
                # A few batches ahead of the writes, not the whole seed in memory.
                while pending and (len(pending) > 2 * workers or pending[0][1].ready()):
                    done_slots, result = pending.popleft()
                    write(done_slots, result.get())
                pending.append((batch_slots, pool.apply_async(generate_batch, (batch_slots, context))))
            while pending:
                done_slots, result = pending.popleft()
                write(done_slots, result.get())
    else:
        for batch_slots in batches:
            write(batch_slots, generate_batch(batch_slots, context))
    if writing is not None:
        for future in in_flight:
            future.result()
        writing.shutdown()
    if written:
        phases.add("write (wall, all batches)", time.perf_counter() - writing_started)
    started = time.perf_counter()
    with connection.cursor() as cursor:  # ids were given here, not by the sequences
        for statement in connection.ops.sequence_reset_sql(no_style(), [Page, Revision, ArticlePageTag]):
            cursor.execute(statement)
    # Pages were added without Wagtail's publish signals: log them as member units' sync sees them.
    call_command("record_article_changes", verbosity=0)
    phases.add("change log", time.perf_counter() - started)
    started = time.perf_counter()
    call_command("build_sitemap_parts", verbosity=0)  # the sitemap index's rows, as publishing keeps them
    phases.add("sitemap parts", time.perf_counter() - started)
    return written


def _in_own_connection(function, *args):
    """Run `function` in a writer thread, on that thread's own database connection, closed after."""
    from django.db import connection

    try:
        return function(*args)
    finally:
        connection.close()


def start_worker() -> None:
    """Initialise a process that builds rows: Django set up, no database connection ever made."""
    import django

    django.setup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--images", type=int, default=40, help="size of the shared photo pool")
    parser.add_argument("--workers", type=int, default=1, help="processes that build rows (0: none)")
    parser.add_argument("--writers", type=int, default=2, help="database connections writing at once (PostgreSQL)")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.signal_handlers import disconnect_reference_index_signal_handlers

    started = time.perf_counter()
    phases = Phases()
    call_command("migrate", verbosity=0, interactive=False)
    phases.add("migrate", time.perf_counter() - started)
    # The admin's "usage" index is not read by the benchmark and would double the seeding time.
    disconnect_reference_index_signal_handlers()
    added = seed_articles(args.articles, images=args.images, workers=args.workers, writers=args.writers, phases=phases)
    if connection.vendor == "postgresql":
        vacuum_started = time.perf_counter()
        with connection.cursor() as cursor:
            # What autovacuum gives a production database in time: planner statistics, and a
            # visibility map so that counts can use index-only scans.
            cursor.execute("VACUUM ANALYZE")
        phases.add("vacuum analyze", time.perf_counter() - vacuum_started)
    print(phases.table(added), flush=True)
    print(f"seed: done, {added} articles added in {time.perf_counter() - started:.0f} s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
