"""The corporation's identity as editors set it in the admin (Cài đặt → Thông tin đơn vị)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string

from .identity import DEFAULT_IDENTITY


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """Name, logo, address and contacts shown by the site, its error pages, feeds and e-mails."""

    name = models.CharField(_("tên đầy đủ"), max_length=255, default=DEFAULT_IDENTITY.name)
    short_name = models.CharField(
        _("tên viết tắt"), max_length=64, default=DEFAULT_IDENTITY.short_name, help_text=_("Ví dụ: EVNGENCO2")
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Để trống thì trang hiển thị biểu tượng mặc định cạnh tên viết tắt."),
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True, default=DEFAULT_IDENTITY.address)
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True, default=DEFAULT_IDENTITY.phone)
    fax = models.CharField(_("fax"), max_length=64, blank=True, default=DEFAULT_IDENTITY.fax)
    email = models.EmailField(_("thư điện tử"), blank=True, default=DEFAULT_IDENTITY.email)
    website = models.URLField(_("trang web chính thức"), blank=True, default=DEFAULT_IDENTITY.website)
    facebook_url = models.URLField(_("trang Facebook"), blank=True, default=DEFAULT_IDENTITY.facebook_url)
    youtube_url = models.URLField(_("kênh YouTube"), blank=True, default=DEFAULT_IDENTITY.youtube_url)
    zalo_url = models.URLField(_("trang Zalo"), blank=True, default=DEFAULT_IDENTITY.zalo_url)

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("short_name"), FieldPanel("logo")], heading=_("Tên và logo")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Liên hệ"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("youtube_url"), FieldPanel("zalo_url")],
            heading=_("Mạng xã hội"),
        ),
    ]

    class Meta:
        verbose_name = _("thông tin đơn vị")
        verbose_name_plural = _("thông tin đơn vị")

    def __str__(self):
        return self.name


class SitemapPart(models.Model):
    """One article part of the sitemap as the index lists it: the published articles whose ids
    fall in `[number × size, (number + 1) × size)`, how many they are and their newest
    publication. Kept by the publish pipeline (cms/website/sitemap_parts.py), so the index
    reads one row per part instead of every article."""

    size = models.PositiveIntegerField()
    number = models.BigIntegerField()
    articles = models.PositiveIntegerField(default=0)
    lastmod = models.DateTimeField(null=True)
    # The first moment a publication window of a live article in the part opens or closes: from
    # then on the row may be wrong until `publish_scheduled` runs, and the index reads the part.
    valid_until = models.DateTimeField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["size", "number"], name="website_sitemap_part_unique")]

    def __str__(self) -> str:
        return f"sitemap part {self.number} of {self.size}"
