"""The sync log: turn "something happened to an article" into entries of /changes/.

Each event is compared with the article's last known state in each audience (public, internal):
an article that becomes visible is `published`, one that stays visible is `updated` (and
`moved_out` of the units it left), one that stops being visible is `unpublished` or `deleted`.
Visibility is decided by `selectors.published_articles()`, so the log agrees with the lists.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max, OuterRef, Q, QuerySet, Subquery

from cms.news.models import ArticlePage
from cms.news.selectors import published_articles

from .models import ArticleChange

Action = ArticleChange.Action
Audience = ArticleChange.Audience

# Events that re-send an article that stays visible (its content or URL changed).
CONTENT_EVENTS = {"publish", "move"}
# Articles per bulk write of `record_current_state` (and per `IN (…)` list: SQLite limits them).
BULK_SIZE = 900


@dataclass
class KnownState:
    visible: bool = False
    seen: bool = False
    unit_ids: set[int] = field(default_factory=set)


def audience_includes_restricted(audience: str) -> bool:
    return audience == Audience.INTERNAL


def _last_state(article_id: int, audience: str) -> KnownState:
    last = (
        ArticleChange.objects.filter(article_id=article_id, audience=audience)
        .exclude(action=Action.MOVED_OUT)
        .order_by("-pk")
        .prefetch_related("units")
        .first()
    )
    if last is None:
        return KnownState()
    visible = last.action in (Action.PUBLISHED, Action.UPDATED)
    return KnownState(visible=visible, seen=last.action != Action.DELETED, unit_ids={u.pk for u in last.units.all()})


def _add(article_id: int, action: str, audience: str, unit_ids: set[int]) -> ArticleChange:
    change = ArticleChange.objects.create(article_id=article_id, action=action, audience=audience)
    if unit_ids:
        change.units.set(unit_ids)
    return change


def record_article_event(article_id: int, event: str) -> list[ArticleChange]:
    """Log what `event` ("publish", "unpublish", "move", "restriction", "delete") did to an article."""
    recorded = []
    for audience in Audience.values:
        recorded += _record_for_audience(article_id, event, audience)
    return recorded


def _record_for_audience(article_id: int, event: str, audience: str) -> list[ArticleChange]:
    before = _last_state(article_id, audience)
    now_unit_ids: set[int] | None = None
    if event != "delete":
        article = (
            published_articles(include_restricted=audience_includes_restricted(audience)).filter(pk=article_id).first()
        )
        if article is not None:
            now_unit_ids = set(article.units.values_list("pk", flat=True))
    recorded = []
    if now_unit_ids is not None:
        if not before.visible:
            return [_add(article_id, Action.PUBLISHED, audience, now_unit_ids)]
        if event in CONTENT_EVENTS or now_unit_ids != before.unit_ids:
            recorded.append(_add(article_id, Action.UPDATED, audience, now_unit_ids))
        left = before.unit_ids - now_unit_ids
        if left:
            recorded.append(_add(article_id, Action.MOVED_OUT, audience, left))
    elif before.visible or (event == "delete" and before.seen):
        action = Action.DELETED if event == "delete" else Action.UNPUBLISHED
        recorded.append(_add(article_id, action, audience, before.unit_ids))
    return recorded


def record_current_state() -> int:
    """Log every visible article the log does not know as visible (after installing the API on a
    live site, or after articles were written in bulk): a `published` entry with its units, as
    `record_article_event(…, "publish")` would add for each, written in bulk, newest first."""
    count = 0
    for audience in Audience.values:
        last_action = (
            ArticleChange.objects.filter(article_id=OuterRef("pk"), audience=audience)
            .exclude(action=Action.MOVED_OUT)
            .order_by("-pk")
            .values("action")[:1]
        )
        unknown = (
            published_articles(include_restricted=audience_includes_restricted(audience))
            .annotate(last_action=Subquery(last_action))
            .filter(Q(last_action__isnull=True) | ~Q(last_action__in=[Action.PUBLISHED, Action.UPDATED]))
        )
        article_ids = list(unknown.values_list("pk", flat=True))
        for start in range(0, len(article_ids), BULK_SIZE):
            chunk = article_ids[start : start + BULK_SIZE]
            unit_ids = defaultdict(set)
            tagged = ArticlePage.units.through.objects.filter(articlepage_id__in=chunk)
            for article_id, unit_id in tagged.values_list("articlepage_id", "memberunit_id"):
                unit_ids[article_id].add(unit_id)
            with transaction.atomic():
                changes = ArticleChange.objects.bulk_create(
                    ArticleChange(article_id=article_id, action=Action.PUBLISHED, audience=audience)
                    for article_id in chunk
                )
                ArticleChange.units.through.objects.bulk_create(
                    ArticleChange.units.through(articlechange_id=change.pk, memberunit_id=unit_id)
                    for change in changes
                    for unit_id in sorted(unit_ids[change.article_id])
                )
        count += len(article_ids)
    return count


def changes_for(*, include_restricted: bool, after: int = 0, unit=None) -> QuerySet:
    """Entries of the caller's audience after cursor `after`, oldest first."""
    audience = Audience.INTERNAL if include_restricted else Audience.PUBLIC
    entries = ArticleChange.objects.filter(audience=audience, pk__gt=after)
    if unit is not None:
        entries = entries.filter(units=unit)
    return entries.order_by("pk").prefetch_related("units")


def is_known_cursor(cursor: int) -> bool:
    """Whether `cursor` is one the log has handed out: no entry is newer than the newest.

    Compared with the newest entry's id (an index lookup at any size) rather than asked as "is
    there an entry at or after it" with LIMIT 1, for which PostgreSQL's planner picks a
    sequential scan that reads the whole log before reaching a recent cursor.
    """
    return cursor <= (ArticleChange.objects.aggregate(newest=Max("pk"))["newest"] or 0)
