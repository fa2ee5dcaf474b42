"""Admin: a page button that gives editors a signed, expiring preview link for a unit's web team;
the sites list labelled in Vietnamese. Site: the pages Wagtail serves may be kept by shared
caches, under their surrogate keys."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.text import capfirst
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page, Site
from wagtail.sites import views as site_views

from cms.http_cache import surrogate_keys
from cms.http_cache.middleware import mark_shared_page
from cms.news.models import ArticlePage, HomePage, NewsIndexPage

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


def page_scope_keys(page: Page) -> list[str]:
    """The surrogate key of what a page is: the home page, a unit's news, an article; a
    section of the corporation's own is a list of articles filed in it (`list`)."""
    if isinstance(page, HomePage):
        return [surrogate_keys.HOME]
    if isinstance(page, ArticlePage):
        return [surrogate_keys.article_key(page.pk)]
    if isinstance(page, NewsIndexPage) and page.unit_id:
        return [surrogate_keys.scope_key("unit", page.unit.slug)]
    return [surrogate_keys.LIST]


@hooks.register("before_serve_page")
def shared_cache_for_pages(page, request, serve_args, serve_kwargs):
    """Pages may be kept by shared caches (cms/http_cache/middleware.py decides: a personal
    request, a password form, a cookie set make the answer private)."""
    mark_shared_page(request, page_scope_keys(page))


def _label_site_columns() -> None:
    """Wagtail's sites list names three columns after their field ("Port", "Site name",
    "Root page"), past the translations; label them with the fields' translated names."""
    for column in site_views.IndexView.columns:
        if column.label == capfirst(column.name.replace("_", " ")):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)


_label_site_columns()
