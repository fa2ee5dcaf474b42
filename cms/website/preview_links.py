"""A signed, expiring link that shows a draft's API JSON to a member unit's web team.

The token is the page id signed with `TimestampSigner` (salted for this use only), so it
cannot be forged or pointed at another page, and it stops working after
`settings.PREVIEW_LINK_MAX_AGE` seconds. No account is needed to open it. The editor gets the
link in the admin (wagtail_hooks.py); the JSON it opens is the API's (api/previews.py).
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
