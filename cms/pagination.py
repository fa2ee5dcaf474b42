"""`?page=` for every list on the site: a bad page number is a first page or a 404, never a 500.

Shared by the site's views and the page models' `get_context` (Wagtail renders a page's list
from its model), so it belongs to neither.
"""

from collections.abc import Callable

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest

ARTICLES_PER_PAGE = 12


def paginate(
    request: HttpRequest,
    items,
    per_page: int = ARTICLES_PER_PAGE,
    read: Callable | None = None,
    *,
    counted: Callable | None = None,
) -> Page:
    """The requested page of `items`, its slice evaluated by `read` when given
    (`cms.news.cards.article_cards` for a page of articles), or by `counted`, which also
    returns how many items the whole list holds (None for an empty page), sparing the COUNT
    (`cms.news.cards.counted_ranked_cards` for search results).

    A missing or non-numeric `page` (`?page=abc`, `?page=-1`) gives the first page: links with a
    mangled number still land somewhere useful. A number past the last page is a 404, as the
    page really does not exist.
    """
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "")
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 else 1
    number = max(number, 1)
    if counted is not None:
        bottom = (number - 1) * per_page
        rows, total = counted(items[bottom : bottom + per_page])
        paginator.count = total if total is not None else items.count()
        if number > paginator.num_pages:
            raise Http404("Trang không tồn tại.")
        return Page(rows, number, paginator)
    if number > paginator.num_pages:
        raise Http404("Trang không tồn tại.")
    page = paginator.page(number)
    if read is not None:
        page.object_list = read(page.object_list)
    return page
