"""`manage.py load_demo`: the quickstart's content, loaded twice without failing or duplicating,
from data files that the real importer reads (a bad one is named and nothing is written)."""

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.news import demo
from cms.news.article_metadata import read_metadata_file
from cms.news.models import ArticlePage, Author, Category, MemberUnit
from cms.news.selectors import published_articles
from tests.helpers import SAMPLE, article_text, source_lines

pytestmark = pytest.mark.django_db

DEMO_FILES = sorted(Path(settings.LEGACY_DEMO_DIR).glob("*.txt"))


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "authors": Author.objects.count(),
        "units": MemberUnit.objects.count(),
        "categories": Category.objects.count(),
    }


def units_of(page) -> list[str]:
    return sorted(page.units.values_list("slug", flat=True))


def test_demo_content_is_complete_and_a_second_run_duplicates_nothing(client):
    load_demo()
    articles = published_articles()
    assert articles.count() >= 13
    assert ArticlePage.objects.filter(live=False).count() == 0

    # The legacy sample went through the importer, text intact.
    legacy = articles.get(legacy_id=SAMPLE.stem)
    response = client.get(legacy.url)
    assert response.status_code == 200
    assert article_text(response.content.decode()).startswith(" ".join(source_lines(SAMPLE.read_bytes())))

    units_with_articles = MemberUnit.objects.filter(articles__in=articles).exclude(slug="evngenco2").distinct()
    assert units_with_articles.count() >= 3
    assert Category.objects.filter(articles__in=articles).distinct().count() >= 3
    others = articles.exclude(pk=legacy.pk)
    assert others.count() >= 12
    assert not others.filter(hero_image__isnull=True).exists()
    assert not others.filter(hero_caption="").exists()
    assert all(article.lead and len(article.body) for article in others)

    sample = others.first()
    html = client.get(sample.url).content.decode()
    assert sample.hero_caption in html and "<img" in html

    before = counts()
    out = load_demo()
    assert counts() == before
    assert "0 bài tạo mới" in out


def test_as_the_readme_says_the_sample_and_16_articles_across_6_units_and_6_categories_with_photos():
    load_demo()
    articles = published_articles()
    assert articles.count() == len(DEMO_FILES) == 17
    others = articles.exclude(legacy_id=SAMPLE.stem)
    assert MemberUnit.objects.filter(articles__in=others).distinct().count() == 6
    assert Category.objects.filter(articles__in=others).distinct().count() == 6
    assert not others.filter(hero_image__isnull=True).exists()
    # Every generated photo is its own picture.
    images = get_image_model().objects.all()
    contents = {hashlib.sha256(image.file.open("rb").read()).hexdigest() for image in images}
    assert len(contents) == images.count() > len(DEMO_FILES)


def test_every_demo_file_round_trips_into_its_page_filed_as_its_metadata_says(client):
    load_demo()
    metadata = read_metadata_file(Path(settings.LEGACY_DEMO_DIR) / demo.ARTICLE_METADATA_NAME)
    assert sorted(metadata) == [path.stem for path in DEMO_FILES]
    for path in DEMO_FILES:
        page = ArticlePage.objects.get(legacy_id=path.stem)
        lines = source_lines(path.read_bytes())
        text = article_text(client.get(page.url).content.decode())
        # The file's lines are the page's text, in order, from the date line to the byline.
        assert text.startswith(" ".join(lines)), path.name
        entry = metadata[path.stem]
        assert page.get_parent().specific.unit.slug == entry.section, path.name
        assert units_of(page) == sorted(entry.units), path.name
        assert sorted(page.categories.values_list("slug", flat=True)) == sorted(entry.categories), path.name
        assert sorted(page.tags.names()) == sorted(entry.tags), path.name
        photos = [block.value["image"] for block in page.body if block.block_type == "image"]
        assert len(photos) == len(entry.photos or ()) and all(photos), path.name
        assert (page.hero_image is not None) == (entry.hero is not None), path.name


