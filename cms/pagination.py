"""Every list on the site: numbered pages (`?page=`) up to `SITE_MAX_PAGES`, then older articles
by a keyset link (`?truoc=`), so that no page of any list costs more as the archive grows.

A COUNT of a whole list and an OFFSET to its far end both read every article before the page;
the numbered range is bounded instead (its count reads at most one row past it), and past it the
"Tin cũ hơn" link carries the date and id of the last article shown, which the newest-first
index (`news_article_newest_first`) reaches directly at any depth.

A bad page number or cursor is a first page or a 404, never a 500. Shared by the site's views
and the page models' `get_context` (Wagtail renders a page's list from its model), so it belongs
to neither.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

ARTICLES_PER_PAGE = 12
OLDER = "truoc"  # the keyset link's parameter: "before" this article
_CURSOR = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\.([0-9]{1,18})")
_MAX_PK = 2**63 - 1


class ListPage(Page):
    """A numbered page; the last of the bounded range carries `older_cursor` when articles go on."""

    cursor = ""  # numbered pages are named by their number
    older_cursor: str | None = None
    more_results = False  # a counted list (search results) holds more than its numbered pages

    @property
    def query_string(self) -> str:
        """What names this page in its URL, for its canonical link ("" for the first page)."""
        return f"?page={self.number}" if self.number > 1 else ""


@dataclass
class OlderPage:
    """A page past the numbered range: the articles older than `cursor`, newest first."""

    object_list: list
    cursor: str
    older_cursor: str | None
    number = None  # not a numbered page: no "page N of M", no featured story
    paginator = None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def query_string(self) -> str:
        return f"?{OLDER}={self.cursor}"


def format_cursor(date: datetime.date, pk: int) -> str:
    """The keyset cursor that continues after the article of this date and id (`2024-05-01.1234`)."""
    return f"{date.isoformat()}.{pk}"


def parse_cursor(raw: str) -> tuple[datetime.date, int] | None:
    """The (date, id) of a cursor made by `format_cursor`, or None for anything else."""
    match = _CURSOR.fullmatch(raw)
    if match is None:
        return None
    try:
        date = datetime.date.fromisoformat(match[1])
    except ValueError:
        return None
    pk = int(match[2])
    return (date, pk) if pk <= _MAX_PK else None


def older_than(articles: QuerySet, date: datetime.date, pk: int) -> QuerySet:
    """`articles` after (date, pk) in newest-first order. The redundant `date <= …` lets the
    database start its walk of the newest-first index at the cursor instead of filtering from
    the newest article down."""
    return articles.filter(Q(date__lte=date) & (Q(date__lt=date) | Q(pk__lt=pk))).order_by("-date", "-pk")


def paginate(
    request: HttpRequest,
    items,
    per_page: int = ARTICLES_PER_PAGE,
    read: Callable | None = None,
    *,
    counted: Callable | None = None,
) -> ListPage | OlderPage:
    """The requested page of `items` (articles newest first, from `published_articles()`), its
    slice evaluated by `read` when given (`cms.news.cards.article_cards`), or by `counted`, which
    also returns how many items the whole list holds, or at least that it holds more than its
    numbered pages (None for an empty page), sparing the COUNT (`cms.news.cards.counted_ranked_cards`
    for search results, which have numbered pages only: their order is a ranking, not a key; the
    page says "Hơn N kết quả" when they go on past the range).

    A missing or non-numeric `page` (`?page=abc`, `?page=-1`) gives the first page, as does a
    mangled `truoc`: links with a mangled value still land somewhere useful. A number past the
    last page, or a cursor with nothing older, is a 404: the page really does not exist.
    """
    read = read or list
    if counted is None:
        cursor = parse_cursor(request.GET.get(OLDER, ""))
        if cursor is not None:
            return _older_page(items, cursor, per_page, read)
    raw = request.GET.get("page", "")
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 else 1
    number = max(number, 1)
    paginator = Paginator(items, per_page)
    pages = max(1, settings.SITE_MAX_PAGES)
    bound = pages * per_page
    if counted is not None:
        if number > pages:
            raise Http404("Trang không tồn tại.")
        bottom = (number - 1) * per_page
        rows, total = counted(items[bottom : bottom + per_page], at_most=bound)
        total = total if total is not None else items[: bound + 1].count()
        paginator.count = min(total, bound)
        if number > paginator.num_pages:
            raise Http404("Trang không tồn tại.")
        page = ListPage(rows, number, paginator)
        page.more_results = total > bound
        return page
    total = items[: bound + 1].count()  # one past the range: are there older articles?
    paginator.count = min(total, bound)
    if number > paginator.num_pages:
        raise Http404("Trang không tồn tại.")
    bottom = (number - 1) * per_page
    page = ListPage(read(items[bottom : bottom + per_page]), number, paginator)
    if total > bound and number == paginator.num_pages and page.object_list:
        last = page.object_list[-1]
        page.older_cursor = format_cursor(last.date, last.pk)
    return page


def _older_page(items, cursor: tuple[datetime.date, int], per_page: int, read: Callable) -> OlderPage:
    rows = read(older_than(items, *cursor)[: per_page + 1])
    if not rows:
        raise Http404("Trang không tồn tại.")
    more = len(rows) > per_page
    rows = rows[:per_page]
    return OlderPage(rows, format_cursor(*cursor), format_cursor(rows[-1].date, rows[-1].pk) if more else None)
