"""JSON shapes of the API. The same classes produce the responses and the OpenAPI schema,
so the documentation cannot drift from what is served.

Article fields are optional in the schema because `fields=` may leave them out; `id` always comes back.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from cms.news.article_html import body_html, sanitize_html
from cms.news.cards import card_author, card_relation
from cms.news.page_urls import PublicUrls
from cms.news.renditions import image_representation

from .models import ArticleChange

CARD_FIELDS = (
    "id", "slug", "url", "title", "date", "date_display", "lead", "hero", "author",
    "units", "categories", "tags", "first_published_at", "last_published_at",
)  # fmt: skip
DETAIL_FIELDS = CARD_FIELDS + ("sections", "body_html", "related")
LIST_FIELDS = CARD_FIELDS + ("snippet",)  # `snippet` only comes with `q`
ERROR_EXAMPLE = {"errors": {"limit": ["Phải là số nguyên từ 1 đến 100 (mặc định 20)."]}}


class ErrorSerializer(serializers.Serializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Tên tham số (hoặc `detail`) → các thông báo lỗi.",
    )


class NamedSlugSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class RenditionSerializer(serializers.Serializer):
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    url = serializers.URLField()


class ImageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    alt = serializers.CharField()
    width = serializers.IntegerField(help_text="Chiều rộng ảnh gốc (px).")
    height = serializers.IntegerField(help_text="Chiều cao ảnh gốc (px).")
    renditions = RenditionSerializer(many=True, help_text="Các cỡ ảnh có sẵn, rộng 400, 800 và 1200 px.")


class HeroSerializer(serializers.Serializer):
    caption = serializers.CharField(allow_blank=True)
    image = ImageSerializer(allow_null=True)


@extend_schema_field(OpenApiTypes.URI)
class ArticleUrlField(serializers.Field):
    """The public page address, built on SITE_URL (never on the request's Host header)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, article):
        # One PublicUrls for the whole response (the context is shared by every card).
        urls = self.context.get("public_urls")
        if urls is None:
            urls = self.context["public_urls"] = PublicUrls()
        return urls.absolute(article)


@extend_schema_field(HeroSerializer(allow_null=True))
class HeroField(serializers.Field):
    """Caption and photo; null when the article has neither."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, article):
        if not article.hero_image_id and not article.hero_caption:
            return None
        image = article.hero_image if article.hero_image_id else None
        return {"caption": article.hero_caption, "image": image_representation(image, alt=article.hero_caption)}


class DynamicFieldsSerializer(serializers.Serializer):
    """Serialises only the fields named in `fields` (all when None)."""

    def __init__(self, *args, fields: tuple[str, ...] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if fields is not None:
            for name in set(self.fields) - set(fields):
                self.fields.pop(name)


@extend_schema_field(NamedSlugSerializer(allow_null=True))
class CardAuthorField(serializers.Field):
    """The byline's author as `{slug, name}`, null when the article has none."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, article):
        author = card_author(article)
        return {"slug": author.slug, "name": author.name} if author is not None else None


@extend_schema_field(NamedSlugSerializer(many=True))
class CardRelationField(serializers.Field):
    """The article's units, categories or tags, sorted by name so that the body and its ETag are
    stable: the lists the page of articles was read with (`cms.news.cards.article_cards`)."""

    def __init__(self, relation: str, **kwargs):
        self.relation = relation
        super().__init__(source="*", **kwargs)

    def to_representation(self, article):
        return [{"slug": item.slug, "name": item.name} for item in card_relation(article, self.relation)]


class ArticleCardSerializer(DynamicFieldsSerializer):
    id = serializers.IntegerField()
    slug = serializers.CharField(required=False)
    url = ArticleUrlField(required=False)
    title = serializers.CharField(required=False)
    date = serializers.DateField(required=False)
    date_display = serializers.CharField(required=False, help_text="Ví dụ: Thứ Sáu, 29/11/2024")
    lead = serializers.CharField(required=False, allow_blank=True, help_text="Sapo.")
    hero = HeroField(required=False)
    author = CardAuthorField(required=False)
    units = CardRelationField("units", required=False)
    categories = CardRelationField("categories", required=False)
    tags = CardRelationField("tags", required=False)
    first_published_at = serializers.DateTimeField(required=False)
    last_published_at = serializers.DateTimeField(required=False)
    snippet = serializers.CharField(
        required=False,
        source="search_snippet",  # only search results have one: DRF leaves the field out elsewhere
        help_text="Chỉ có khi tìm kiếm (`q`): đoạn văn quanh chỗ khớp nhất, cùng đoạn trang tìm kiếm hiển thị.",
    )


class ParagraphSectionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["paragraph"])
    html = serializers.CharField()


class FieldSectionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["field"])
    label = serializers.CharField()
    html = serializers.CharField()


class ImageSectionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["image"])
    caption = serializers.CharField(allow_blank=True)
    credit = serializers.CharField(allow_blank=True)
    image = ImageSerializer(allow_null=True)


class QuoteSectionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["quote"])
    text = serializers.CharField()
    attribution = serializers.CharField(allow_blank=True)


SECTION_SCHEMA = PolymorphicProxySerializer(
    component_name="Section",
    serializers={
        "paragraph": ParagraphSectionSerializer,
        "field": FieldSectionSerializer,
        "image": ImageSectionSerializer,
        "quote": QuoteSectionSerializer,
    },
    resource_type_field_name="type",
    many=True,
)


def section_representation(block) -> dict:
    """A body block as typed JSON (the block's own `get_api_representation`), HTML sanitised."""
    representation = {"type": block.block_type, **block.block.get_api_representation(block.value)}
    if "html" in representation:
        representation["html"] = sanitize_html(representation["html"])
    return representation


@extend_schema_field(SECTION_SCHEMA)
class SectionsField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, article):
        return [section_representation(block) for block in article.body]


@extend_schema_field(OpenApiTypes.STR)
class BodyHtmlField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", help_text="Toàn bộ nội dung, HTML đã làm sạch, URL tuyệt đối.", **kwargs)

    def to_representation(self, article):
        return body_html(article)


class ArticleDetailSerializer(ArticleCardSerializer):
    sections = SectionsField(required=False)
    body_html = BodyHtmlField(required=False)
    related = ArticleCardSerializer(
        many=True, required=False, source="related_articles", help_text="Vài bài khác cùng chuyên mục hoặc đơn vị."
    )


class ArticleListSerializer(serializers.Serializer):
    results = ArticleCardSerializer(many=True)
    next = serializers.URLField(allow_null=True, help_text="Trang sau (URL tuyệt đối), null ở trang cuối.")
    previous = serializers.URLField(allow_null=True, help_text="Trang trước (URL tuyệt đối), null ở trang đầu.")


class MostViewedArticleSerializer(ArticleCardSerializer):
    views = serializers.IntegerField(source="recent_views", help_text="Lượt xem trong khoảng `days` ngày.")


class MostViewedListSerializer(serializers.Serializer):
    results = MostViewedArticleSerializer(many=True)


class UnitSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    short_name = serializers.CharField(allow_blank=True)
    website = serializers.CharField(allow_blank=True)
    article_count = serializers.IntegerField()


class CategorySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    article_count = serializers.IntegerField()


class TagSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    article_count = serializers.IntegerField()


class UnitListSerializer(serializers.Serializer):
    results = UnitSerializer(many=True)


class CategoryListSerializer(serializers.Serializer):
    results = CategorySerializer(many=True)


class TagListSerializer(serializers.Serializer):
    results = TagSerializer(many=True)


class ChangeSerializer(serializers.Serializer):
    cursor = serializers.CharField(source="pk", help_text="Con trỏ của mục này (dùng làm `since` để đọc tiếp sau nó).")
    article_id = serializers.IntegerField()
    action = serializers.ChoiceField(
        choices=ArticleChange.Action.values,
        help_text=(
            "published/updated: có bài (thêm hoặc thay bản sao); unpublished/deleted: bỏ bài; "
            "moved_out: bài rời các đơn vị trong `units` (bản sao theo đơn vị đó bỏ bài; bài vẫn xuất bản)."
        ),
    )
    time = serializers.DateTimeField()
    units = NamedSlugSerializer(many=True)


class ChangeListSerializer(serializers.Serializer):
    results = ChangeSerializer(many=True)
    next_cursor = serializers.CharField(help_text="Gửi lại trong `since` ở lần đọc sau.")
    has_more = serializers.BooleanField(help_text="Còn thay đổi sau `next_cursor`: đọc tiếp ngay.")
    next = serializers.URLField(allow_null=True, help_text="URL tuyệt đối của trang tiếp theo, null nếu đã hết.")
