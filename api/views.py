"""API v1 views: thin. Each parses its parameters (filters.py), asks the query layer
(cms.news.selectors, changes.py) and shapes the answer (serializers.py); http_caching.py adds
ETag/Last-Modified/304 and the shared response cache to every GET.
"""

import re

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_vary_headers
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularSwaggerView
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from taggit.models import Tag

from cms.news.cards import article_cards, card_rows, complete_cards, ranked_cards
from cms.news.image_prefetch import prefetched_body_images
from cms.news.models import Category, MemberUnit
from cms.news.selectors import (
    attach_snippets,
    most_viewed_articles,
    published_articles,
    related_articles,
    with_article_counts,
)

from . import serializers as s
from .changes import changes_for, is_known_cursor
from .errors import form_errors, raise_for_form
from .filters import (
    MAX_QUERY_LENGTH,
    ArticleDetailForm,
    ArticleFilterSet,
    ArticleListForm,
    ChangesForm,
    MostViewedForm,
    filter_articles,
)
from .http_caching import cached_json_response, stored_response_for_anonymous_get
from .keys import is_entitled_to_internal_news
from .pagination import DEFAULT_ORDERING, ORDERINGS, SEARCH_ORDERING, paginate

ARTICLE_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits only: str.isdigit() accepts "９" and "²"
ERROR_RESPONSES = {
    400: OpenApiResponse(s.ErrorSerializer, description="Tham số sai: `errors` nêu tên tham số và giá trị hợp lệ."),
    401: OpenApiResponse(s.ErrorSerializer, description="Khóa API sai hoặc đã thu hồi."),
    429: OpenApiResponse(s.ErrorSerializer, description="Vượt giới hạn truy cập; xem header Retry-After."),
}
NOT_MODIFIED = {304: OpenApiResponse(description="Không đổi từ lần trước (If-None-Match / If-Modified-Since).")}


def absolute_page_url(request: Request, **replacements: str | None) -> str:
    """This request's URL on SITE_URL with some query parameters replaced (None removes one)."""
    query: QueryDict = request.query_params.copy()
    for name, value in replacements.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    encoded = query.urlencode()
    return f"{settings.SITE_URL}{request.path}" + (f"?{encoded}" if encoded else "")


class ReadOnlyApiView(APIView):
    """GET (and HEAD/OPTIONS) only: writes answer 405. Unknown query parameters answer 400."""

    parameter_names: tuple[str, ...] = ()
    cache_seconds = None  # None: settings.API_CACHE_SECONDS
    shows_articles = False  # the response's `results` (or the response itself) are articles: surrogate keys

    def dispatch(self, request, *args, **kwargs):
        # An anonymous GET already answered and stored skips DRF's machinery (http_caching.py),
        # but not the rate limit: when the limit says no, DRF answers the 429.
        stored = stored_response_for_anonymous_get(request)
        if stored is not None and all(throttle.allow_request(request, self) for throttle in self.get_throttles()):
            self.headers = self.default_response_headers
            return self.finalize_stored(stored)
        return super().dispatch(request, *args, **kwargs)

    def finalize_stored(self, response):
        """The headers DRF's finalize_response adds to every response (`Allow`, and `Vary` with
        more than one renderer), added the way it adds them."""
        headers = dict(self.headers)
        vary = headers.pop("Vary", None)
        if vary is not None:
            patch_vary_headers(response, [vary])
        for name, value in headers.items():
            response[name] = value
        return response

    def get(self, request: Request, *args, **kwargs):
        unknown = sorted(set(request.query_params) - set(self.parameter_names))
        if unknown:
            allowed = ", ".join(self.parameter_names) or "(không có)"
            raise ValidationError(
                {name: [f"Tham số không được hỗ trợ. Tham số hợp lệ: {allowed}."] for name in unknown}
            )
        self.include_restricted = is_entitled_to_internal_news(request)
        return cached_json_response(
            request,
            entitled=self.include_restricted,
            build=lambda: self.build(request, *args, **kwargs),
            cache_seconds=self.cache_seconds or settings.API_CACHE_SECONDS,
            shows_articles=self.shows_articles,
        )

    def build(self, request: Request, *args, **kwargs) -> Response:
        raise NotImplementedError

    def published(self) -> QuerySet:
        return published_articles(include_restricted=self.include_restricted)


