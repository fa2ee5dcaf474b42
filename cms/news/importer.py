"""Write parsed legacy articles as published `ArticlePage`s.

The parser (`legacy_parser.py`) decides what the text means, and `article_metadata.py` what a
metadata file adds to it (units, section, categories, tags, publishing time, generated photos);
this module decides where it goes and writes it. Callers wrap each article in a transaction so a
file is imported whole or not at all (`import_legacy_file`).
"""

import datetime
import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.rich_text import RichText

from .article_metadata import ArticleMetadata
from .legacy_parser import LegacyArticle, parse_legacy_article
from .models import ArticlePage, Author, Category, MemberUnit, NewsIndexPage
from .placeholder_photos import placeholder_image
from .slugs import vietnamese_slugify
from .unit_sections import ensure_unit_section

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass(frozen=True)
class ImportOutcome:
    action: str
    title: str
    slug: str
    parent: NewsIndexPage
    page: ArticlePage | None = None


def _paragraph_html(text: str) -> str:
    return f"<p>{html.escape(text, quote=False)}</p>"


def article_body(article: LegacyArticle, photos: Sequence = ()) -> list[tuple[str, object]]:
    """The StreamField value for the article's sections, in order; `photos` are the images of
    its photo captions, in order (a caption without one keeps its text for an editor to add it)."""
    body = []
    remaining = iter(photos)
    for section in article.sections:
        if section.kind == "field":
            body.append(("field", {"label": section.label, "text": RichText(_paragraph_html(section.text))}))
        elif section.kind == "quote":
            body.append(("quote", {"text": section.text, "attribution": section.attribution}))
        elif section.kind == "photo":
            image = next(remaining, None)
            body.append(("image", {"image": image, "caption": section.text, "credit": section.credit}))
        else:
            body.append(("paragraph", RichText(_paragraph_html(section.text))))
    return body


def _author_for(name: str) -> Author | None:
    if not name:
        return None
    author = Author.objects.filter(name=name).first()
    if author:
        return author
    base = vietnamese_slugify(name, max_length=70) or "tac-gia"
    slug, suffix = base, 2
    while Author.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return Author.objects.create(name=name, slug=slug)


def _unique_slug(parent: NewsIndexPage, title: str, exclude_pk: int | None) -> str:
    base = vietnamese_slugify(title, max_length=240) or "bai-viet"
    siblings = parent.get_children().exclude(pk=exclude_pk)
    slug, suffix = base, 2
    while siblings.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def _published_at(date: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(0, 0)))


def _content_of(page: ArticlePage) -> tuple:
    """What an import writes, without block ids: equal tuples mean nothing to update."""
    body = [(child.block_type, child.block.get_prep_value(child.value)) for child in page.body]
    return (
        page.title,
        page.date,
        page.hero_caption,
        page.hero_image_id,
        page.lead,
        body,
        page.author_id,
        page.first_published_at,
    )


def _relations_of(page: ArticlePage) -> tuple:
    """Units, categories and tags as the page holds them, set but unsaved ones included."""
    return (
        {unit.pk for unit in page.units.all()},
        {category.pk for category in page.categories.all()},
        {tag.name for tag in page.tags.all()},
    )


@dataclass(frozen=True)
class _Placement:
    """Where the article goes and what it is filed under; None: as the page already has it."""

    parent: NewsIndexPage
    units: list[MemberUnit]
    categories: list[Category] | None = None
    tags: list[str] | None = None


def _named(model, slugs, metadata: ArticleMetadata, key: str, what: str) -> list:
    found = {item.slug: item for item in model.objects.filter(slug__in=slugs)}
    for slug in slugs:
        if slug not in found:
            known = ", ".join(model.objects.order_by("slug").values_list("slug", flat=True)) or "(chưa có)"
            raise metadata.error(key, f"không có {what} '{slug}' (có: {known})")
    return [found[slug] for slug in slugs]


def _placement(
    article: LegacyArticle, metadata: ArticleMetadata | None, parent: NewsIndexPage, units: list[MemberUnit]
) -> _Placement:
    """The metadata's units, section, categories and tags (checked against the database) over the
    caller's defaults; `MetadataError` before anything is written."""
    if metadata is None:
        return _Placement(parent=parent, units=units)
    if metadata.units is not None:
        units = _named(MemberUnit, metadata.units, metadata, "units", "đơn vị")
    if metadata.section is not None:
        parent = ensure_unit_section(_named(MemberUnit, [metadata.section], metadata, "section", "đơn vị")[0])
    categories = None
    if metadata.categories is not None:
        categories = _named(Category, metadata.categories, metadata, "categories", "chuyên mục")
    captions = sum(section.kind == "photo" for section in article.sections)
    if metadata.photos is not None and len(metadata.photos) != captions:
        raise metadata.error("photos", f"{len(metadata.photos)} ảnh cho {captions} chú thích ảnh trong bài")
    tags = list(metadata.tags) if metadata.tags is not None else None
    return _Placement(parent=parent, units=units, categories=categories, tags=tags)


