"""Demo content, all of it data: member units, categories and authors (`demo/snippets.toml`), and
articles as legacy text files (`demo/legacy/*.txt`, the old site's sample among them) with what
their text does not say in `demo/legacy/articles.toml`, imported by the real importer (as
`manage.py import_articles --metadata demo/legacy/articles.toml demo/legacy/` would); then the
editors' groups, a moderation workflow and the site's address. Formats: docs/importing.md.

Idempotent: units, categories and authors follow the data; an article that exists is left as
editors left it; nothing is created twice. Every file is read and checked before anything is
written, and all of it is written in one transaction: a bad file leaves nothing half-written.
"""

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Site, Workflow, WorkflowPage, WorkflowTask

from .article_metadata import ArticleMetadata, MetadataError, line_of, read_metadata_file, read_toml
from .importer import ImportOutcome, import_legacy_file
from .legacy_parser import LegacyFormatError
from .models import Author, Category, HomePage, MemberUnit, NewsIndexPage
from .unit_sections import ensure_corporate_editors, ensure_unit_section, grant_editor_basics, unit_group_name

SNIPPETS_FILE = Path(__file__).resolve().parent / "demo" / "snippets.toml"
ARTICLE_METADATA_NAME = "articles.toml"  # beside the articles, in settings.LEGACY_DEMO_DIR
CORPORATION = "evngenco2"  # the unit whose section takes an article the metadata files nowhere
# Each kind of snippet in snippets.toml: the fields it must have, then those it may have.
SNIPPET_FIELDS = {
    "units": (("slug", "name"), ("short_name", "description", "website")),
    "categories": (("slug", "name"), ("description",)),
    "authors": (("slug", "name"), ()),
}

MODERATORS_GROUP = "Kiểm duyệt viên Tổng công ty"
WORKFLOW_NAME = "Duyệt tin của đơn vị"
MODERATION_TASK_NAME = "Tổng công ty duyệt"
# The editorial day's cast (ensure_admin creates them and prints how to log in).
DEMO_EDITOR_UNIT = "nhiet-dien-can-tho"
DEMO_USERS = (
    {
        "username": "bientap-cantho",
        "email": "bientap-cantho@localhost",
        "first_name": "Thị Hương",
        "last_name": "Nguyễn",
        "group": "unit",
        "role": "biên tập viên Nhiệt điện Cần Thơ",
    },
    {
        "username": "kiemduyet",
        "email": "kiemduyet@localhost",
        "first_name": "Văn Minh",
        "last_name": "Trần",
        "group": MODERATORS_GROUP,
        "role": "kiểm duyệt viên Tổng công ty",
    },
)


class DemoContentError(Exception):
    """A demo data file that cannot be loaded, as `file:line: reason`."""


