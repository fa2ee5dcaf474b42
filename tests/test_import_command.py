"""`manage.py import_articles`: the legacy article lands as a published page, whole or not at all."""

import datetime
import io
import re
import shutil
import zoneinfo

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.news.models import ArticlePage, Author, NewsIndexPage
from cms.news.selectors import published_articles
from tests.factories import CategoryFactory, MemberUnitFactory, corporate_index, unit_index
from tests.helpers import FIXTURE_FILES, FIXTURES, SAMPLE, article_text, assert_in_order, source_lines

pytestmark = pytest.mark.django_db

SAMPLE_SLUG = "day-manh-phong-trao-thi-dua-dan-van-kheo-trong-evngenco2"
HO_CHI_MINH = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def stored_parts(page: ArticlePage) -> list[str]:
    """The page's stored text in reading order, read straight from its fields and blocks."""
    parts = [page.title, page.hero_caption, page.lead]
    for block in page.body:
        if block.block_type == "field":
            parts.append(f"{block.value['label']}: {article_text('<article>' + block.value['text'].source)}")
        else:
            parts.append(article_text("<article>" + block.value.source))
    parts.append(page.author.name if page.author else "")
    return [part for part in parts if part]


def run_import(*args, **options):
    """Run the command; return (stdout, stderr, CommandError or None)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *[str(arg) for arg in args], stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def database_counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "authors": Author.objects.count(),
        "groups": Group.objects.count(),
    }


@pytest.fixture
def imported_sample():
    out, err, error = run_import(SAMPLE)
    assert error is None, err
    return ArticlePage.objects.get(legacy_id=SAMPLE.stem)


# --- The real legacy article, end to end ------------------------------------------------------


def test_legacy_article_round_trips_into_the_stored_page(imported_sample):
    lines = source_lines(SAMPLE.read_bytes())
    assert " ".join(stored_parts(imported_sample)) == " ".join(lines[1:])


def test_legacy_article_round_trips_into_the_rendered_page(client, imported_sample):
    response = client.get(imported_sample.url)
    assert response.status_code == 200
    text = article_text(response.content.decode())
    lines = source_lines(SAMPLE.read_bytes())
    assert lines[0] == "Thứ Sáu, 29/11/2024"
    assert_in_order(text, lines)
    # Exactly the source, from the date line to the byline; after it only the new site's own links.
    assert text.startswith(" ".join(lines))
    assert "Xem nhiều nhất" not in text


def test_legacy_article_fields(imported_sample):
    page = imported_sample
    assert page.date == datetime.date(2024, 11, 29)
    assert page.title == "Đẩy mạnh phong trào thi đua “Dân vận khéo” trong EVNGENCO2"
    assert page.slug == SAMPLE_SLUG
    assert page.hero_caption.startswith("Đơn vị thành viên tổ chức Hội nghị nghiên cứu")
    assert page.hero_caption.endswith("phong cách Hồ Chí Minh”")
    assert page.lead.startswith("Đảng ủy Tổng công ty đã cụ thể hóa")
    assert page.author.name == "Phương Linh"
    fields = [block.value["label"] for block in page.body if block.block_type == "field"]
    assert fields == [
        "Lĩnh vực kinh tế",
        "Lĩnh vực văn hóa - xã hội",
        "Lĩnh vực quốc phòng - an ninh",
        "Lĩnh vực xây dựng hệ thống chính trị",
    ]
    assert [block.block_type for block in page.body] == ["field"] * 4 + ["paragraph"] * 5


def test_legacy_article_page_shows_its_parts_in_the_old_sites_order(client, imported_sample):
    page = imported_sample
    text = article_text(client.get(page.url).content.decode())
    assert_in_order(
        text,
        [
            "Thứ Sáu, 29/11/2024",
            page.title,
            page.hero_caption,
            page.lead,
            "Lĩnh vực kinh tế: Khéo” trong vận động",
            "Lĩnh vực xây dựng hệ thống chính trị: Khéo”",
            "Trong thời gian tới, EVNGENCO2",
            "Phương Linh",
        ],
    )


def test_imported_article_is_published_with_its_legacy_date(imported_sample):
    page = imported_sample
    assert page.live and not page.has_unpublished_changes
    assert published_articles().filter(pk=page.pk).exists()
    assert page.first_published_at.astimezone(HO_CHI_MINH).date() == datetime.date(2024, 11, 29)
    assert page.get_parent().specific == corporate_index()
    assert page.url == f"/tin-tuc/{SAMPLE_SLUG}/"
    assert [unit.slug for unit in page.units.all()] == ["evngenco2"]


def test_fixture_folder_imports_each_txt_file_and_each_renders(client):
    out, err, error = run_import(FIXTURES)
    assert error is None, err
    assert "6 tạo mới, 0 cập nhật, 0 không đổi, 0 lỗi" in out
    assert ArticlePage.objects.count() == len(FIXTURE_FILES) == 6
    for path in FIXTURE_FILES:
        page = ArticlePage.objects.get(legacy_id=path.stem)
        lines = source_lines(path.read_bytes())
        assert " ".join(stored_parts(page)) == " ".join(lines[1:]), path.name
        response = client.get(page.url)
        assert response.status_code == 200
        assert article_text(response.content.decode()).startswith(" ".join(lines)), path.name
    assert ArticlePage.objects.get(legacy_id="106_chu_nhat").author.name == "Tin, ảnh: Minh Tuấn"
    assert ArticlePage.objects.get(legacy_id="102_no_caption").hero_caption == ""


def test_html_like_text_is_shown_as_text_not_markup(client, tmp_path):
    path = tmp_path / "html.txt"
    path.write_text("Thứ Sáu, 29/11/2024\nA < B & C\n\nSapo <script>alert(1)</script> “x”.\n\nPhương Linh")
    run_import(path)
    page = ArticlePage.objects.get(legacy_id="html")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert_in_order(article_text(html), ["A < B & C", "Sapo <script>alert(1)</script> “x”.", "Phương Linh"])


# --- Re-import, dry run, destinations, progress ------------------------------------------------


def test_reimporting_the_same_file_changes_nothing(imported_sample):
    before = database_counts()
    out, _err, error = run_import(SAMPLE)
    assert error is None
    assert "không đổi" in out
    assert "0 tạo mới, 0 cập nhật, 1 không đổi, 0 lỗi" in out
    assert database_counts() == before


def test_edited_file_updates_the_same_page_as_a_new_revision(client, tmp_path, imported_sample):
    edited = tmp_path / SAMPLE.name
    edited.write_text(SAMPLE.read_text().replace("Phương Linh", "Phương Linh và Thu Hà"))
    revisions = imported_sample.revisions.count()
    out, _err, error = run_import(edited)
    assert error is None
    assert "0 tạo mới, 1 cập nhật" in out
    assert ArticlePage.objects.count() == 1
    page = ArticlePage.objects.get(pk=imported_sample.pk)
    assert page.author.name == "Phương Linh và Thu Hà"
    assert page.revisions.count() == revisions + 1
    assert page.live and page.live_revision == page.latest_revision
    assert page.url == imported_sample.url
    assert "Phương Linh và Thu Hà" in article_text(client.get(page.url).content.decode())


def test_dry_run_writes_nothing_and_says_what_it_would_create():
    before = database_counts()
    out, _err, error = run_import(SAMPLE, dry_run=True)
    assert error is None
    assert database_counts() == before
    assert "tạo mới" in out and f"/tin-tuc/{SAMPLE_SLUG}/" in out
    assert "Đẩy mạnh phong trào thi đua" in out
    assert "1 tạo mới, 0 cập nhật, 0 không đổi, 0 lỗi" in out


def test_dry_run_of_an_imported_file_says_it_would_update(imported_sample):
    before = database_counts()
    out, _err, _error = run_import(SAMPLE, dry_run=True)
    assert "0 tạo mới, 1 cập nhật" in out
    assert database_counts() == before


def test_unit_option_puts_the_page_in_that_units_news_section():
    unit = MemberUnitFactory(slug="nhiet-dien-can-tho", name="Công ty Nhiệt điện Cần Thơ")
    section = unit_index(unit)
    out, err, error = run_import(SAMPLE, unit="nhiet-dien-can-tho")
    assert error is None, err
    page = ArticlePage.objects.get(legacy_id=SAMPLE.stem)
    assert page.get_parent().specific == section
    assert list(page.units.all()) == [unit]
    assert published_articles().filter(units=unit).count() == 1


def test_reimport_with_the_same_unit_is_unchanged():
    unit = MemberUnitFactory(slug="thuy-dien-thac-mo")
    unit_index(unit)
    run_import(SAMPLE, unit=unit.slug)
    before = database_counts()
    out, _err, error = run_import(SAMPLE, unit=unit.slug)
    assert error is None
    assert "1 không đổi" in out
    assert database_counts() == before


def test_parent_option_chooses_the_news_index():
    unit = MemberUnitFactory(slug="thuy-dien-a-vuong")
    section = unit_index(unit)
    run_import(FIXTURES / "106_chu_nhat.txt", parent=f"/{section.slug}/")
    assert ArticlePage.objects.get(legacy_id="106_chu_nhat").get_parent().specific == section
    run_import(SAMPLE, parent="/tin-tuc/")
    assert ArticlePage.objects.get(legacy_id=SAMPLE.stem).get_parent().specific == corporate_index()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"unit": "khong-co-don-vi-nay"}, "--unit: không có đơn vị 'khong-co-don-vi-nay'"),
        ({"parent": "/khong-co/"}, "--parent: không có trang danh sách tin '/khong-co/'"),
        ({"parent": "/"}, "--parent: không có trang danh sách tin '/'"),
    ],
)
def test_unknown_unit_or_parent_is_a_clear_error(options, message):
    before = database_counts()
    _out, _err, error = run_import(SAMPLE, **options)
    assert error is not None and message in str(error)
    assert database_counts() == before


def test_progress_lines_and_summary_for_several_files(tmp_path):
    for path in FIXTURE_FILES[:3]:
        shutil.copy(path, tmp_path / path.name)
    out, _err, error = run_import(*sorted(tmp_path.iterdir()))
    assert error is None
    for number, path in enumerate(FIXTURE_FILES[:3], start=1):
        assert re.search(rf"^\[{number}/3\] .*{re.escape(path.name)} → tạo mới: ", out, re.MULTILINE)
    assert out.strip().splitlines()[-1].startswith("Tổng kết: 3 tạo mới, 0 cập nhật, 0 không đổi, 0 lỗi")


def test_folder_without_txt_files_is_an_error(tmp_path):
    (tmp_path / "README.md").write_text("không phải bài viết")
    _out, _err, error = run_import(tmp_path)
    assert error is not None and "Không có tệp .txt" in str(error)


# --- Bad files: named with line and reason, nothing of them written ----------------------------

BAD_FILES = {
    "empty": (b"", 1, "tệp rỗng"),
    "whitespace": (b"  \n\t\n\r\n   ", 1, "tệp rỗng"),
    "no_date": ("Đẩy mạnh phong trào thi đua\n\nSapo.\n\nPhương Linh\n".encode(), 1, "thiếu dòng ngày"),
    "feb_31": ("Thứ Bảy, 31/02/2024\nTiêu đề\n\nSapo.\n\nPhương Linh\n".encode(), 1, "ngày không tồn tại"),
    "latin1": (b"Thu Sau, 29/11/2024\nTieu de\n\nSapo\n\nCaf\xe9 s\xe1ng.\n", 6, "không phải UTF-8"),
    "no_title": ("\nThứ Sáu, 29/11/2024\n\n\n".encode(), 3, "thiếu tiêu đề"),
    "no_lead": ("Thứ Sáu, 29/11/2024\nChỉ có tiêu đề\n\nGửi cho bạn bè\n".encode(), None, "thiếu nội dung"),
    "title_too_long": (
        f"Thứ Sáu, 29/11/2024\n{'Tiêu đề rất dài ' * 20}\n\nSapo.\n\nTác Giả Mới\n".encode(),
        2,
        "tiêu đề dài 319 ký tự",
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_is_reported_with_line_and_reason_and_nothing_is_written(tmp_path, name):
    data, line, reason = BAD_FILES[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    before = database_counts()
    out, err, error = run_import(path)
    assert isinstance(error, CommandError)
    assert database_counts() == before
    assert not ArticlePage.objects.filter(legacy_id=name).exists()
    assert re.search(rf"^{re.escape(str(path))}:{line if line is not None else '[1-9][0-9]*'}: {reason}", err)
    assert "0 tạo mới, 0 cập nhật, 0 không đổi, 1 lỗi" in out


def test_unreadable_files_are_named_with_the_reason(tmp_path):
    missing = tmp_path / "khong-co.txt"
    loop = tmp_path / "vong-lap.txt"
    loop.symlink_to(loop)
    before = database_counts()
    _out, err, error = run_import(missing, loop)
    assert error is not None
    assert database_counts() == before
    assert f"{missing}:0: không đọc được tệp" in err
    assert f"{loop}:0: không đọc được tệp" in err


def test_unreadable_file_inside_a_folder_is_reported_not_skipped(tmp_path):
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    (tmp_path / "hong.txt").symlink_to(tmp_path / "da-xoa.txt")
    out, err, error = run_import(tmp_path)
    assert error is not None
    assert f"{tmp_path / 'hong.txt'}:0: không đọc được tệp" in err
    assert "1 tạo mới, 0 cập nhật, 0 không đổi, 1 lỗi" in out


def test_mixed_batch_imports_the_good_files_and_fails_at_the_end(tmp_path):
    good = [tmp_path / "a_good.txt", tmp_path / "c_good.txt"]
    shutil.copy(SAMPLE, good[0])
    shutil.copy(FIXTURES / "102_no_caption.txt", good[1])
    bad = tmp_path / "b_bad.txt"
    bad.write_text("Thứ Năm, 30/02/2024\nTiêu đề\n\nSapo.\n")
    out, err, error = run_import(good[0], bad, good[1])
    assert isinstance(error, CommandError)
    assert "1 tệp không nhập được" in str(error)
    assert set(ArticlePage.objects.values_list("legacy_id", flat=True)) == {"a_good", "c_good"}
    assert f"{bad}:1: ngày không tồn tại" in err
    assert "[2/3]" in out and "Tổng kết: 2 tạo mới, 0 cập nhật, 0 không đổi, 1 lỗi (trên 3 tệp)." in out
    NewsIndexPage.objects.get(slug="tin-tuc")  # the section itself was not touched by the failure


def test_dry_run_for_a_unit_without_a_section_yet_writes_nothing():
    unit = MemberUnitFactory(slug="thuy-dien-song-ba-ha")  # its section is made after commit, not yet here
    assert not NewsIndexPage.objects.filter(unit=unit).exists()
    before = database_counts()
    out, err, error = run_import(SAMPLE, unit=unit.slug, dry_run=True)
    assert error is None, err
    assert database_counts() == before
    assert "1 tạo mới" in out and f"/{unit.slug}/{SAMPLE_SLUG}/" in out


# --- Quotes, inline photos and a metadata file ----------------------------------------------------

ARTICLE_WITH_QUOTE_AND_PHOTO = """Thứ Sáu, 20/09/2024
Thủy điện Thác Mơ diễn tập ứng phó tình huống khẩn cấp

