"""What the API stores: member units' API keys (hashed) and the change log behind /changes/."""

import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.news.models import MemberUnit

KEY_PREFIX_LENGTH = 8


def hash_key(raw_key: str) -> str:
    """SHA-256 of a key: keys are long random strings, so a fast hash is enough and lookups stay indexed."""
    return hashlib.sha256(raw_key.encode()).hexdigest()


class ApiKey(models.Model):
    """A key a member unit's website sends; only its hash and a short prefix (to recognise it) are kept."""

    unit = models.ForeignKey(MemberUnit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(_("tên gợi nhớ"), max_length=120, help_text=_("Ví dụ: Trang web của đơn vị"))
    prefix = models.CharField(_("tiền tố"), max_length=KEY_PREFIX_LENGTH, editable=False)
    hashed_key = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("ngày tạo"), default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        ordering = ["unit__name", "-created_at"]
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def set_new_key(self) -> str:
        """Give this record a fresh random key; returns the plain key, which is shown once and never stored."""
        raw_key = secrets.token_urlsafe(32)
        self.prefix = raw_key[:KEY_PREFIX_LENGTH]
        self.hashed_key = hash_key(raw_key)
        return raw_key


class ArticleChange(models.Model):
    """One entry of the sync log: what happened to an article, for one audience.

    The log is kept per audience ("public" for everybody, "internal" for units entitled to
    view-restricted news), so that replaying one audience's entries gives exactly the articles
    that audience may see, and a restricted article never shows up in the public log.
    `article_id` is a plain number, not a foreign key: deleted articles keep their entries.
    """

    class Action(models.TextChoices):
        PUBLISHED = "published", _("xuất bản")
        UPDATED = "updated", _("cập nhật")
        UNPUBLISHED = "unpublished", _("gỡ xuất bản")
        DELETED = "deleted", _("xóa")
        MOVED_OUT = "moved_out", _("rời đơn vị")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("công khai")
        INTERNAL = "internal", _("nội bộ")

    article_id = models.BigIntegerField(db_index=True)
    action = models.CharField(max_length=12, choices=Action.choices)
    audience = models.CharField(max_length=8, choices=Audience.choices)
    time = models.DateTimeField(default=timezone.now)
    units = models.ManyToManyField(MemberUnit, related_name="+", blank=True)

    class Meta:
        ordering = ["pk"]
        # One index per audience, on the id alone: a log recorded in bulk holds each audience in
        # one long run, and with an (audience, id) index PostgreSQL reads past the other
        # audience's run on the primary key instead; here each read from a cursor is a range.
        indexes = [
            models.Index(fields=["id"], condition=models.Q(audience="public"), name="api_change_public_id"),
            models.Index(fields=["id"], condition=models.Q(audience="internal"), name="api_change_internal_id"),
        ]
        verbose_name = _("thay đổi bài viết")
        verbose_name_plural = _("thay đổi bài viết")

    def __str__(self):
        return f"{self.pk}: {self.article_id} {self.action} ({self.audience})"
