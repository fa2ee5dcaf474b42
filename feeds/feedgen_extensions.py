"""feedgen extensions for what feedgen 1.0.0 gets wrong, cannot express, or writes slowly.

- Atom entry links: feedgen 1.0.0 loses every attribute of an entry's links but `href`
  (`entry.py` rebinds the loop variable), so an enclosure comes out as a second, rel-less —
  that is, alternate — link (upstream issues #135 and #143). `EntryLinksExtension` replaces the
  entry's links with exactly one `rel="alternate"` and the `rel="enclosure"` links, with their
  type and length.
- Feed links: feedgen only accepts the five Atom 1.0 relations and writes only `self` into an
  RSS channel. `FeedLinksExtension` adds the RFC 5005 paging links (`first`, `next`,
  `previous`, `last`) and the WebSub `hub` to both formats (as `atom:link` in RSS).
- RSS items: `RssItemExtension` writes the byline (`dc:creator`) and the hero photo
  (`media:content`). feedgen's own dc and media extensions produce the same elements but walk
  every Dublin Core field and media group of every item to write these two (bench/README.md).
"""

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.util import xml_elem

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_LINK = f"{{{ATOM_NS}}}link"
DC_NS = "http://purl.org/dc/elements/1.1/"
MEDIA_NS = "http://search.yahoo.com/mrss/"


def _write_links(parent, tag: str, links: list[dict]) -> None:
    for link in links:
        element = xml_elem(tag, parent, href=link["href"], rel=link["rel"])
        for attribute in ("type", "length", "title"):
            if link.get(attribute):
                element.attrib[attribute] = str(link[attribute])


class FeedLinksExtension(BaseExtension):
    """Extra feed-level links (paging, hub); set with `feed.extra_links.links = [...]`."""

    def __init__(self):
        self.links: list[dict] = []

    def extend_atom(self, feed):
        _write_links(feed, "link", self.links)
        return feed

    def extend_rss(self, feed):
        _write_links(feed[0], ATOM_LINK, self.links)  # feed[0] is <channel>
        return feed


class EntryLinksExtension(BaseEntryExtension):
    """The links of one Atom entry; set with `entry.entry_links.links = [...]`."""

    def __init__(self):
        self.links: list[dict] = []

    def extend_atom(self, entry):
        for element in entry.findall("link") + entry.findall(ATOM_LINK):
            entry.remove(element)
        _write_links(entry, "link", self.links)
        return entry

    def extend_rss(self, entry):
        return entry


class RssItemNamespaces(BaseExtension):
    """Declares the `dc:` and `media:` prefixes on the RSS root for `RssItemExtension`."""

    def extend_ns(self):
        return {"dc": DC_NS, "media": MEDIA_NS}


class RssItemExtension(BaseEntryExtension):
    """An RSS item's byline and photo; set `entry.rss_item.creator` and `.media` (the
    attributes of `media:content`, in the order they are written)."""

    def __init__(self):
        self.creator = ""
        self.media: dict[str, str] = {}

    def extend_rss(self, item):
        if self.creator:
            xml_elem(f"{{{DC_NS}}}creator", item).text = self.creator
        if self.media:
            xml_elem(f"{{{MEDIA_NS}}}content", item, **self.media)
        return item

    def extend_atom(self, entry):
        return entry
