"""Builders for test data: snippets, images and published (or not) articles.

Articles are created the way an editor creates them: added under a news index, saved as a
revision and published (or left as a draft), so the page tree, revisions and `live` flags are
real.
"""

import datetime
import io

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from cms.news.models import ArticlePage, Author, Category, MemberUnit, NewsIndexPage


class MemberUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberUnit
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Công ty Nhiệt điện số {n}")
    short_name = factory.Sequence(lambda n: f"ND{n}")
    slug = factory.Sequence(lambda n: f"nhiet-dien-{n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Phóng viên {n}")
    slug = factory.Sequence(lambda n: f"phong-vien-{n}")


def image_file(width: int = 1600, height: int = 900, colour: str = "#1f5f8b", name: str = "anh.jpg") -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="JPEG", quality=80)
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Ảnh {n}")
    file = factory.LazyFunction(image_file)


def small_image(title: str = "Ảnh"):
    """A small photo: renditions are quick to make, where the photo's size does not matter."""
    return ImageFactory(title=title, file=image_file(320, 180))


def corporate_index() -> NewsIndexPage:
    """The news index the migrations create (`/tin-tuc/`)."""
    return NewsIndexPage.objects.get(slug="tin-tuc")


def unit_index(unit: MemberUnit) -> NewsIndexPage:
    from cms.news.unit_sections import ensure_unit_section

    return ensure_unit_section(unit)


def paragraph(text: str) -> tuple[str, RichText]:
    return ("paragraph", RichText(f"<p>{text}</p>"))


def field_section(label: str, text: str) -> tuple[str, dict]:
    return ("field", {"label": label, "text": RichText(f"<p>{text}</p>")})


def image_block(image, caption: str = "", credit: str = "") -> tuple[str, dict]:
    return ("image", {"image": image, "caption": caption, "credit": credit})


def quote(text: str, attribution: str = "") -> tuple[str, dict]:
    return ("quote", {"text": text, "attribution": attribution})


_counter = iter(range(1, 10**9))


def make_article(
    *,
    parent: NewsIndexPage | None = None,
    title: str | None = None,
    date: datetime.date | None = None,
    lead: str = "Sapo của bài viết.",
    body: list | None = None,
    units: list[MemberUnit] | None = None,
    categories: list[Category] | None = None,
    tags: list[str] | None = None,
    author: Author | None = None,
    hero_image=None,
    hero_caption: str = "",
    publish: bool = True,
    **fields,
) -> ArticlePage:
    """Create an article under `parent` (default: `/tin-tuc/`), published unless `publish=False`."""
    number = next(_counter)
    parent = parent or corporate_index()
    page = ArticlePage(
        title=title or f"Bài viết số {number}",
        date=date or datetime.date(2024, 11, 1) + datetime.timedelta(days=number % 300),
        lead=lead,
        body=body if body is not None else [paragraph("Đoạn văn thứ nhất.")],
        author=author,
        hero_image=hero_image,
        hero_caption=hero_caption,
        live=False,  # as the admin creates it: a draft until a revision is published
        **fields,
    )
    parent.add_child(instance=page)
    page.units.set(units if units is not None else ([parent.unit] if parent.unit else []))
    page.categories.set(categories or [])
    page.tags.set(tags or [])
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page
