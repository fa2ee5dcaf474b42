"""The blocks an article body is made of, each with its template and its API JSON."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import expand_db_html

from .image_prefetch import PrefetchingImageChooserBlock
from .renditions import image_representation

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    """A body paragraph (or several), as rich text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_api_representation(self, value, context=None):
        return {"html": expand_db_html(value.source)}

    class Meta:
        icon = "pilcrow"
        label = _("Đoạn văn")
        template = "components/blocks/paragraph.html"
        preview_value = "<p>Công ty đã hoàn thành kế hoạch sản lượng điện năm 2024.</p>"


class StoredStructBlock(blocks.StructBlock):
    """A struct block that reads a stored value which is not an object (JSON written by a
    script, or null) as an empty one, as it reads missing keys: Wagtail would raise, and the
    article page, the API and the admin would all fail on that article."""

    def to_python(self, value):
        return super().to_python(value if isinstance(value, dict) else {})

    def bulk_to_python(self, values):
        return super().bulk_to_python([value if isinstance(value, dict) else {} for value in values])


class FieldSectionBlock(StoredStructBlock):
    """A labelled section such as `Lĩnh vực kinh tế: …`: the label and its text."""

    label = blocks.CharBlock(
        max_length=120, label=_("Nhãn"), help_text=_("Ví dụ: Lĩnh vực kinh tế (không có dấu hai chấm)")
    )
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Nội dung"))

    def get_api_representation(self, value, context=None):
        return {"label": value["label"], "html": expand_db_html(value["text"].source)}

    class Meta:
        icon = "list-ul"
        label = _("Mục theo lĩnh vực")
        template = "components/blocks/field_section.html"
        preview_value = {
            "label": "Lĩnh vực kinh tế",
            "text": "<p>Ứng dụng công nghệ mới, nâng cao năng suất lao động.</p>",
        }


class ImageFigureBlock(StoredStructBlock):
    """An inline photo with its caption and, optionally, who took it."""

    image = PrefetchingImageChooserBlock(label=_("Ảnh"))
    caption = blocks.TextBlock(required=False, label=_("Chú thích"))
    credit = blocks.CharBlock(required=False, max_length=200, label=_("Nguồn ảnh"))

    def get_api_representation(self, value, context=None):
        return {
            "caption": value["caption"],
            "credit": value["credit"],
            "image": image_representation(value["image"], alt=value["caption"]),
        }

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "components/blocks/image_figure.html"


class QuoteBlock(StoredStructBlock):
    """A quotation and who said it."""

    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Người nói"))

    def get_api_representation(self, value, context=None):
        return {"text": value["text"], "attribution": value["attribution"]}

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "components/blocks/quote.html"
        preview_value = {"text": "An toàn là trên hết.", "attribution": "Giám đốc Công ty"}


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    field = FieldSectionBlock()
    image = ImageFigureBlock()
    quote = QuoteBlock()
