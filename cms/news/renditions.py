"""The image renditions that leave the system (API, feeds, pages) and their JSON shape."""

from django.conf import settings
from wagtail.images.models import Filter

# Widths a member unit's site can pick from; the page's `srcset` uses the same ones.
RENDITION_WIDTHS = (400, 800, 1200)
RENDITION_FILTERS = tuple(f"width-{width}" for width in RENDITION_WIDTHS)
# Parsed once: Wagtail parses a filter spec given as a string on every call (with `inspect`),
# which cost more than reading the prefetched renditions themselves.
_FILTERS = {spec: Filter(spec=spec) for spec in RENDITION_FILTERS}


def rendition(image, spec: str):
    """One of the shared renditions of `image` (prefetched by `with_card_data` where it can be)."""
    return image.get_rendition(_FILTERS[spec])


def shared_renditions(image) -> list:
    """All the shared renditions of `image`, narrowest first."""
    found = image.get_renditions(*_FILTERS.values())
    return [found[spec] for spec in RENDITION_FILTERS]


def absolute_url(url: str) -> str:
    """Make a storage URL absolute with the configured site URL (never the request's Host)."""
    if url.startswith(("http://", "https://")):
        return url
    return f"{settings.SITE_URL}{url}"


def image_representation(image, alt: str = "") -> dict | None:
    """Alt text, original size and absolute URLs of the ready renditions, or None."""
    if image is None:
        return None
    return {
        "id": image.pk,
        "alt": alt or image.default_alt_text or image.title,
        "width": image.width,
        "height": image.height,
        "renditions": [
            {"width": r.width, "height": r.height, "url": absolute_url(r.url)} for r in shared_renditions(image)
        ],
    }