def _photos(article: LegacyArticle, metadata: ArticleMetadata | None, legacy_id: str) -> list:
    """The generated images the metadata asks for, one per photo caption; each is seeded with the
    article and its place in the body, so it is drawn the same way every time."""
    if metadata is None or not metadata.photos:
        return []
    indexes = [index for index, section in enumerate(article.sections) if section.kind == "photo"]
    return [
        placeholder_image(
            article.sections[index].text or article.title, photo.colour, f"{legacy_id}-{index}", photo.scene
        )
        for index, photo in zip(indexes, metadata.photos, strict=True)
    ]


def import_article(
    article: LegacyArticle,
    *,
    legacy_id: str,
    parent: NewsIndexPage,
    units: list[MemberUnit],
    dry_run: bool = False,
    metadata: ArticleMetadata | None = None,
    keep_existing: bool = False,
) -> ImportOutcome:
    """Create or update the page for `legacy_id` and publish it with the legacy date.

    `metadata` (its file's table for this article) wins over `parent` and `units`, which are the
    defaults for articles it says nothing about; a page's section is chosen when it is created.
    With `keep_existing` an existing page is left as it is (as editors left it)."""
    placement = _placement(article, metadata, parent, units)
    parent, units = placement.parent, placement.units
    page = ArticlePage.objects.filter(legacy_id=legacy_id).first()
    if page is not None and keep_existing:
        return ImportOutcome(
            action=UNCHANGED, title=page.title, slug=page.slug, parent=page.get_parent().specific, page=page
        )
    if dry_run:
        action = UPDATED if page else CREATED
        target_parent = page.get_parent().specific if page else parent
        slug = page.slug if page else _unique_slug(parent, article.title, None)
        return ImportOutcome(action=action, title=article.title, slug=slug, parent=target_parent)

    is_new = page is None
    before = None if is_new else (_content_of(page), _relations_of(page))
    if is_new:
        page = ArticlePage(legacy_id=legacy_id)
    page.title = article.title
    page.draft_title = article.title
    page.date = article.date
    page.hero_caption = article.hero_caption
    if metadata is not None and metadata.hero is not None:
        hero = metadata.hero
        page.hero_image = placeholder_image(
            article.hero_caption or article.title, hero.colour, f"{legacy_id}-hero", hero.scene
        )
    page.lead = article.lead
    page.body = article_body(article, _photos(article, metadata, legacy_id))
    page.author = _author_for(article.author)
    if metadata is not None and metadata.published_time is not None:
        page.first_published_at = timezone.make_aware(datetime.datetime.combine(article.date, metadata.published_time))
    elif page.first_published_at is None:
        page.first_published_at = _published_at(article.date)

    if is_new:
        page.slug = _unique_slug(parent, article.title, None)
        parent.add_child(instance=page)
    else:
        parent = page.get_parent().specific
    if units:
        page.units.set(units)
    elif is_new and parent.unit_id:
        page.units.set([parent.unit])
    if placement.categories is not None:
        page.categories.set(placement.categories)
    if placement.tags is not None:
        page.tags.set(placement.tags)
    if not is_new and (_content_of(page), _relations_of(page)) == before:
        return ImportOutcome(action=UNCHANGED, title=page.title, slug=page.slug, parent=parent, page=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return ImportOutcome(
        action=CREATED if is_new else UPDATED, title=page.title, slug=page.slug, parent=parent, page=page
    )


def import_legacy_file(
    path: Path,
    *,
    parent: NewsIndexPage,
    units: list[MemberUnit],
    dry_run: bool = False,
    metadata: ArticleMetadata | None = None,
    keep_existing: bool = False,
) -> ImportOutcome:
    """Read, parse and import one file in its own transaction (whole or not at all).

    Raises `OSError` for a file that cannot be read, `LegacyFormatError` for one that cannot be
    parsed and `MetadataError` for metadata that does not fit it (an unknown slug, more photos
    than captions); nothing of that file is written in any case.
    """
    article = parse_legacy_article(Path(path).read_bytes())
    with transaction.atomic():
        return import_article(
            article,
            legacy_id=Path(path).stem,
            parent=parent,
            units=units,
            dry_run=dry_run,
            metadata=metadata,
            keep_existing=keep_existing,
        )
