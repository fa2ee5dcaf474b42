"""Thin views of the corporate site: parse the request, call the query layer, render."""

import logging
import re
import uuid

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from cms.http_cache import surrogate_keys
from cms.http_cache.cache_control import cache_control_for
from cms.http_cache.middleware import shared_cache_page
from cms.http_cache.validators import conditional_response
from cms.news.cards import article_cards, counted_ranked_cards
from cms.news.models import Category
from cms.news.selectors import attach_snippets, published_articles, search_articles
from cms.ops import guess_limits
from cms.ops.client_address import client_address
from cms.pagination import paginate
from cms.search.query import has_unsearchable_characters
from cms.search.query import parse as parse_query

from . import view_counts
from .forms import ShareArticleForm
from .share_mail import ShareRefused, ShareRequest, send_share_mail
from .sitemaps import SitemapPartNotFound, articles_part_name, rendered_sitemap

logger = logging.getLogger(__name__)

SEARCH_QUERY_MAX_LENGTH = 100
READER_COOKIE = "reader_id"
READER_COOKIE_AGE = 365 * 86400
_READER_ID = re.compile(r"^[0-9a-f]{32}$")


@require_safe
@shared_cache_page(lambda request, slug: [surrogate_keys.scope_key("category", slug)])
def category_page(request: HttpRequest, slug: str) -> HttpResponse:
    """One category's news, newest first, paginated."""
    category = get_object_or_404(Category, slug=slug)
    articles = paginate(request, published_articles().filter(categories=category), read=article_cards)
    return render(request, "pages/category_page.html", {"category": category, "articles": articles})


@require_safe
@shared_cache_page([surrogate_keys.LIST])
def search(request: HttpRequest) -> HttpResponse:
    """`/tim-kiem/?q=`: the API's search (same ranking, same snippets), highlighted.

    Nothing typed is an error page: characters no text can hold (NUL, lone surrogates) and
    queries with nothing to look for get an empty results page with a message.
    """
    raw_query = request.GET.get("q", "")
    query = " ".join(raw_query.split())[:SEARCH_QUERY_MAX_LENGTH]
    context = {"query": query, "query_was_cut": len(" ".join(raw_query.split())) > SEARCH_QUERY_MAX_LENGTH}
    if has_unsearchable_characters(query):
        context["query"] = ""
        context["query_problem"] = "Từ khóa có ký tự không hợp lệ (ký tự điều khiển). Hãy gõ lại từ khóa."
    elif query and not parse_query(query):
        context["query_problem"] = "Từ khóa không có chữ hay số nào để tìm. Hãy nhập ít nhất một từ."
    elif query:
        page = paginate(request, search_articles(published_articles(), query), counted=counted_ranked_cards)
        attach_snippets(page.object_list, query)
        context["articles"] = page
    return render(request, "pages/search_page.html", context)


