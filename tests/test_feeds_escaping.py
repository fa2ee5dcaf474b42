"""Feed text is escaped exactly once for what reads it: whatever an editor types in a title, a
lead, a caption or a byline (markup included) reaches the subscriber as that text, never as
live HTML and never with visible `&lt;`."""

import html
import itertools
import json
import unicodedata
from dataclasses import replace
from html.parser import HTMLParser

import feedparser
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from cms.news.article_html import article_source, finish_html
from cms.news.models import ArticlePage
from feeds.articles import feed_articles
from feeds.builders import FeedMeta, build_atom_feed, build_json_feed, build_rss_feed
from tests.factories import make_article

pytestmark = pytest.mark.django_db

MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&lt;b&gt;", "&#x3c;", "]]>", "</b>"]
# Text XML 1.0 can carry and that survives a parser unchanged: no controls (dropped on the
# way in), no carriage returns (XML normalises line ends), composed (NFC) Vietnamese.
_characters = st.characters(exclude_categories=["Cs", "Cc", "Co", "Cn"], exclude_characters="\ufffe\uffff")
feed_text = (
    st.lists(st.one_of(st.text(alphabet=_characters, max_size=12), st.sampled_from(MARKUP)), max_size=6)
    .map("".join)
    .map(lambda text: " ".join(unicodedata.normalize("NFC", text).split()))
    .filter(bool)
)
META = FeedMeta(feed_id="tag:x,2024:feed:t", title="Tin", description="Tin", self_url="http://x/f", alternate_url="/")
_generated = itertools.count()


class _Figcaption(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside, self.text = False, ""

    def handle_starttag(self, tag, attrs):
        self.inside = self.inside or tag == "figcaption"

    def handle_endtag(self, tag):
        self.inside = self.inside and tag != "figcaption"

    def handle_data(self, data):
        if self.inside:
            self.text += data


def figcaption_text(content_html: str) -> str:
    parser = _Figcaption()
    parser.feed(content_html)
    return parser.text


def as_text(value: str, detail) -> str:
    """What a reader shows: HTML is rendered (entities decoded), plain text is shown as is."""
    return html.unescape(value) if detail.type == "text/html" else value


def _article(title: str, lead: str, caption: str, byline: str):
    stored = make_article(title="Tạm", slug=f"bai-thoat-{next(_generated)}")
    source = article_source(hero=None, hero_caption=caption, lead=lead, raw_body=[], author=byline, images={})
    row = feed_articles(ArticlePage.objects.filter(pk=stored.pk))[0]
    return replace(row, title=title, lead=lead, author=byline, html=finish_html([source])[0])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=feed_text, lead=feed_text, caption=feed_text, byline=feed_text)
@example(title="<b>Tin</b> & “tin”", lead="<script>alert(1)</script>", caption="<img onerror=x>", byline="A &amp; B")
def test_feed_text_with_markup_reads_back_as_that_text_in_rss_atom_and_json_feed(title, lead, caption, byline):
    article = _article(title, lead, caption, byline)

    for body in (build_rss_feed(META, [article]), build_atom_feed(META, [article])):
        parsed = feedparser.parse(body)
        assert not parsed.bozo, parsed.bozo_exception
        entry = parsed.entries[0]
        assert as_text(entry.title, entry.title_detail) == title
        assert as_text(entry.summary, entry.summary_detail) == lead
        assert entry.author == byline  # dc:creator and atom:name are plain text to readers
        assert figcaption_text(entry.content[0].value) == caption

    item = json.loads(json.dumps(build_json_feed(META, [article]), ensure_ascii=False))["items"][0]
    assert item["title"] == title
    assert item["summary"] == lead
    assert item["authors"] == [{"name": byline}]
    assert figcaption_text(item["content_html"]) == caption


def test_rss_description_carries_a_lead_with_script_as_text_not_as_markup():
    article = _article("Tin", "<script>alert(1)</script> <img src=x onerror=alert(1)>", "", "")
    item = etree.fromstring(build_rss_feed(META, [article])).find("channel/item")
    # The element's text is HTML (what RSS readers take a description for): escaped markup.
    assert item.findtext("description") == "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"
