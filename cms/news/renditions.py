"""The image renditions that leave the system (API, feeds, pages) and their JSON shape."""

from django.conf import settings

# Widths a member unit's site can pick from; the page's `srcset` uses the same ones.
RENDITION_WIDTHS = (400, 800, 1200)
RENDITION_FILTERS = tuple(f"width-{width}" for width in RENDITION_WIDTHS)


def absolute_url(url: str) -> str:
    """Make a storage URL absolute with the configured site URL (never the request's Host)."""
    if url.startswith(("http://", "https://")):
        return url
    return f"{settings.SITE_URL}{url}"


def image_representation(image, alt: str = "") -> dict | None:
    """Alt text, original size and absolute URLs of the ready renditions, or None."""
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITION_FILTERS)
    return {
        "id": image.pk,
        "alt": alt or image.default_alt_text or image.title,
        "width": image.width,
        "height": image.height,
        "renditions": [
            {"width": r.width, "height": r.height, "url": absolute_url(r.url)}
            for r in (renditions[spec] for spec in RENDITION_FILTERS)
        ],
    }
