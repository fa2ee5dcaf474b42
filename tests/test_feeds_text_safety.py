"""Any text an editor can paste gives a well-formed, valid feed in every format, never a 500:
characters XML forbids, `]]>`, right-to-left marks, decomposed (NFD) Vietnamese, markup."""

import datetime
import html
import itertools
import json
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from cms.http_cache.freshness import bump_content_version
from cms.news.article_html import sanitize_html
from cms.news.models import ArticlePage
from cms.news.text import drop_xml_illegal_controls, strip_xml_illegal
from feeds.articles import feed_articles
from feeds.builders import FeedMeta, build_atom_feed, build_json_feed, build_rss_feed
from tests.factories import (
    CategoryFactory,
    ImageFactory,
    field_section,
    image_block,
    image_file,
    make_article,
    paragraph,
)
from tests.feeds_data.reader import ATOM_SCHEMA, read_feed

pytestmark = pytest.mark.django_db

FEEDS = ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json"]
NASTY = "Tiêu đề \x0b\x01 với ]]> và <b>thẻ</b> & \u200f\u202eRTL\u202c \ufffe \U0001f525"
NFD = unicodedata.normalize("NFD", "Đẩy mạnh phong trào thi đua “Dân vận khéo”")

# What the database can hold: every code point but lone surrogates (not encodable in UTF-8)
# and NUL (PostgreSQL text cannot hold it; Django's forms refuse it).
storable_text = st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=60)
_generated = itertools.count()


def as_feed_article(article):
    """The row a feed builds from, to which a test gives text the database would never hold."""
    return feed_articles(ArticlePage.objects.filter(pk=article.pk))[0]


def assert_feeds_well_formed(client) -> list:
    readings = []
    for path in FEEDS:
        response = client.get(path)
        assert response.status_code == 200, path
        readings.append(read_feed(response))
    return readings


def test_xml_forbidden_characters_cdata_end_and_rtl_marks_give_valid_feeds(client):
    make_article(
        title=NASTY,
        lead=NASTY,
        hero_caption=NASTY,
        body=[
            field_section(NASTY[:100], NASTY),
            paragraph(NASTY),
            # Character references that the sanitiser decodes into characters XML forbids.
            paragraph("Tham chiếu &#11; &#x1F; &#xFFFE; &#0; còn lại"),
            image_block(ImageFactory(), caption=NASTY),
        ],
        slug="bai-kho",
    )
    rss, atom, json_feed = assert_feeds_well_formed(client)

    expected = "Tiêu đề  với ]]> và <b>thẻ</b> & \u200f\u202eRTL\u202c  \U0001f525"
    assert rss.titles == atom.titles == json_feed.titles == [expected]


def test_decomposed_vietnamese_is_delivered_composed(client):
    make_article(title=NFD, lead=NFD, slug="bai-nfd")
    for reading in assert_feeds_well_formed(client):
        assert reading.titles == ["Đẩy mạnh phong trào thi đua “Dân vận khéo”"]


def test_builders_survive_lone_surrogates_and_nul_that_never_reach_the_database():
    # Pure builders: text straight from memory (an importer bug, a cache), not from the database.
    stored = make_article(title="Tạm", slug="bai-tam", categories=[CategoryFactory(name="Kỹ thuật")])
    article = replace(
        as_feed_article(stored),
        title="Lỗi \ud800 mã \x00 hóa",
        lead="\udfff",
        html=sanitize_html("<p>\x00\ud800&#11;</p>"),
    )
    meta = FeedMeta(
        feed_id="tag:x,2024:feed:t",
        title="\ud83d",
        description="\x00",
        self_url="http://testserver/feeds/atom.xml",
        alternate_url="http://testserver/",
    )
    atom = etree.fromstring(build_atom_feed(meta, [article]))
    assert ATOM_SCHEMA.validate(atom), ATOM_SCHEMA.error_log
    assert atom.findtext("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title") == "Lỗi  mã  hóa"
    assert etree.fromstring(build_rss_feed(meta, [article])).findtext("channel/item/title") == "Lỗi  mã  hóa"
    encoded = json.dumps(build_json_feed(meta, [article]), ensure_ascii=False).encode("utf-8")
    assert json.loads(encoded)["items"][0]["title"] == "Lỗi  mã  hóa"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=storable_text.filter(lambda text: text != ""),
    lead=storable_text.filter(lambda text: text != ""),
    caption=storable_text,
    label=storable_text.map(lambda text: text[:120] or "Nhãn"),
    body=storable_text,
)
def test_any_unicode_in_an_article_gives_well_formed_feeds(client, title, lead, caption, label, body):
    article = make_article(
        title=title,
        lead=lead,
        hero_caption=caption,
        body=[field_section(label, body), paragraph(body), image_block(ImageFactory(file=image_file(40, 30)), caption)],
        date=datetime.date(2030, 1, 1),
        slug=f"bai-tu-sinh-{next(_generated)}",
    )
    bump_content_version()
    readings = assert_feeds_well_formed(client)
    article_id = f"tag:evngenco2.vn,2024:article:{article.pk}"
    assert all(article_id in reading.ids for reading in readings)
    article.delete()


# XML-legal text as an editor could type it: no control characters but tab, no surrogates or
# non-characters; each kept piece must come back exactly (composed, NFC) from every builder.
xml_legal_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs", "Cc"], exclude_characters="\ufffe\uffff", min_codepoint=0x20),
    min_size=1,
    max_size=40,
).map(lambda text: unicodedata.normalize("NFC", text).strip() or "x")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=xml_legal_text, lead=xml_legal_text)
def test_builders_lose_nothing_of_xml_legal_text(title, lead):
    stored = make_article(title="Tạm", slug=f"bai-giu-nguyen-{next(_generated)}")
    article = replace(as_feed_article(stored), title=title, lead=lead)
    meta = FeedMeta(
        feed_id="tag:x,2024:feed:t",
        title="Tin",
        description="Tin",
        self_url="http://testserver/feeds/atom.xml",
        alternate_url="http://testserver/",
    )
    atom = etree.fromstring(build_atom_feed(meta, [article]))
    entry = atom.find("{http://www.w3.org/2005/Atom}entry")
    assert " ".join(entry.findtext("{http://www.w3.org/2005/Atom}title").split()) == " ".join(title.split())
    assert " ".join(entry.findtext("{http://www.w3.org/2005/Atom}summary").split()) == " ".join(lead.split())
    rss_item = etree.fromstring(build_rss_feed(meta, [article])).find("channel/item")
    # An RSS title holding `<` or `&` is escaped as HTML, which readers take it for.
    assert " ".join(html.unescape(rss_item.findtext("title")).split()) == " ".join(title.split())
    item = build_json_feed(meta, [article])["items"][0]
    assert " ".join(item["title"].split()) == " ".join(title.split())
    assert " ".join(item["summary"].split()) == " ".join(lead.split())
    stored.delete()


def _xml_legal(character: str) -> bool:
    code = ord(character)
    return character in "\t\n\r" or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=())))
def test_strip_xml_illegal_keeps_every_legal_character_and_nothing_else(text):
    assert strip_xml_illegal(text) == "".join(character for character in text if _xml_legal(character))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_dropping_controls_from_surrogate_free_text_keeps_every_legal_character(text):
    assert drop_xml_illegal_controls(text) == strip_xml_illegal(text)
