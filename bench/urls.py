import os

from django.urls import include, path

from bench.baselines import SyndicationFullContentFeed, bare_json, set_floor_size, wagtail_api_router
from cms.urls import urlpatterns as site_urlpatterns

set_floor_size(int(os.environ.get("BENCH_FLOOR_BYTES", "60000")))

urlpatterns = [
    path("api/v2/", wagtail_api_router.urls),
    path("bench/floor/", bare_json),
    path("bench/syndication/rss.xml", SyndicationFullContentFeed()),
    *site_urlpatterns,
]

__all__ = ["include", "urlpatterns"]
