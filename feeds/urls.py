"""Feed routes: /feeds/{rss.xml,atom.xml,feed.json}, and the same under units/, categories/, tags/.

Tag slugs made before TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING may hold Vietnamese letters: `str`.
"""

from django.urls import path

from .scopes import FORMATS
from .views import feed_view

app_name = "feeds"

_PREFIXES = {
    "site": "",
    "unit": "units/<slug:slug>/",
    "category": "categories/<slug:slug>/",
    "tag": "tags/<str:slug>/",
}

urlpatterns = [
    path(
        f"{prefix}{file_name}",
        feed_view,
        {"format_name": format_name, "kind": kind},
        name=f"{kind}-{format_name}",
    )
    for kind, prefix in _PREFIXES.items()
    for format_name, (file_name, _media_type) in FORMATS.items()
]