def test_quotes_field_sections_and_inline_photos_come_through():
    load_demo()
    kinds = {block.block_type for page in ArticlePage.objects.all() for block in page.body}
    assert kinds == {"paragraph", "field", "image", "quote"}
    page = ArticlePage.objects.get(legacy_id="demo-008")
    assert [block.value["label"] for block in page.body if block.block_type == "field"] == [
        "Công tác dự báo và thông tin",
        "Công tác vận hành",
        "Công tác an toàn",
    ]


@pytest.fixture
def demo_copy(tmp_path, settings):
    """The demo's articles and metadata in a folder of the test's own, which load_demo reads."""
    folder = tmp_path / "legacy"
    shutil.copytree(settings.LEGACY_DEMO_DIR, folder)
    settings.LEGACY_DEMO_DIR = folder
    return folder


def state() -> dict:
    return {**counts(), "articles": ArticlePage.objects.count(), "units_named": list(MemberUnit.objects.values("name"))}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def line_number(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_unknown_unit_in_the_last_articles_metadata_names_the_file_line_and_key_and_nothing_is_written(demo_copy):
    metadata = demo_copy / demo.ARTICLE_METADATA_NAME
    edit(metadata, 'units = ["evngenco2", "thuy-dien-thac-mo"]', 'units = ["evngenco2", "khong-co"]')
    before = state()
    with pytest.raises(CommandError) as caught:
        load_demo()
    line = line_number(metadata, '"khong-co"')
    assert f"{metadata}:{line}: demo-016.units: không có đơn vị 'khong-co'" in str(caught.value)
    assert state() == before


@pytest.mark.parametrize(
    ("old", "new", "at", "message"),
    [
        ("[demo-003]", "[demo-003", "[demo-003", "không phải TOML hợp lệ"),
        ("[demo-003]", "[demo-003]\ncategory = []", "category", "demo-003.category: khóa không biết"),
        ("[demo-003]", "[demo-099]\nunits = []\n\n[demo-003]", "[demo-099]", "demo-099: không có tệp demo-099.txt"),
    ],
    ids=["malformed", "unknown-key", "table-without-file"],
)
def test_malformed_metadata_is_named_with_its_line_and_nothing_is_written(demo_copy, old, new, at, message):
    metadata = demo_copy / demo.ARTICLE_METADATA_NAME
    edit(metadata, old, new)
    before = state()
    with pytest.raises(CommandError) as caught:
        load_demo()
    assert f"{metadata}:{line_number(metadata, at)}: {message}" in str(caught.value)
    assert state() == before


def test_an_article_file_without_metadata_or_that_cannot_be_parsed_is_named(demo_copy):
    (demo_copy / "demo-099.txt").write_text("Thứ Năm, 31/02/2024\nTiêu đề\n\nSapo.\n")
    with pytest.raises(CommandError) as caught:
        load_demo()
    assert "thiếu bảng [demo-099] cho demo-099.txt" in str(caught.value)
    metadata = demo_copy / demo.ARTICLE_METADATA_NAME
    metadata.write_text(metadata.read_text() + '\n[demo-099]\nsection = "evngenco2"\n')
    before = state()
    with pytest.raises(CommandError) as caught:
        load_demo()
    assert f"{demo_copy / 'demo-099.txt'}:1: ngày không tồn tại" in str(caught.value)
    assert state() == before


def test_a_broken_snippets_file_is_named_with_the_unit_at_fault(tmp_path, monkeypatch):
    snippets = tmp_path / "snippets.toml"
    shutil.copy(demo.SNIPPETS_FILE, snippets)
    edit(snippets, 'name = "Công ty Cổ phần Thủy điện A Vương"', 'ten = "Công ty Cổ phần Thủy điện A Vương"')
    monkeypatch.setattr(demo, "SNIPPETS_FILE", snippets)
    before = state()
    with pytest.raises(CommandError) as caught:
        load_demo()
    line = line_number(snippets, 'slug = "thuy-dien-a-vuong"') - 1  # its [[units]] header
    assert f"{snippets}:{line}: units[5]: thiếu 'name'" in str(caught.value)
    assert state() == before
