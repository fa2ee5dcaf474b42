"""Internal page links in rich text point only at pages the public may see.

Wagtail's own `page` link handler writes the URL of any page it finds: a link to a draft, an
unpublished, a view-restricted or a scheduled page published that page's address (its slug is
the transliterated title), and a link to a page no site serves printed `href="None"`. This
handler, registered in Wagtail's place, keeps the link's text and drops its `href` unless the
page is public: an article when the one gate (`selectors.published_articles`) lists it, any
other page (a section, the home page) when Wagtail would serve it: live and under no view
restriction.

`expand_db_html` hands all the links of a call to `expand_db_attributes_many` at once, so a
feed (which expands all its articles in one call, see article_html.finish_html) checks them in
a fixed number of queries: Wagtail's lookup of the pages (one, and one per page type), one for
the articles, two for the others (view restrictions, then the pages).
"""

from django.utils.html import escape
from wagtail import hooks
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

UNLINKED = "<a>"  # Wagtail's own output for a link whose page is gone: the text stays, no href


def public_page_ids(pages: list[Page]) -> set[int]:
    """The ids among `pages` that anyone may read."""
    from .models import ArticlePage
    from .selectors import published_articles

    article_ids = [page.pk for page in pages if isinstance(page, ArticlePage)]
    other_ids = [page.pk for page in pages if not isinstance(page, ArticlePage)]
    public = set()
    if article_ids:
        public |= set(published_articles().filter(pk__in=article_ids).values_list("pk", flat=True))
    if other_ids:
        others = Page.objects.filter(pk__in=other_ids).live().public()
        public |= set(others.values_list("pk", flat=True))
    return public


class PublicPageLinkHandler(PageLinkHandler):
    """`<a linktype="page" id="…">` → `<a href="…">` for a public page with a URL, else `<a>`."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        pages = cls.get_many(attrs_list)
        public = public_page_ids([page for page in pages if page is not None])
        tags = []
        for page in pages:
            url = page.localized.url if page is not None and page.pk in public else None
            tags.append(f'<a href="{escape(url)}">' if url else UNLINKED)
        return tags


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's core features (order 0)
def register_public_page_links(features):
    features.register_link_type(PublicPageLinkHandler)