def read_snippets(path: Path | None = None) -> dict[str, list[dict]]:
    """The units, categories and authors of `snippets.toml`, checked field by field."""
    path = path or SNIPPETS_FILE
    data, text = read_toml(path)
    for kind in data:
        if kind not in SNIPPET_FIELDS:
            raise MetadataError(path, f"bảng không biết (dùng được: {', '.join(SNIPPET_FIELDS)})", key=kind)
    for kind, (required, optional) in SNIPPET_FIELDS.items():
        rows = data.setdefault(kind, [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise MetadataError(path, f"phải là các bảng [[{kind}]]", key=kind, line=line_of(text, "", kind))
        for index, row in enumerate(rows):
            where = {"key": f"{kind}[{index + 1}]", "line": line_of(text, kind, index=index)}
            missing = [name for name in required if name not in row]
            unknown = [name for name in row if name not in required + optional]
            if missing or unknown:
                problem = f"thiếu '{missing[0]}'" if missing else f"khóa không biết '{unknown[0]}'"
                raise MetadataError(path, f"{problem} (dùng được: {', '.join(required + optional)})", **where)
            if not all(isinstance(value, str) for value in row.values()):
                raise MetadataError(path, "mọi giá trị phải là chuỗi trong ngoặc kép", **where)
    return data


def load_units(snippets: dict | None = None) -> dict[str, MemberUnit]:
    units = {}
    for data in (snippets or read_snippets())["units"]:
        unit, _created = MemberUnit.objects.update_or_create(
            slug=data["slug"],
            defaults={key: value for key, value in data.items() if key != "slug"},
        )
        ensure_unit_section(unit)
        units[unit.slug] = unit
    return units


def load_categories(snippets: dict | None = None) -> dict[str, Category]:
    return {
        data["slug"]: Category.objects.update_or_create(slug=data["slug"], defaults=data)[0]
        for data in (snippets or read_snippets())["categories"]
    }


def load_authors(snippets: dict | None = None) -> dict[str, Author]:
    return {
        data["slug"]: Author.objects.update_or_create(slug=data["slug"], defaults=data)[0]
        for data in (snippets or read_snippets())["authors"]
    }


def set_up_moderation() -> Workflow:
    """Unit editors submit; a corporate moderator approves (Wagtail workflows).

    The workflow's step is a `WorkflowTask` row of its own: `workflow.workflow_tasks.create()`
    on the cluster model is never saved, which left a workflow without a step (issue 14).
    """
    moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    grant_editor_basics(moderators)  # the admin, images and snippets, like every editor
    home = HomePage.objects.first()
    for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
        GroupPagePermission.objects.get_or_create(
            group=moderators,
            page=home,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    task = GroupApprovalTask.objects.filter(name=MODERATION_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK_NAME)
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index_page in NewsIndexPage.objects.filter(unit__isnull=False).exclude(unit__slug="evngenco2"):
        WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow


def ensure_demo_users(password: str) -> list[tuple[str, str]]:
    """A unit editor and a corporate moderator to play the editorial day; returns
    (user name, role) of each. Existing users keep the password they have."""
    user_model = get_user_model()
    made = []
    for data in DEMO_USERS:
        if data["group"] == "unit":
            unit = MemberUnit.objects.filter(slug=DEMO_EDITOR_UNIT).first()
            if unit is None:
                continue
            group = Group.objects.get(name=unit_group_name(unit))
        else:
            group = Group.objects.get_or_create(name=data["group"])[0]
        user = user_model.objects.filter(username=data["username"]).first()
        if user is None:
            user = user_model.objects.create_user(
                username=data["username"],
                email=data["email"],
                password=password,
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
        user.groups.add(group)
        made.append((data["username"], data["role"]))
    return made


def demo_articles(folder: Path | None = None) -> list[tuple[Path, ArticleMetadata]]:
    """The demo's article files, sorted, each with its metadata; every file must have a table
    and every table a file (a table without one is a misspelt name)."""
    folder = Path(folder or settings.LEGACY_DEMO_DIR)
    metadata_path = folder / ARTICLE_METADATA_NAME
    metadata = read_metadata_file(metadata_path)
    files = sorted(folder.glob("*.txt"))
    names = {path.stem for path in files}
    for key, entry in metadata.items():
        if key not in names:
            raise MetadataError(metadata_path, f"không có tệp {key}.txt", key=key, line=line_of(entry.text, key))
    for path in files:
        if path.stem not in metadata:
            raise MetadataError(metadata_path, f"thiếu bảng [{path.stem}] cho {path.name}")
    return [(path, metadata[path.stem]) for path in files]


def load_demo_content(report: Callable[[str], None] = lambda message: None) -> dict[str, int]:
    """Load everything; returns counts of created, updated and unchanged articles.

    Raises `DemoContentError` naming the file (and line) that cannot be loaded; then nothing
    has been written."""
    try:
        snippets = read_snippets()
        articles = demo_articles()
        with transaction.atomic():
            units = load_units(snippets)
            load_categories(snippets)
            load_authors(snippets)
            ensure_corporate_editors()
            set_up_moderation()
            align_site_with_site_url()
            corporate = ensure_unit_section(units[CORPORATION])
            # Every article is checked against the units and categories before the first is
            # written, so that no photo is drawn for a load that fails.
            for path, metadata in articles:
                _import(path, metadata, corporate, dry_run=True)
            counts = {"created": 0, "unchanged": 0, "updated": 0}
            for number, (path, metadata) in enumerate(articles, start=1):
                outcome = _import(path, metadata, corporate, dry_run=False)
                counts[outcome.action] += 1
                report(f"  [{number}/{len(articles)}] {outcome.title} ({outcome.action})")
            return counts
    except MetadataError as error:
        raise DemoContentError(str(error)) from error


def _import(path: Path, metadata: ArticleMetadata, corporate: NewsIndexPage, *, dry_run: bool) -> ImportOutcome:
    """The importer's own path for one file; an existing article is left as it is."""
    try:
        return import_legacy_file(
            path, parent=corporate, units=[], metadata=metadata, dry_run=dry_run, keep_existing=True
        )
    except LegacyFormatError as error:
        raise DemoContentError(f"{path}:{error.line}: {error.reason}") from error
    except OSError as error:
        raise DemoContentError(f"{path}:0: không đọc được tệp ({error.strerror or error})") from error


def align_site_with_site_url() -> Site:
    """The default Wagtail site answers on SITE_URL's host and port and carries the one admin title.

    Wagtail titles a dashboard with the name of the site the user may edit: the record's own
    name ("EVNGENCO2") for a unit editor and WAGTAIL_SITE_NAME for the others, so both are one.
    """
    address = urlsplit(settings.SITE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        raise Site.DoesNotExist("no Wagtail site: run `manage.py migrate` first")
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    return site
