"""The mail "Gửi cho bạn bè" sends: built entirely by the server from the article and the form."""

import contextlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from cms.news.models import ArticlePage
from cms.news.renditions import absolute_url

from . import rate_limits
from .forms import remove_bidi_controls

logger = logging.getLogger(__name__)


class ShareRefused(Exception):
    """The mail was not sent; `message` says why, in words for the reader."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class ShareRequest:
    article: ArticlePage
    recipient: str
    sender_name: str
    note: str
    client_ip: str


def build_message(share: ShareRequest) -> EmailMultiAlternatives:
    """Plain text and HTML bodies from templates (auto-escaped); the reader chooses nothing but words."""
    context = {
        "article": share.article,
        "article_url": absolute_url(share.article.url),
        "sender_name": share.sender_name,
        "note": share.note,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    # The title is the editors', the name the reader's: neither may reorder what the Subject shows.
    subject = remove_bidi_controls(f"{share.sender_name} gửi bạn bài viết: {share.article.title}")[:200]
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("website/share_mail.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[share.recipient],
    )
    message.attach_alternative(render_to_string("website/share_mail.html", context), "text/html")
    return message


def recipient_identity(address: str) -> str:
    """One mailbox, however it is spelt: lower-cased, `+tag` dropped, the domain in its IDNA form.

    `Ban+x@Example.ORG`, `ban@example.org` and `ban+y@example.org.` reach the same person, so the
    per-recipient limit counts them as one.
    """
    local, _at, domain = address.strip().rpartition("@")
    local = local.split("+", 1)[0].casefold()
    domain = domain.strip().rstrip(".").casefold()
    with contextlib.suppress(UnicodeError):  # not a valid IDN: compared as written
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}"


def check_rate_limits(share: ShareRequest) -> None:
    """Per sender IP first, then site-wide, then per recipient (settings.SHARE_RATE_LIMITS)."""
    if not rate_limits.hit("ip", share.client_ip):
        raise ShareRefused("Bạn đã gửi quá nhiều thư. Vui lòng thử lại sau.", 429)
    if not rate_limits.hit("global", "site"):
        raise ShareRefused("Hệ thống đang tạm ngừng gửi thư vì quá nhiều yêu cầu. Vui lòng thử lại sau.", 429)
    if not rate_limits.hit("recipient", recipient_identity(share.recipient)):
        raise ShareRefused("Địa chỉ này đã nhận đủ số thư cho phép hôm nay. Vui lòng thử lại sau.", 429)


def send_share_mail(share: ShareRequest) -> None:
    """Send one mail to one recipient, or raise ShareRefused saying why it was not sent."""
    check_rate_limits(share)
    try:
        sent = build_message(share).send(fail_silently=False)
    except (OSError, ValueError) as error:  # SMTP errors are OSErrors; a bad header is a ValueError
        logger.warning("share mail for article %s not sent: %s", share.article.pk, error)
        raise ShareRefused("Chưa gửi được thư do lỗi máy chủ thư. Vui lòng thử lại sau.", 503) from error
    if not sent:
        raise ShareRefused("Chưa gửi được thư. Vui lòng thử lại sau.", 503)
