"""feedgen extensions that write the links feedgen 1.0.0 gets wrong or cannot express.

- Atom entry links: feedgen 1.0.0 loses every attribute of an entry's links but `href`
  (`entry.py` rebinds the loop variable), so an enclosure comes out as a second, rel-less —
  that is, alternate — link (upstream issues #135 and #143). `EntryLinksExtension` replaces the
  entry's links with exactly one `rel="alternate"` and the `rel="enclosure"` links, with their
  type and length.
- Feed links: feedgen only accepts the five Atom 1.0 relations and writes only `self` into an
  RSS channel. `FeedLinksExtension` adds the RFC 5005 paging links (`first`, `next`,
  `previous`, `last`) and the WebSub `hub` to both formats (as `atom:link` in RSS).
"""

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.util import xml_elem

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_LINK = f"{{{ATOM_NS}}}link"


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
