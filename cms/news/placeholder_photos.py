"""Generated placeholder photos: a scene of the power business drawn in a colour, for the demo
articles and the benchmark, where no real photo exists. Deterministic, so that loading the demo
again finds the photo it made before instead of making another.
"""

import hashlib
import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection

DEMO_COLLECTION = "Ảnh minh họa"


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


# By name, for the demo's metadata file; in this order, a seed picks one when none is named.
SCENES = {
    "thermal-plant": _thermal_plant,
    "hydro-dam": _hydro_dam,
    "solar-field": _solar_field,
    "wind-farm": _wind_farm,
    "power-lines": _power_lines,
    "meeting-hall": _meeting_hall,
}


def scene_for_seed(seed: str) -> str:
    """The scene a seed picks when none is named."""
    names = list(SCENES)
    return names[int(hashlib.sha256(seed.encode()).hexdigest(), 16) % len(names)]


def placeholder_photo(colour: str, seed: str, size: tuple[int, int] = (1600, 900), scene: str | None = None) -> bytes:
    """A JPEG `scene` (a thermal plant, a hydro dam, a solar field, wind turbines, transmission
    lines or a meeting hall; picked from `seed` when not named) in `colour`, its details drawn
    from `seed`, so that the demo photos differ from one another. Deterministic."""
    rng = random.Random(seed)
    base = _hex_to_rgb(colour)
    image = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(image)
    _sky(draw, size, base)
    SCENES[scene or scene_for_seed(seed)](draw, size, base, rng)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def placeholder_image(title: str, colour: str, seed: str, scene: str | None = None):
    """The generated photo titled `title` (in the demo's collection), created once."""
    title = title[:255]  # Wagtail's limit: found again by the title it was stored with
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    root = Collection.get_first_root_node()
    collection = Collection.objects.filter(name=DEMO_COLLECTION).first() or root.add_child(name=DEMO_COLLECTION)
    photo = placeholder_photo(colour, seed, scene=scene)
    file = ImageFile(io.BytesIO(photo), name=f"{seed}.jpg")
    # The size is recorded as Wagtail's upload form records it, so readers need not ask storage.
    return image_model.objects.create(title=title, file=file, collection=collection, file_size=len(photo))