Lực lượng xung kích thực hành cứu người bị nạn trên lòng hồ.


Sáng 19/9, Công ty tổ chức diễn tập phương án ứng phó tình huống khẩn cấp.

Mùa khô năm nay là thử thách lớn nhất.
— Ông Trần Quốc Hưng, Tổng giám đốc EVNGENCO2

Vận hành cửa van đập tràn bằng nguồn điện dự phòng.
Ảnh: Quốc Bảo


Công tác an toàn: Không để xảy ra sự cố nào.

Quốc Bảo
"""

METADATA = """# What the text does not say.
[dien-tap]
section = "thuy-dien-thac-mo"
units = ["thuy-dien-thac-mo", "evngenco2"]
categories = ["an-toan-lao-dong"]
tags = ["diễn tập", "hồ chứa"]
published_time = 15:00:00
hero = { scene = "hydro-dam", colour = "#2e7d5b" }
photos = [{ colour = "#5a7d2e" }]
"""


def image_count() -> int:
    return get_image_model().objects.count()


@pytest.fixture
def article_with_metadata(tmp_path):
    """The article and its metadata file, with the units and category it names."""
    section = unit_index(MemberUnitFactory(slug="thuy-dien-thac-mo", name="Công ty Cổ phần Thủy điện Thác Mơ"))
    CategoryFactory(slug="an-toan-lao-dong", name="An toàn lao động")
    article = tmp_path / "dien-tap.txt"
    article.write_text(ARTICLE_WITH_QUOTE_AND_PHOTO)
    metadata = tmp_path / "bai-viet.toml"
    metadata.write_text(METADATA)
    return {"article": article, "metadata": metadata, "section": section}


def test_quote_and_photo_caption_become_their_blocks_and_the_photo_waits_for_an_editor(client, tmp_path):
    path = tmp_path / "dien-tap.txt"
    path.write_text(ARTICLE_WITH_QUOTE_AND_PHOTO)
    _out, err, error = run_import(path)
    assert error is None, err
    page = ArticlePage.objects.get(legacy_id="dien-tap")
    assert [(block.block_type, dict(block.value) if block.block_type != "field" else None) for block in page.body] == [
        (
            "quote",
            {
                "text": "Mùa khô năm nay là thử thách lớn nhất.",
                "attribution": "Ông Trần Quốc Hưng, Tổng giám đốc EVNGENCO2",
            },
        ),
        (
            "image",
            {
                "image": None,
                "caption": "Vận hành cửa van đập tràn bằng nguồn điện dự phòng.",
                "credit": "Ảnh: Quốc Bảo",
            },
        ),
        ("field", None),
    ]
    assert page.hero_image is None and image_count() == 0
    assert_in_order(article_text(client.get(page.url).content.decode()), source_lines(path.read_bytes()))


def test_metadata_files_the_article_and_draws_its_photos(client, article_with_metadata):
    files = article_with_metadata
    out, err, error = run_import(files["article"], metadata=files["metadata"])
    assert error is None, err
    page = ArticlePage.objects.get(legacy_id="dien-tap")
    assert page.get_parent().specific == files["section"]
    assert sorted(page.units.values_list("slug", flat=True)) == ["evngenco2", "thuy-dien-thac-mo"]
    assert list(page.categories.values_list("slug", flat=True)) == ["an-toan-lao-dong"]
    assert sorted(page.tags.names()) == ["diễn tập", "hồ chứa"]
    assert page.first_published_at.astimezone(HO_CHI_MINH) == datetime.datetime(2024, 9, 20, 15, 0, tzinfo=HO_CHI_MINH)
    assert page.hero_image.title == page.hero_caption
    photo = next(block.value for block in page.body if block.block_type == "image")
    assert photo["image"].title == photo["caption"] and photo["image"] != page.hero_image
    assert image_count() == 2
    assert_in_order(article_text(client.get(page.url).content.decode()), source_lines(files["article"].read_bytes()))

    before = {**database_counts(), "images": image_count()}
    out, _err, error = run_import(files["article"], metadata=files["metadata"])
    assert error is None and "1 không đổi" in out
    assert {**database_counts(), "images": image_count()} == before


def test_metadata_wins_over_the_unit_option_for_its_articles_only(article_with_metadata):
    files = article_with_metadata
    other = MemberUnitFactory(slug="thuy-dien-a-vuong")
    shutil.copy(SAMPLE, files["article"].parent / SAMPLE.name)
    _out, err, error = run_import(
        files["article"], files["article"].parent / SAMPLE.name, metadata=files["metadata"], unit=other.slug
    )
    assert error is None, err
    assert ArticlePage.objects.get(legacy_id="dien-tap").get_parent().specific == files["section"]
    sample = ArticlePage.objects.get(legacy_id=SAMPLE.stem)
    assert list(sample.units.all()) == [other] and sample.get_parent().specific == unit_index(other)


BAD_METADATA = {
    "unknown-unit": ('units = ["thuy-dien-thac-mo", "khong-co"]', 4, "dien-tap.units: không có đơn vị 'khong-co'"),
    "unknown-section": ('section = "khong-co"', 3, "dien-tap.section: không có đơn vị 'khong-co'"),
    "unknown-category": ('categories = ["khong-co"]', 5, "dien-tap.categories: không có chuyên mục 'khong-co'"),
    "photos-and-captions": (
        'photos = [{ colour = "#5a7d2e" }, { colour = "#000000" }]',
        9,
        "dien-tap.photos: 2 ảnh cho 1 chú thích",
    ),
}


@pytest.mark.parametrize("name", BAD_METADATA)
def test_metadata_that_does_not_fit_names_file_line_and_key_and_writes_nothing(article_with_metadata, name):
    files = article_with_metadata
    replacement, line, message = BAD_METADATA[name]
    key = replacement.split(" = ")[0]
    text = "\n".join(replacement if row.startswith(f"{key} = ") else row for row in METADATA.splitlines())
    files["metadata"].write_text(text)
    before = {**database_counts(), "images": image_count()}
    out, err, error = run_import(files["article"], metadata=files["metadata"])
    assert isinstance(error, CommandError)
    assert f"{files['metadata']}:{line}: {message}" in err
    assert "0 tạo mới, 0 cập nhật, 0 không đổi, 1 lỗi" in out
    assert {**database_counts(), "images": image_count()} == before


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[dien-tap]\nunits = ["a",, "b"]\n', 2, "không phải TOML hợp lệ"),
        ('[dien-tap]\nunits = ["a"\n', 2, "không phải TOML hợp lệ"),
        ('[dien-tap]\nunit = ["thuy-dien-thac-mo"]\n', 2, "dien-tap.unit: khóa không biết"),
        ('[dien-tap]\nunits = "thuy-dien-thac-mo"\n', 2, "dien-tap.units: phải là danh sách chuỗi"),
        ('[dien-tap]\npublished_time = "15:00"\n', 2, "dien-tap.published_time: phải là giờ trong ngày"),
        ('[dien-tap]\nhero = { colour = "xanh" }\n', 2, "dien-tap.hero: colour phải là màu"),
        ('[dien-tap]\nphotos = [{ scene = "bien", colour = "#000000" }]\n', 2, "không có cảnh 'bien'"),
        ('units = ["thuy-dien-thac-mo"]\n', 1, "units: phải là một bảng [tên-tệp]"),
        ('[dien-tap]\nunits = ["a"]\n'.encode("utf-16"), 1, "không phải UTF-8"),
    ],
    ids=[
        "syntax",
        "unclosed",
        "unknown-key",
        "not-a-list",
        "time-as-text",
        "bad-colour",
        "unknown-scene",
        "no-table",
        "utf-16",
    ],
)
def test_malformed_metadata_file_is_named_with_its_line_and_nothing_is_imported(
    article_with_metadata, text, line, message
):
    files = article_with_metadata
    if isinstance(text, bytes):
        files["metadata"].write_bytes(text)
    else:
        files["metadata"].write_text(text)
    before = database_counts()
    _out, _err, error = run_import(files["article"], metadata=files["metadata"])
    assert isinstance(error, CommandError)
    assert f"--metadata: {files['metadata']}:{line}: " in str(error) and message in str(error)
    assert database_counts() == before


def test_missing_metadata_file_is_named():
    _out, _err, error = run_import(SAMPLE, metadata="/khong-co/bai-viet.toml")
    assert isinstance(error, CommandError)
    assert "--metadata: /khong-co/bai-viet.toml:0: không đọc được tệp" in str(error)
