"""Snippet admin for member units, categories and authors; the page editor's own scripts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import capfirst
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.models import UserProfile

from .snippets import Author, Category, MemberUnit


class MemberUnitViewSet(SnippetViewSet):
    model = MemberUnit
    icon = "group"
    menu_label = "Đơn vị thành viên"
    # Yes/no in words: Wagtail's boolean column titles its icons "True"/"False".
    list_display = [
        "name",
        "short_name",
        "slug",
        Column(
            "receives_internal_news",
            label=capfirst(MemberUnit._meta.get_field("receives_internal_news").verbose_name),
            accessor=lambda unit: "Có" if unit.receives_internal_news else "Không",
            sort_key="receives_internal_news",
        ),
    ]
    search_fields = ["name", "short_name"]
    add_to_admin_menu = True
    menu_order = 210


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = "Chuyên mục"
    list_display = ["name", "slug"]
    add_to_admin_menu = True
    menu_order = 220


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Tác giả"
    list_display = ["name", "slug"]
    add_to_admin_menu = True
    menu_order = 230


register_snippet(MemberUnitViewSet)
register_snippet(CategoryViewSet)
register_snippet(AuthorViewSet)


@hooks.register("insert_editor_js")
def publish_after_autosave_script():
    return format_html('<script src="{}"></script>', static("news/admin-publish-after-autosave.js"))


def give_editor_a_profile(sender, user, **kwargs):
    """Wagtail applies an admin language only to users who have a profile; without one the
    browser's Accept-Language wins and an English browser gets English screens. With a profile
    and Vietnamese the only permitted admin language (settings), every editor reads Vietnamese."""
    UserProfile.get_for_user(user)


user_logged_in.connect(give_editor_a_profile, dispatch_uid="news-admin-profile-on-login")


def family_name_first(user) -> str:
    """Vietnamese order, "Nguyễn Thị Hương": family name (last_name) first, then the given names.

    Every name the admin shows (dashboard, explorer owners, history, workflow, users list)
    goes through `get_full_name()`; Wagtail has no setting for the order, and a custom user
    model (the other way to change it) means swapping AUTH_USER_MODEL and its migrations.
    """
    return f"{user.last_name} {user.first_name}".strip()


get_user_model().get_full_name = family_name_first


# Rich-text page links: only to public pages (the module registers its handler on import).
from . import rich_text_links  # noqa: E402, F401