@csrf_exempt  # a beacon carries no token; it can only add one view per reader per day
@require_POST
def count_view(request: HttpRequest, article_id: int) -> HttpResponse:
    """The page's beacon: one view per reader per article per day (and a few per address), buffered in the cache."""
    if not view_counts.is_countable(article_id):
        raise Http404("Không có bài viết này.")
    response = HttpResponse(status=204)
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if view_counts.is_bot(user_agent):
        return response
    cookie_id = request.COOKIES.get(READER_COOKIE, "")
    new_cookie_id = ""
    if not _READER_ID.match(cookie_id):
        cookie_id, new_cookie_id = "", uuid.uuid4().hex
        response.set_cookie(
            READER_COOKIE,
            new_cookie_id,
            max_age=READER_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    address = client_address(request)
    reader = view_counts.reader_key(cookie_id=cookie_id, ip=address, user_agent=user_agent)
    also_known_as = view_counts.reader_key(cookie_id=new_cookie_id, ip="", user_agent="") if new_cookie_id else ""
    try:
        view_counts.record_view(article_id, reader, address=address, also_known_as=also_known_as)
    except view_counts.ViewBufferUnavailable:
        logger.warning("view of article %s not counted: the view-count buffer is unavailable", article_id)
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def share_article(request: HttpRequest, article_id: int) -> HttpResponse:
    """ "Gửi cho bạn bè": the form, and after sending a page that says whether the mail went."""
    article = get_object_or_404(published_articles(), pk=article_id)
    context = {"article": article, "sent": False, "refusal": ""}
    status = 200
    if request.method == "POST":
        form = ShareArticleForm(request.POST)
        if form.is_bot_submission:
            context["refusal"] = "Không gửi được thư: biểu mẫu không hợp lệ."
            status = 400
        elif not form.is_valid():
            context["refusal"] = "Chưa gửi được thư: vui lòng sửa các lỗi bên dưới."
            status = 400
        else:
            share = ShareRequest(
                article=article,
                recipient=form.cleaned_data["recipient"],
                sender_name=form.cleaned_data["sender_name"],
                note=form.cleaned_data["note"],
                client_ip=client_address(request),
            )
            try:
                send_share_mail(share)
            except ShareRefused as refusal:
                context["refusal"] = refusal.message
                status = refusal.status
            else:
                context["sent"] = True
                context["recipient"] = share.recipient
                form = ShareArticleForm()
    else:
        form = ShareArticleForm()
    context["form"] = form
    return render(request, "pages/share_page.html", context, status=status)


@never_cache
def authenticate_with_password(request: HttpRequest, page_view_restriction_id: int, page_id: int) -> HttpResponse:
    """Wagtail's page password form, with wrong passwords counted against the caller's address.

    After settings.GUESS_LIMITS["page_password"] wrong passwords the address is refused (429),
    even with the right password, until the window ends.
    """
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    address = client_address(request)
    wait = guess_limits.seconds_locked_out("page_password", address)
    if wait:
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": request.POST.get("return_url")})
        form.cleaned_data = {}  # an unbound form takes a form-wide error only with this
        form.add_error(
            None,
            f"Bạn đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau {guess_limits.minutes(wait)} phút.",
        )
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = 429
        response["Retry-After"] = str(wait)
        return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:  # the form again: the password was wrong (a right one redirects)
        guess_limits.record_failure("page_password", address)
    return response


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /gui-cho-ban-be/",
        "Disallow: /xem-truoc/",
        "Disallow: /luot-xem/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {settings.SITE_URL}{reverse('website:sitemap')}",
        f"Sitemap: {settings.SITE_URL}{reverse('website:sitemap_news')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _sitemap_response(request: HttpRequest, name: str) -> HttpResponse:
    """One sitemap file with its validators; 304 to a client whose copy is still right."""
    try:
        sitemap = rendered_sitemap(name, request)
    except SitemapPartNotFound as error:
        raise Http404("Không có phần sơ đồ trang này.") from error
    headers = {
        "ETag": sitemap.etag,
        "Cache-Control": cache_control_for(
            request, max_age=settings.SITEMAP_MAX_AGE, window_moves_at=sitemap.changes_at
        ),
        surrogate_keys.HEADER: surrogate_keys.SITEMAP,
    }
    if sitemap.last_modified_http:
        headers["Last-Modified"] = sitemap.last_modified_http
    return conditional_response(
        request,
        etag=sitemap.etag,
        last_modified=sitemap.last_modified,
        headers=headers,
        build=lambda: HttpResponse(sitemap.body, content_type="application/xml"),
    )


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """`/sitemap.xml`: the index of the sitemap's parts."""
    return _sitemap_response(request, "index")


@require_safe
def sitemap_pages(request: HttpRequest) -> HttpResponse:
    """The part of the pages that are not articles: home, sections, categories."""
    return _sitemap_response(request, "pages")


@require_safe
def sitemap_articles(request: HttpRequest, number: str) -> HttpResponse:
    """One part of the articles, named by its number (sitemap_parts.py)."""
    return _sitemap_response(request, articles_part_name(int(number)))


@require_safe
def sitemap_news(request: HttpRequest) -> HttpResponse:
    """The Google News sitemap: the last two days' articles."""
    return _sitemap_response(request, "news")
