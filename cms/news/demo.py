"""Demo content: member units, categories, authors, generated photos, a moderation workflow,
the legacy sample (through the real importer) and the articles of `demo_content.py`.

Idempotent: running it again updates what exists and creates nothing twice.
"""

import datetime
import io
import random
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupPagePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.rich_text import RichText

from . import demo_content
from .importer import import_legacy_file
from .models import ArticlePage, Author, Category, HomePage, MemberUnit, NewsIndexPage
from .unit_sections import ensure_corporate_editors, ensure_unit_section, grant_editor_basics, unit_group_name

DEMO_COLLECTION = "Ảnh minh họa"
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
LEGACY_SAMPLE_CLASSIFICATION = {"categories": ["cong-tac-dang"], "tags": ["Dân vận khéo", "công tác dân vận"]}


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def placeholder_photo(colour: str, seed: str, size: tuple[int, int] = (1600, 900)) -> bytes:
    """A JPEG landscape in `colour`: sky gradient, hills and a plant's chimneys. Deterministic."""
    width, height = size
    rng = random.Random(seed)
    base = _hex_to_rgb(colour)
    image = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = 0.55 + 0.45 * (y / height)
        draw.line([(0, y), (width, y)], fill=tuple(min(255, int(c * shade + 60 * (1 - shade))) for c in base))
    for layer in range(3):
        points = [(0, height)]
        for x in range(0, width + 200, 200):
            points.append((x, int(height * (0.55 + 0.12 * layer) + rng.randint(-60, 60))))
        points.append((width, height))
        draw.polygon(points, fill=tuple(max(0, int(c * (0.5 - 0.12 * layer))) for c in base))
    for index in range(rng.randint(2, 4)):
        x = int(width * (0.25 + 0.15 * index))
        draw.rectangle([x, int(height * 0.28), x + 46, int(height * 0.62)], fill=(225, 225, 225))
        draw.rectangle([x, int(height * 0.28), x + 46, int(height * 0.31)], fill=(200, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def demo_image(title: str, colour: str, seed: str):
    """The generated photo titled `title`, created once."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    root = Collection.get_first_root_node()
    collection = Collection.objects.filter(name=DEMO_COLLECTION).first() or root.add_child(name=DEMO_COLLECTION)
    photo = placeholder_photo(colour, seed)
    file = ImageFile(io.BytesIO(photo), name=f"{seed}.jpg")
    # The size is recorded as Wagtail's upload form records it, so readers need not ask storage.
    return image_model.objects.create(title=title[:255], file=file, collection=collection, file_size=len(photo))


def _paragraph(text: str) -> RichText:
    return RichText("<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>")


def _body(article: dict) -> list:
    body = []
    for number, block in enumerate(article["body"]):
        kind = block[0]
        if kind == "paragraph":
            body.append(("paragraph", _paragraph(block[1])))
        elif kind == "field":
            body.append(("field", {"label": block[1], "text": _paragraph(block[2])}))
        elif kind == "image":
            _kind, caption, credit, colour = block
            image = demo_image(caption, colour, f"{article['key']}-{number}")
            body.append(("image", {"image": image, "caption": caption, "credit": credit}))
        elif kind == "quote":
            body.append(("quote", {"text": block[1], "attribution": block[2]}))
    return body


def load_units() -> dict[str, MemberUnit]:
    units = {}
    for data in demo_content.UNITS:
        unit, _created = MemberUnit.objects.update_or_create(
            slug=data["slug"],
            defaults={key: value for key, value in data.items() if key != "slug"},
        )
        ensure_unit_section(unit)
        units[unit.slug] = unit
    return units


def load_categories() -> dict[str, Category]:
    return {
        data["slug"]: Category.objects.update_or_create(slug=data["slug"], defaults=data)[0]
        for data in demo_content.CATEGORIES
    }


def load_authors() -> dict[str, Author]:
    return {
        data["slug"]: Author.objects.update_or_create(slug=data["slug"], defaults=data)[0]
        for data in demo_content.AUTHORS
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


def load_article(data: dict, units, categories, authors) -> tuple[str, ArticlePage]:
    """Create the demo article once; an existing one (same key) is left as editors left it."""
    existing = ArticlePage.objects.filter(legacy_id=data["key"]).first()
    if existing:
        return "unchanged", existing
    article_units = [units[slug] for slug in data["units"]]
    parent = ensure_unit_section(article_units[0])
    date = datetime.date.fromisoformat(data["date"])
    page = ArticlePage(
        title=data["title"],
        legacy_id=data["key"],
        date=date,
        lead=data["lead"],
        hero_caption=data["hero_caption"],
        hero_image=demo_image(data["hero_caption"], data["hero_colour"], f"{data['key']}-hero"),
        author=authors.get(data["author"]),
        body=_body(data),
        first_published_at=datetime.datetime.combine(date, datetime.time(8, 0), tzinfo=datetime.UTC),
    )
    parent.add_child(instance=page)
    page.units.set(article_units)
    page.categories.set([categories[slug] for slug in data["categories"]])
    page.tags.set(data["tags"])
    page.save_revision().publish()
    return "created", page


def load_legacy_samples(units) -> list:
    outcomes = []
    for path in sorted(Path(settings.LEGACY_DEMO_DIR).glob("*.txt")):
        outcome = import_legacy_file(path, parent=ensure_unit_section(units["evngenco2"]), units=[units["evngenco2"]])
        page = outcome.page
        if page is not None and not page.categories.exists():
            page.categories.set(Category.objects.filter(slug__in=LEGACY_SAMPLE_CLASSIFICATION["categories"]))
            page.tags.set(LEGACY_SAMPLE_CLASSIFICATION["tags"])
            page.save_revision().publish()
        outcomes.append(outcome)
    return outcomes


def load_demo_content(report: Callable[[str], None] = lambda message: None) -> dict[str, int]:
    """Load everything; returns counts of created and unchanged articles."""
    with transaction.atomic():
        units = load_units()
        categories = load_categories()
        authors = load_authors()
        ensure_corporate_editors()
        set_up_moderation()
        align_site_with_site_url()
    counts = {"created": 0, "unchanged": 0, "updated": 0}
    for outcome in load_legacy_samples(units):
        counts[outcome.action] += 1
        report(f"  bài mẫu từ trang cũ: {outcome.title} ({outcome.action})")
    total = len(demo_content.ARTICLES)
    for number, data in enumerate(demo_content.ARTICLES, start=1):
        with transaction.atomic():
            action, page = load_article(data, units, categories, authors)
        counts[action] += 1
        report(f"  [{number}/{total}] {page.title} ({action})")
    return counts


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
