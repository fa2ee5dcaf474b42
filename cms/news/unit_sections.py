"""Each member unit gets a news section and an editors' group that can edit only that section.

Called when a unit is saved (signals.py) and by `manage.py setup_unit_permissions`; every
function is idempotent.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .models import HomePage, NewsIndexPage
from .snippets import MemberUnit

# Unit editors write and submit; publishing is the corporate moderators' step (a Wagtail
# workflow on each unit's section, set up with the demo content).
UNIT_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
CORPORATE_PAGE_PERMISSIONS = (*UNIT_PAGE_PERMISSIONS, "publish_page")
IMAGE_PERMISSIONS = ("add_image", "choose_image", "change_image")
SNIPPET_PERMISSIONS = ("view_author", "add_author", "change_author", "view_category", "view_memberunit")
CORPORATE_EDITORS = "Biên tập viên Tổng công ty"


def unit_group_name(unit: MemberUnit) -> str:
    return f"Biên tập viên – {unit.short_name or unit.name}"


def grant_editor_basics(group: Group) -> None:
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="news", codename__in=SNIPPET_PERMISSIONS),
    )
    root_collection = Collection.get_first_root_node()
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root_collection,
            permission=Permission.objects.get(content_type__app_label="wagtailimages", codename=codename),
        )


def _grant_pages(group: Group, page, codenames: tuple[str, ...]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


@transaction.atomic
def ensure_unit_section(unit: MemberUnit) -> NewsIndexPage:
    """Give the unit a news index under the home page and an editors' group limited to it."""
    index_page = NewsIndexPage.objects.filter(unit=unit).first()
    if index_page is None:
        home = HomePage.objects.first()
        index_page = NewsIndexPage(title=f"Tin {unit.name}", unit=unit, slug=unit.slug)
        home.add_child(instance=index_page)
        index_page.save_revision().publish()
    group, _created = Group.objects.get_or_create(name=unit_group_name(unit))
    grant_editor_basics(group)
    _grant_pages(group, index_page, UNIT_PAGE_PERMISSIONS)
    return index_page


@transaction.atomic
def ensure_corporate_editors() -> Group:
    """Corporate editors may edit every section: their permissions sit on the home page."""
    group, _created = Group.objects.get_or_create(name=CORPORATE_EDITORS)
    grant_editor_basics(group)
    _grant_pages(group, HomePage.objects.first(), CORPORATE_PAGE_PERMISSIONS)
    return group


def ensure_all_sections() -> None:
    """Idempotent set-up of every editors' group (run after `migrate` and by a command)."""
    if not HomePage.objects.exists():
        return
    ensure_corporate_editors()
    for unit in MemberUnit.objects.all():
        ensure_unit_section(unit)
