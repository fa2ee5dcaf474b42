"""Read a feed response the way a subscriber's reader does, whatever its format.

RSS and Atom go through feedparser (and must not be "bozo"); JSON Feed — which feedparser
6.0 cannot read — is validated against the JSON Feed 1.1 schema shipped beside this file.
Atom is also validated against the RFC 4287 RELAX NG schema.
"""

import html
import json
from dataclasses import dataclass
from pathlib import Path

import feedparser
import jsonschema
from lxml import etree

HERE = Path(__file__).parent
ATOM_SCHEMA = etree.RelaxNG(etree.parse(str(HERE / "atom.rng")))
JSON_FEED_SCHEMA = json.loads((HERE / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))


@dataclass
class Entry:
    id: str
    title: str
    link: str
    content: str  # the full HTML: JSON Feed's content_html, RSS's content:encoded, Atom's content


@dataclass
class Reading:
    title: str
    entries: list[Entry]

    @property
    def titles(self) -> list[str]:
        return [entry.title for entry in self.entries]

    @property
    def contents(self) -> list[str]:
        return [entry.content for entry in self.entries]

    @property
    def ids(self) -> list[str]:
        return [entry.id for entry in self.entries]


def read_feed(response) -> Reading:
    """Parse and validate a 200 feed response; fails the test on any reader-visible error."""
    assert response.status_code == 200, response.status_code
    content_type = response["Content-Type"]
    if content_type.startswith("application/feed+json"):
        feed = json.loads(response.content.decode("utf-8"))
        jsonschema.validate(feed, JSON_FEED_SCHEMA)
        return Reading(
            title=feed["title"],
            entries=[
                Entry(item["id"], item.get("title", ""), item.get("url", ""), item.get("content_html", ""))
                for item in feed["items"]
            ],
        )
    if content_type.startswith("application/atom+xml"):
        document = etree.fromstring(response.content)
        assert ATOM_SCHEMA.validate(document), ATOM_SCHEMA.error_log
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return Reading(
        title=parsed.feed.title,
        entries=[
            Entry(
                entry.id,
                shown_text(entry.title, entry.title_detail),
                entry.link,
                entry.content[0].value if "content" in entry else "",
            )
            for entry in parsed.entries
        ],
    )


def shown_text(value: str, detail) -> str:
    """A title as a reader shows it: one the reader takes for HTML (RSS titles that look like
    markup) is rendered, so its entities are decoded; plain text is shown as it is."""
    return html.unescape(value) if detail.type == "text/html" else value
