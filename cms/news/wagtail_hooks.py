"""Snippet admin for member units, categories and authors."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .snippets import Author, Category, MemberUnit


class MemberUnitViewSet(SnippetViewSet):
    model = MemberUnit
    icon = "group"
    menu_label = "Đơn vị thành viên"
    list_display = ["name", "short_name", "slug", "receives_internal_news"]
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

# Rich-text page links: only to public pages (the module registers its handler on import).
from . import rich_text_links  # noqa: E402, F401
