"""The blocks an article body is made of. Each block is defined once, here and in its
template, for every output:

- the site's page: `Meta.template` (templates/components/blocks/);
- the API's typed JSON (`sections`): `get_api_representation`;
- sanitised HTML for the API's `body_html` and feeds: `raw_html`;
- plain text for search: `raw_text`;
- the images it shows, fetched in bulk for lists and feeds: `raw_image_ids`.

The last three read the block's stored (raw JSON) value, not Wagtail's decoded one, which
these outputs do not need (bench/README.md).
A missing key reads as empty, as Wagtail's blocks read it, and a value of the wrong type (JSON
written by a script) as nothing. Adding a block type is one class with these methods plus its
template; tests/test_blocks.py renders every block type through every output.
"""

from collections.abc import Iterable, Mapping
from html import escape

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import expand_db_html

from .image_prefetch import PrefetchingImageChooserBlock, image_id
from .renditions import ShownImage, image_representation
from .sanitize import rich_text_plain

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]


def text_of(value) -> str:
    """A stored text value as a string (a block saved by a script may hold anything)."""
    return value if isinstance(value, str) else "" if value is None else str(value)


def fields_of(value) -> dict:
    """A stored struct value as a dict (anything else reads as an empty one)."""
    return value if isinstance(value, dict) else {}


def figure_html(shown: ShownImage | None, caption: str, credit: str = "") -> str:
    """`<figure>` with the photo (when there is one) and its caption."""
    parts = []
    if shown is not None:
        parts.append(
            f'<img src="{escape(shown.url)}" alt="{escape(caption or shown.alt)}" '
            f'width="{shown.width}" height="{shown.height}">'
        )
    if caption or credit:
        credit_html = f" <small>{escape(credit)}</small>" if credit else ""
        parts.append(f"<figcaption>{escape(caption)}{credit_html}</figcaption>")
    return "<figure>" + "".join(parts) + "</figure>" if parts else ""


class BodyBlock:
    """What every body block defines besides its template and API JSON (see the module's docstring).

    `raw_html` returns unfinished HTML: rich text stays in the database's format (internal
    links not yet expanded) and nothing is sanitised yet (article_html.finish_html does both,
    for many articles at once). `images` maps an image id to its shown rendition.
    """

    def raw_html(self, raw, images: Mapping[int, ShownImage]) -> str:
        raise NotImplementedError

    def raw_text(self, raw) -> list[str]:
        raise NotImplementedError

    def raw_image_ids(self, raw) -> list[int]:
        return []


class ParagraphBlock(BodyBlock, blocks.RichTextBlock):
    """A body paragraph (or several), as rich text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_api_representation(self, value, context=None):
        return {"html": expand_db_html(value.source)}

    def raw_html(self, raw, images):
        return text_of(raw)

    def raw_text(self, raw):
        return [rich_text_plain(text_of(raw))]

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


class FieldSectionBlock(BodyBlock, StoredStructBlock):
    """A labelled section such as `Lĩnh vực kinh tế: …`: the label and its text."""

    label = blocks.CharBlock(
        max_length=120, label=_("Nhãn"), help_text=_("Ví dụ: Lĩnh vực kinh tế (không có dấu hai chấm)")
    )
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Nội dung"))

    def get_api_representation(self, value, context=None):
        return {"label": value["label"], "html": expand_db_html(value["text"].source)}

    def raw_html(self, raw, images):
        fields = fields_of(raw)
        return f"<p><strong>{escape(text_of(fields.get('label')))}:</strong></p>" + text_of(fields.get("text"))

    def raw_text(self, raw):
        fields = fields_of(raw)
        return [text_of(fields.get("label")), rich_text_plain(text_of(fields.get("text")))]

    class Meta:
        icon = "list-ul"
        label = _("Mục theo lĩnh vực")
        template = "components/blocks/field_section.html"
        preview_value = {
            "label": "Lĩnh vực kinh tế",
            "text": "<p>Ứng dụng công nghệ mới, nâng cao năng suất lao động.</p>",
        }


class ImageFigureBlock(BodyBlock, StoredStructBlock):
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

    def raw_html(self, raw, images):
        fields = fields_of(raw)
        shown = images.get(image_id(fields.get("image")))
        return figure_html(shown, text_of(fields.get("caption")), text_of(fields.get("credit")))

    def raw_text(self, raw):
        fields = fields_of(raw)
        return [text_of(fields.get("caption")), text_of(fields.get("credit"))]

    def raw_image_ids(self, raw):
        found = image_id(fields_of(raw).get("image"))
        return [] if found is None else [found]

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "components/blocks/image_figure.html"


class QuoteBlock(BodyBlock, StoredStructBlock):
    """A quotation and who said it."""

    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Người nói"))

    def get_api_representation(self, value, context=None):
        return {"text": value["text"], "attribution": value["attribution"]}

    def raw_html(self, raw, images):
        fields = fields_of(raw)
        attribution = text_of(fields.get("attribution"))
        attribution_html = f"<footer>— {escape(attribution)}</footer>" if attribution else ""
        return f"<blockquote><p>{escape(text_of(fields.get('text')))}</p>{attribution_html}</blockquote>"

    def raw_text(self, raw):
        fields = fields_of(raw)
        return [text_of(fields.get("text")), text_of(fields.get("attribution"))]

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "components/blocks/quote.html"
        preview_value = {"text": "An toàn là trên hết.", "attribution": "Giám đốc Công ty"}


class ArticleBodyBlock(blocks.StreamBlock):
    """An article's body; its `raw_*` methods read a whole stored body, each block by its own."""

    paragraph = ParagraphBlock()
    field = FieldSectionBlock()
    image = ImageFigureBlock()
    quote = QuoteBlock()

    def _blocks(self, raw_body: Iterable) -> Iterable[tuple[BodyBlock, object]]:
        for item in raw_body if isinstance(raw_body, list | tuple) else list(raw_body or []):
            block = self.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if block is not None:
                yield block, item.get("value")

    def raw_html(self, raw_body: Iterable[dict], images: Mapping[int, ShownImage]) -> str:
        return "\n".join(block.raw_html(value, images) for block, value in self._blocks(raw_body))

    def raw_text(self, raw_body: Iterable[dict]) -> list[str]:
        return [part for block, value in self._blocks(raw_body) for part in block.raw_text(value)]

    def raw_image_ids(self, raw_body: Iterable[dict]) -> list[int]:
        return [pk for block, value in self._blocks(raw_body) for pk in block.raw_image_ids(value)]


BODY_BLOCK = ArticleBodyBlock()
