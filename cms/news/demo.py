"""Demo content: member units, categories, authors, generated photos, a moderation workflow,
the legacy sample (through the real importer) and the articles of `demo_content.py`.

Idempotent: running it again updates what exists and creates nothing twice.
"""

import datetime
import hashlib
import io
import math
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


def _shade(colour: tuple[int, int, int], factor: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, int(c * factor))) for c in colour)


def _sky(draw, size, base) -> None:
    width, height = size
    for y in range(height):
        shade = 0.55 + 0.45 * (y / height)
        draw.line([(0, y), (width, y)], fill=tuple(min(255, int(c * shade + 60 * (1 - shade))) for c in base))


def _hills(draw, size, base, rng, horizon: float, layers: int = 3) -> None:
    width, height = size
    for layer in range(layers):
        points = [(0, height)]
        for x in range(0, width + 200, 200):
            points.append((x, int(height * (horizon + 0.12 * layer) + rng.randint(-60, 60))))
        points.append((width, height))
        draw.polygon(points, fill=_shade(base, 0.5 - 0.12 * layer))


def _thermal_plant(draw, size, base, rng) -> None:
    width, height = size
    _hills(draw, size, base, rng, 0.55)
    for index in range(rng.randint(2, 4)):
        x = int(width * (0.2 + 0.16 * index + rng.uniform(-0.03, 0.03)))
        top = int(height * rng.uniform(0.22, 0.34))
        draw.rectangle([x, top, x + 46, int(height * 0.64)], fill=(225, 225, 225))
        draw.rectangle([x, top, x + 46, top + 26], fill=(200, 40, 40))
        for puff in range(3):  # smoke drifting with the wind
            r = 26 + 14 * puff
            cx, cy = x + 23 + 55 * puff, top - 30 - 40 * puff
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=_shade((235, 235, 235), 0.95 - 0.08 * puff))
    draw.rectangle([int(width * 0.12), int(height * 0.58), int(width * 0.85), int(height * 0.7)], fill=(90, 96, 104))


