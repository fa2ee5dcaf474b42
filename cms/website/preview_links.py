"""A signed, expiring link that shows a draft's API JSON to a member unit's web team.

The token is the page id signed with `TimestampSigner` (salted for this use only), so it
cannot be forged or pointed at another page, and it stops working after
`settings.PREVIEW_LINK_MAX_AGE` seconds. No account is needed to open it.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from cms.news.models import ArticlePage
from cms.news.renditions import absolute_url

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
    """The latest revision (draft or not) exactly as the API's article detail shows articles
    (api.serializers, so the two never drift), plus the draft's publishing status."""
    from api.serializers import ArticleDetailSerializer

    draft = page.get_latest_revision_as_object()
    revision = page.latest_revision
    fields = tuple(name for name in ArticleDetailSerializer().fields if name != "related")
    data = ArticleDetailSerializer(draft, fields=fields).data
    data["url"] = data["url"] if page.live else None
    data["preview"] = {
        "live": page.live,
        "has_unpublished_changes": page.has_unpublished_changes,
        "revision_id": revision.pk if revision else None,
        "revision_created_at": revision.created_at.isoformat() if revision else None,
        "go_live_at": draft.go_live_at.isoformat() if draft.go_live_at else None,
    }
    return data
