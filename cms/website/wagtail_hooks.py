"""Admin: a page button that gives editors a signed, expiring preview link for a unit's web team;
the sites list labelled in Vietnamese."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.text import capfirst
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page, Site
from wagtail.sites import views as site_views

from cms.news.models import ArticlePage

from .preview_links import preview_link


def preview_link_view(request, page_id: int):
    """Show the link (valid PREVIEW_LINK_MAX_AGE seconds) to editors who may edit the page."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ArticlePage) or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return render(
        request,
        "website/admin_preview_link.html",
        {"page": page, "link": preview_link(page.pk), "hours": settings.PREVIEW_LINK_MAX_AGE // 3600},
    )


@hooks.register("register_admin_urls")
def register_preview_link_url():
    return [path("xem-truoc-don-vi/<int:page_id>/", preview_link_view, name="website_preview_link")]


@hooks.register("register_page_header_buttons")
def preview_link_button(page, user, view_name, next_url=None):
    if page.specific_class is ArticlePage and page.permissions_for_user(user).can_edit():
        yield PageMenuItem(
            label="Liên kết xem trước cho đơn vị",
            url=reverse("website_preview_link", args=[page.pk]),
            icon_name="link",
            priority=67,
            page=page,
        )


def _label_site_columns() -> None:
    """Wagtail's sites list names three columns after their field ("Port", "Site name",
    "Root page"), past the translations; label them with the fields' translated names."""
    for column in site_views.IndexView.columns:
        if column.label == capfirst(column.name.replace("_", " ")):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)


_label_site_columns()
