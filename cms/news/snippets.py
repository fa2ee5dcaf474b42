"""Member units, categories and authors: snippets that articles point to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class MemberUnit(index.Indexed, models.Model):
    """The corporation itself or one of its member units (plants, companies)."""

    name = models.CharField(_("tên đơn vị"), max_length=255, unique=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Dùng trong URL của API và nguồn tin, ví dụ: nhiet-dien-can-tho"),
    )
    description = models.TextField(_("giới thiệu"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    receives_internal_news = models.BooleanField(
        _("được nhận tin nội bộ"),
        default=False,
        help_text=_("Khóa API của đơn vị này được đọc cả các bài giới hạn quyền xem."),
    )

    panels = ["name", "short_name", "slug", "description", "website", "receives_internal_news"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("đơn vị thành viên")
        verbose_name_plural = _("đơn vị thành viên")

    def __str__(self):
        return self.short_name or self.name


class Category(index.Indexed, models.Model):
    name = models.CharField(_("tên chuyên mục"), max_length=255, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("mô tả"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def __str__(self):
        return self.name


class Author(index.Indexed, models.Model):
    """A byline as printed under an article; not a user account (editors stay private)."""

    name = models.CharField(_("tên tác giả"), max_length=255, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("tác giả")
        verbose_name_plural = _("tác giả")

    def __str__(self):
        return self.name