def _hydro_dam(draw, size, base, rng) -> None:
    width, height = size
    _hills(draw, size, base, rng, 0.38, layers=2)
    water_top = int(height * 0.5)
    draw.rectangle([0, water_top, width, height], fill=_shade((40, 110, 170), rng.uniform(0.8, 1.1)))
    left, right = int(width * rng.uniform(0.18, 0.3)), int(width * rng.uniform(0.7, 0.82))
    draw.polygon(
        [(left, water_top - 90), (right, water_top - 90), (right + 60, height), (left - 60, height)],
        fill=(190, 190, 182),
    )
    gates = rng.randint(3, 6)
    step = (right - left) // gates
    for gate in range(gates):
        x = left + gate * step + step // 4
        draw.rectangle([x, water_top - 60, x + step // 2, height], fill=(235, 245, 255))
    for y in range(water_top + 20, height, 40):
        draw.line([(0, y), (left - 80, y)], fill=(120, 170, 210), width=3)


def _solar_field(draw, size, base, rng) -> None:
    width, height = size
    horizon = int(height * 0.45)
    draw.rectangle([0, horizon, width, height], fill=_shade((120, 150, 80), rng.uniform(0.7, 1.0)))
    sun = rng.randint(int(width * 0.6), int(width * 0.9))
    draw.ellipse([sun - 70, 70, sun + 70, 210], fill=(255, 214, 90))
    rows = rng.randint(4, 6)
    for row in range(rows):
        y = horizon + 40 + row * (height - horizon) // rows
        depth = 0.5 + row / rows
        for column in range(0, width, int(180 * depth)):
            panel_w, panel_h = int(150 * depth), int(50 * depth)
            draw.polygon(
                [(column, y + panel_h), (column + panel_w, y + panel_h), (column + panel_w - 20, y), (column + 20, y)],
                fill=(25, 45, 95),
            )
            draw.line([(column + panel_w // 2, y), (column + panel_w // 2, y + panel_h)], fill=(150, 170, 210), width=2)


def _wind_farm(draw, size, base, rng) -> None:
    width, height = size
    _hills(draw, size, base, rng, 0.62, layers=2)
    for _ in range(rng.randint(3, 5)):
        x, top = rng.randint(100, width - 100), int(height * rng.uniform(0.25, 0.45))
        draw.polygon(
            [(x - 8, top), (x + 8, top), (x + 14, int(height * 0.8)), (x - 14, int(height * 0.8))], fill=(240, 240, 240)
        )
        angle = rng.uniform(0, 120)
        for blade in range(3):
            theta = math.radians(angle + 120 * blade)
            end = (x + 150 * math.cos(theta), top + 150 * math.sin(theta))
            draw.line([(x, top), end], fill=(250, 250, 250), width=12)
        draw.ellipse([x - 12, top - 12, x + 12, top + 12], fill=(210, 210, 210))


def _power_lines(draw, size, base, rng) -> None:
    width, height = size
    _hills(draw, size, base, rng, 0.7, layers=2)
    towers = [(int(width * f), int(height * rng.uniform(0.25, 0.35))) for f in (0.15, 0.5, 0.85)]
    for x, top in towers:
        bottom = int(height * 0.85)
        draw.line([(x, top), (x - 60, bottom)], fill=(60, 60, 60), width=8)
        draw.line([(x, top), (x + 60, bottom)], fill=(60, 60, 60), width=8)
        for level in range(4):
            y = top + level * (bottom - top) // 4
            spread = 20 + level * 12
            draw.line([(x - spread, y), (x + spread, y)], fill=(60, 60, 60), width=5)
        draw.line([(x - 90, top + 30), (x + 90, top + 30)], fill=(60, 60, 60), width=6)
    for offset in (-90, 0, 90):
        for (x1, t1), (x2, t2) in zip(towers, towers[1:], strict=False):
            mid = ((x1 + x2) // 2 + offset // 3, max(t1, t2) + 90)
            draw.line([(x1 + offset, t1 + 30), mid, (x2 + offset, t2 + 30)], fill=(40, 40, 40), width=3)


def _meeting_hall(draw, size, base, rng) -> None:
    width, height = size
    draw.rectangle([0, 0, width, height], fill=_shade(base, 0.55))
    draw.rectangle([int(width * 0.1), int(height * 0.08), int(width * 0.9), int(height * 0.42)], fill=(170, 30, 35))
    draw.rectangle([int(width * 0.18), int(height * 0.16), int(width * 0.82), int(height * 0.3)], fill=(250, 220, 120))
    draw.rectangle([int(width * 0.25), int(height * 0.46), int(width * 0.75), int(height * 0.56)], fill=(235, 235, 235))
    for row in range(4):
        y = int(height * (0.64 + 0.09 * row))
        for seat in range(rng.randint(10, 14)):
            x = int(width * 0.05) + seat * int(width * 0.07) + (row % 2) * 30
            r = 22 + row * 3
            draw.ellipse([x - r, y - r, x + r, y + r], fill=_shade((40, 30, 30), 1 + 0.2 * rng.random()))
            draw.rectangle([x - r - 6, y + r - 4, x + r + 6, y + r + 40], fill=_shade((230, 230, 240), 0.9))


_SCENES = (_thermal_plant, _hydro_dam, _solar_field, _wind_farm, _power_lines, _meeting_hall)


def placeholder_photo(colour: str, seed: str, size: tuple[int, int] = (1600, 900)) -> bytes:
    """A JPEG scene of the power business in `colour`, chosen and drawn from `seed`: a thermal
    plant, a hydro dam, a solar field, wind turbines, transmission lines or a meeting hall, so
    that the demo photos differ from one another. Deterministic."""
    rng = random.Random(seed)
    base = _hex_to_rgb(colour)
    image = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(image)
    _sky(draw, size, base)
    scene = _SCENES[int(hashlib.sha256(seed.encode()).hexdigest(), 16) % len(_SCENES)]
    scene(draw, size, base, rng)
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