def document(**schema) -> callable:
    """OpenAPI description of a view's GET (the only method it has)."""
    return extend_schema_view(get=extend_schema(**schema))


def _query(name: str, kind=OpenApiTypes.STR, description: str = "", **kwargs) -> OpenApiParameter:
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, required=False, description=description, **kwargs)


# The bounds the forms enforce (api/filters.py), stated in the schema from the same fields.
SLUG_LIST = {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+(,[-a-zA-Z0-9_]+)*$"}


def _bounded_integer(form, name: str, description: str, default: int) -> OpenApiParameter:
    field = form.base_fields[name]
    schema = {"type": "integer", "minimum": field.min_value, "maximum": field.max_value, "default": default}
    return _query(name, schema, description)


def _bounded_string(form, name: str, description: str, **schema) -> OpenApiParameter:
    field = form.base_fields[name]
    return _query(name, {"type": "string", "maxLength": field.max_length, **schema}, description)


def _fields_parameter(allowed: tuple[str, ...]) -> OpenApiParameter:
    names = "|".join(allowed)
    return _query(
        "fields",
        {"type": "string", "pattern": rf"^({names})(,({names}))*$"},
        description=f"Chỉ trả về các trường này (cách nhau bởi dấu phẩy); `id` luôn có. Hợp lệ: {', '.join(allowed)}.",
    )


ARTICLE_LIST_PARAMETERS = [
    _query("unit", SLUG_LIST, "Slug đơn vị; nhiều slug cách nhau bởi dấu phẩy (HOẶC). Các bộ lọc kết hợp bằng VÀ."),
    _query("category", SLUG_LIST, "Slug chuyên mục; nhiều slug cách nhau bởi dấu phẩy (HOẶC)."),
    _query("tag", SLUG_LIST, "Slug từ khóa; nhiều slug cách nhau bởi dấu phẩy (HOẶC)."),
    _query("author", SLUG_LIST, "Slug tác giả; nhiều slug cách nhau bởi dấu phẩy (HOẶC)."),
    _query("slug", {"type": "string", "maxLength": 255}, "Đúng slug của bài viết."),
    _query("date_from", OpenApiTypes.DATE, "Ngày đăng từ (YYYY-MM-DD, tính cả ngày này)."),
    _query("date_to", OpenApiTypes.DATE, "Ngày đăng đến (YYYY-MM-DD, tính cả ngày này)."),
    _query(
        "updated_since",
        OpenApiTypes.DATETIME,
        "Xuất bản (lần cuối) từ thời điểm này (ISO 8601; độ lệch múi giờ tối đa ±15:59).",
    ),
    _query(
        "q",
        {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        (
            "Tìm kiếm toàn văn theo âm tiết, không phân biệt dấu (`dan van kheo` tìm thấy `Dân vận khéo`, "
            'nhưng `dan` không khớp `danh`). Mọi từ đều phải có; `"cụm từ"` tìm đúng cụm; `-từ` loại bài có từ đó; '
            "`OR` giữa hai từ hoặc hai nhóm. Kết quả xếp theo mức liên quan "
            "(`ordering=relevance`, mặc định khi có `q`) và có thêm trường `snippet`."
        ),
    ),
    _query(
        "ordering",
        description=(
            "Thứ tự sắp xếp. `relevance` (mặc định khi có `q`) chỉ dùng cùng `q`; không có `q` thì mặc định `-date`."
        ),
        enum=list(ORDERINGS),
        default="-date",
    ),
    _bounded_integer(ArticleListForm, "limit", "Số bài mỗi trang, 1–100.", 20),
    _bounded_string(ArticleListForm, "cursor", "Con trỏ trang: lấy từ `next`/`previous`, đừng tự tạo."),
    _fields_parameter(s.LIST_FIELDS),
]


@document(
    operation_id="articles_list",
    summary="Danh sách bài viết",
    description="Bài đã xuất bản, mới nhất trước, đủ dữ liệu cho thẻ tin. Phân trang bằng con trỏ.",
    parameters=ARTICLE_LIST_PARAMETERS,
    responses={200: s.ArticleListSerializer, **NOT_MODIFIED, **ERROR_RESPONSES},
)
class ArticleListView(ReadOnlyApiView):
    shows_articles = True
    parameter_names = tuple(ArticleFilterSet.base_filters) + tuple(ArticleListForm.base_fields)

    def build(self, request: Request) -> Response:
        form = ArticleListForm(request.query_params)
        articles, errors = filter_articles(request.query_params, self.published())
        if not form.is_valid():
            errors = form_errors(form) | errors
        if errors:
            raise ValidationError(errors)
        params = form.cleaned_data
        query = request.query_params.get("q", "").strip()
        ordering = params["ordering"] or (SEARCH_ORDERING if query else DEFAULT_ORDERING)
        if ordering == SEARCH_ORDERING and not query:
            raise ValidationError({"ordering": ["`relevance` chỉ dùng cùng `q` (tìm kiếm)."]})
        limit, cursor = params["limit"] or 20, params["cursor"] or None
        read = ranked_cards if ordering == SEARCH_ORDERING else article_cards
        page = paginate(articles, ordering=ordering, limit=limit, cursor=cursor, read=read)
        if query:
            attach_snippets(page.items, query)
        results = s.ArticleCardSerializer(page.items, many=True, fields=params["fields"], context={"request": request})
        return Response(
            {
                "results": results.data,
                "next": absolute_page_url(request, cursor=page.next_cursor) if page.next_cursor else None,
                "previous": absolute_page_url(request, cursor=page.previous_cursor) if page.previous_cursor else None,
            }
        )


@document(
    operation_id="articles_retrieve",
    summary="Một bài viết",
    description="Thẻ tin cùng nội dung theo khối (`sections`), HTML đã làm sạch (`body_html`) và vài bài liên quan.",
    parameters=[
        OpenApiParameter(
            "article_id",
            {"type": "integer", "minimum": 1, "maximum": 10**18 - 1},
            OpenApiParameter.PATH,
            description="Mã bài viết.",
        ),
        _fields_parameter(s.DETAIL_FIELDS),
    ],
    responses={
        200: s.ArticleDetailSerializer,
        **NOT_MODIFIED,
        **ERROR_RESPONSES,
        404: OpenApiResponse(s.ErrorSerializer, description="Không có bài đã xuất bản với mã này."),
    },
)
class ArticleDetailView(ReadOnlyApiView):
    shows_articles = True
    parameter_names = tuple(ArticleDetailForm.base_fields)

    def build(self, request: Request, article_id: str) -> Response:
        if not ARTICLE_ID.fullmatch(article_id):
            raise ValidationError({"id": ["Mã bài viết phải là số nguyên dương, ví dụ /api/v1/articles/42/."]})
        fields = raise_for_form(ArticleDetailForm(request.query_params))["fields"]
        published = self.published()
        found = card_rows(published.filter(pk=article_id)[:1], body="blocks")
        if not found:
            raise NotFound({"id": [f"Không có bài viết đã xuất bản với mã {article_id}."]})
        article = found[0]
        # The site's "Tin liên quan" (`selectors.related_articles`), completed with the article
        # itself: one read of photos (hero, body, related) and one of relations for both.
        wanted = fields is None or "related" in fields
        article.related_articles = card_rows(related_articles(article, articles=published)) if wanted else []
        images = complete_cards([article, *article.related_articles])
        with prefetched_body_images([article], images=images):
            data = s.ArticleDetailSerializer(article, fields=fields, context={"request": request}).data
        return Response(data)


@document(
    operation_id="articles_most_viewed",
    summary="Bài xem nhiều nhất",
    description="Xếp theo lượt xem trong `days` ngày gần nhất (tính cả hôm nay). Danh sách trống khi chưa có lượt xem.",
    parameters=[
        _bounded_integer(MostViewedForm, "days", "Số ngày, 1–90.", 7),
        _query("unit", {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"}, "Slug một đơn vị."),
        _bounded_integer(MostViewedForm, "limit", "Số bài, 1–50.", 10),
    ],
    responses={200: s.MostViewedListSerializer, **NOT_MODIFIED, **ERROR_RESPONSES},
)
class MostViewedView(ReadOnlyApiView):
    shows_articles = True
    parameter_names = tuple(MostViewedForm.base_fields)
    cache_seconds = 60  # view counts change without a content version bump

    def build(self, request: Request) -> Response:
        params = raise_for_form(MostViewedForm(request.query_params))
        ranked = most_viewed_articles(
            days=params["days"] or 7,
            unit=params["unit"],
            include_restricted=self.include_restricted,
            limit=params["limit"] or 10,
        )
        data = s.MostViewedArticleSerializer(article_cards(ranked), many=True, context={"request": request}).data
        return Response({"results": data})


@document(
    operation_id="units_list",
    summary="Đơn vị thành viên",
    description="Mọi đơn vị, kèm số bài đã xuất bản mà người gọi được xem.",
    responses={200: s.UnitListSerializer, **NOT_MODIFIED, **ERROR_RESPONSES},
)
class UnitListView(ReadOnlyApiView):
    def build(self, request: Request) -> Response:
        units = with_article_counts(MemberUnit.objects, "articles", self.published()).order_by("name")
        return Response({"results": s.UnitSerializer(units, many=True).data})


@document(
    operation_id="categories_list",
    summary="Chuyên mục",
    description="Mọi chuyên mục, kèm số bài đã xuất bản mà người gọi được xem.",
    responses={200: s.CategoryListSerializer, **NOT_MODIFIED, **ERROR_RESPONSES},
)
class CategoryListView(ReadOnlyApiView):
    def build(self, request: Request) -> Response:
        found = with_article_counts(Category.objects, "articles", self.published()).order_by("name")
        return Response({"results": s.CategorySerializer(found, many=True).data})


@document(
    operation_id="tags_list",
    summary="Từ khóa",
    description="Các từ khóa có ít nhất một bài đã xuất bản mà người gọi được xem, kèm số bài.",
    responses={200: s.TagListSerializer, **NOT_MODIFIED, **ERROR_RESPONSES},
)
class TagListView(ReadOnlyApiView):
    def build(self, request: Request) -> Response:
        relation = "news_articlepagetag_items__content_object"
        tags = with_article_counts(Tag.objects, relation, self.published()).filter(article_count__gt=0).order_by("name")
        return Response({"results": s.TagSerializer(tags, many=True).data})


@document(
    operation_id="changes_list",
    summary="Nhật ký thay đổi để đồng bộ",
    description=(
        "Mọi thay đổi sau con trỏ `since`, cũ nhất trước. Phát lại từ đầu (bỏ `since`): published/updated → "
        "có bài, unpublished/deleted → bỏ bài; khi lọc theo `unit`, moved_out → bỏ bài. Kết quả đúng bằng tập "
        "bài đang xuất bản. Đọc tiếp với `since=next_cursor` khi `has_more` là true."
    ),
    parameters=[
        _query(
            "since",
            {"type": "string", "pattern": r"^[0-9]{1,18}$"},
            "Con trỏ `next_cursor` của lần đọc trước; bỏ trống để đọc từ đầu.",
        ),
        _query(
            "unit",
            {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"},
            "Slug một đơn vị: chỉ các thay đổi liên quan đến đơn vị này.",
        ),
        _bounded_integer(ChangesForm, "limit", "Số mục, 1–500.", 100),
    ],
    responses={200: s.ChangeListSerializer, **NOT_MODIFIED, **ERROR_RESPONSES},
)
class ChangeListView(ReadOnlyApiView):
    parameter_names = tuple(ChangesForm.base_fields)

    def build(self, request: Request) -> Response:
        params = raise_for_form(ChangesForm(request.query_params))
        since = int(params["since"] or 0)
        if since and not is_known_cursor(since):
            raise ValidationError({"since": ["Con trỏ không tồn tại: dùng `next_cursor` mà API đã trả về."]})
        limit = params["limit"] or 100
        entries = list(
            changes_for(include_restricted=self.include_restricted, after=since, unit=params["unit"])[: limit + 1]
        )
        has_more = len(entries) > limit
        entries = entries[:limit]
        next_cursor = str(entries[-1].pk) if entries else str(since)
        return Response(
            {
                "results": s.ChangeSerializer(entries, many=True).data,
                "next_cursor": next_cursor,
                "has_more": has_more,
                "next": absolute_page_url(request, since=next_cursor) if has_more else None,
            }
        )


class ApiDocsView(SpectacularSwaggerView):
    """/api/v1/docs/: Swagger UI under a Content-Security-Policy (its inline style and script
    carry the request's nonce). OPTIONS answers with the allowed methods: DRF would render its
    metadata through the page's HTML renderer, which has no template for it."""

    template_name = "api/swagger_ui.html"
    http_method_names = ["get", "head", "options"]

    def options(self, request, *args, **kwargs):
        response = HttpResponse(status=200)
        response["Allow"] = ", ".join(self.allowed_methods)
        return response
