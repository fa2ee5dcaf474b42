import os

from django.urls import include, path

from bench.baselines import (
    SyndicationFullContentFeed,
    bare_json,
    bare_xml,
    like_search,
    set_floor_size,
    wagtail_api_router,
)
from cms.urls import urlpatterns as site_urlpatterns

set_floor_size(
    int(os.environ.get("BENCH_FLOOR_BYTES", "60000")),
    int(os.environ.get("BENCH_FEED_FLOOR_BYTES", "550000")),
)

urlpatterns = [
    path("api/v2/", wagtail_api_router.urls),
    path("api/bench/floor/", bare_json),
    path("feeds/bench/floor.xml", bare_xml),
    path("bench/syndication/rss.xml", SyndicationFullContentFeed()),
    path("api/bench/like-search/", like_search),
    *site_urlpatterns,
]

__all__ = ["include", "urlpatterns"]
