"""A signed, expiring link that shows a draft's API JSON to a member unit's web team.

The token is the page id signed with `TimestampSigner` (salted for this use only), so it
cannot be forged or pointed at another page, and it stops working after
`settings.PREVIEW_LINK_MAX_AGE` seconds. No account is needed to open it.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from cms.news.article_html import body_html
from cms.news.models import ArticlePage
from cms.news.renditions import absolute_url, image_representation

SALT = "cms.website.preview-link"


class PreviewLinkInvalid(Exception):
    """Forged, mangled, or for a page that no longer exists."""


class PreviewLinkExpired(Exception):
    """Genuine but older than PREVIEW_LINK_MAX_AGE."""


def make_token(page_id: int) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(page_id))


def preview_link(page_id: int) -> str:
    """The absolute URL a web team opens."""
    return absolute_url(reverse("website:preview_link", args=[make_token(page_id)]))


def page_for_token(token: str, *, max_age: int | None = None) -> ArticlePage:
    """The article the token was made for, or PreviewLinkInvalid / PreviewLinkExpired."""
    max_age = settings.PREVIEW_LINK_MAX_AGE if max_age is None else max_age
    signer = signing.TimestampSigner(salt=SALT)
    try:
        page_id = signer.unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise PreviewLinkExpired from error
    except signing.BadSignature as error:
        raise PreviewLinkInvalid from error
    page = ArticlePage.objects.filter(pk=int(page_id)).first()
    if page is None:
        raise PreviewLinkInvalid
    return page


def draft_representation(page: ArticlePage) -> dict:
    """The latest revision (draft or not) in the API's article-detail shape, plus its status."""
    draft = page.get_latest_revision_as_object()
    revision = page.latest_revision
    hero = None
    if draft.hero_image_id or draft.hero_caption:
        hero = {"caption": draft.hero_caption, "image": image_representation(draft.hero_image, alt=draft.hero_caption)}
    return {
        "id": page.pk,
        "slug": draft.slug,
        "url": absolute_url(page.url) if page.live and page.url else None,
        "title": draft.title,
        "date": draft.date.isoformat(),
        "date_display": draft.date_display,
        "lead": draft.lead,
        "hero": hero,
        "author": {"name": draft.author.name, "slug": draft.author.slug} if draft.author_id else None,
        "units": [{"slug": unit.slug, "name": unit.name} for unit in draft.units.all()],
        "categories": [{"slug": category.slug, "name": category.name} for category in draft.categories.all()],
        "tags": [tag.name for tag in draft.tags.all()],
        "first_published_at": page.first_published_at.isoformat() if page.first_published_at else None,
        "last_published_at": page.last_published_at.isoformat() if page.last_published_at else None,
        "sections": [
            {"type": block.block_type, **block.block.get_api_representation(block.value)} for block in draft.body
        ],
        "body_html": body_html(draft),
        "preview": {
            "live": page.live,
            "has_unpublished_changes": page.has_unpublished_changes,
            "revision_id": revision.pk if revision else None,
            "revision_created_at": revision.created_at.isoformat() if revision else None,
            "go_live_at": draft.go_live_at.isoformat() if draft.go_live_at else None,
        },
    }
