"""Write parsed legacy articles as published `ArticlePage`s.

The parser (`legacy_parser.py`) decides what the text means; this module decides where it goes
and writes it. Callers wrap each article in a transaction so a file is imported whole or not at
all (`import_legacy_file`).
"""

import datetime
import html
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.rich_text import RichText

from .legacy_parser import LegacyArticle, parse_legacy_article
from .models import ArticlePage, Author, MemberUnit, NewsIndexPage
from .slugs import vietnamese_slugify

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


def article_body(article: LegacyArticle) -> list[tuple[str, object]]:
    """The StreamField value for the article's sections, in order."""
    body = []
    for section in article.sections:
        if section.kind == "field":
            body.append(("field", {"label": section.label, "text": RichText(_paragraph_html(section.text))}))
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
    return (page.title, page.date, page.hero_caption, page.lead, body, page.author_id)


def import_article(
    article: LegacyArticle,
    *,
    legacy_id: str,
    parent: NewsIndexPage,
    units: list[MemberUnit],
    dry_run: bool = False,
) -> ImportOutcome:
    """Create or update the page for `legacy_id` and publish it with the legacy date."""
    page = ArticlePage.objects.filter(legacy_id=legacy_id).first()
    if dry_run:
        action = UPDATED if page else CREATED
        target_parent = page.get_parent().specific if page else parent
        slug = page.slug if page else _unique_slug(parent, article.title, None)
        return ImportOutcome(action=action, title=article.title, slug=slug, parent=target_parent)

    is_new = page is None
    before = None if is_new else _content_of(page)
    if is_new:
        page = ArticlePage(legacy_id=legacy_id)
    page.title = article.title
    page.draft_title = article.title
    page.date = article.date
    page.hero_caption = article.hero_caption
    page.lead = article.lead
    page.body = article_body(article)
    page.author = _author_for(article.author)
    if page.first_published_at is None:
        page.first_published_at = _published_at(article.date)

    if is_new:
        page.slug = _unique_slug(parent, article.title, None)
        parent.add_child(instance=page)
    else:
        parent = page.get_parent().specific
        same_units = not units or {unit.pk for unit in units} == set(page.units.values_list("pk", flat=True))
        if _content_of(page) == before and same_units:
            return ImportOutcome(action=UNCHANGED, title=page.title, slug=page.slug, parent=parent, page=page)
    if units:
        page.units.set(units)
    elif is_new and parent.unit_id:
        page.units.set([parent.unit])
    page.save_revision().publish()
    page.refresh_from_db()
    return ImportOutcome(
        action=CREATED if is_new else UPDATED, title=page.title, slug=page.slug, parent=parent, page=page
    )


def import_legacy_file(
    path: Path, *, parent: NewsIndexPage, units: list[MemberUnit], dry_run: bool = False
) -> ImportOutcome:
    """Read, parse and import one file in its own transaction (whole or not at all).

    Raises `OSError` for a file that cannot be read and `LegacyFormatError` for one that cannot
    be parsed; nothing of that file is written in either case.
    """
    article = parse_legacy_article(Path(path).read_bytes())
    with transaction.atomic():
        return import_article(article, legacy_id=Path(path).stem, parent=parent, units=units, dry_run=dry_run)
