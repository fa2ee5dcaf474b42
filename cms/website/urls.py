"""The corporate site's own URLs; Wagtail's page catch-all comes after these (cms/urls.py)."""

from django.urls import path, re_path

from api.previews import preview_link

from . import views

app_name = "website"

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path("chuyen-muc/<slug:slug>/", views.category_page, name="category"),
    path("luot-xem/<int:article_id>/", views.count_view, name="count_view"),
    path("gui-cho-ban-be/<int:article_id>/", views.share_article, name="share"),
    # The site's address for a draft's preview link; what it opens is the API's JSON.
    path("xem-truoc/<str:token>/", preview_link, name="preview_link"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", views.sitemap_pages, name="sitemap_pages"),
    path("sitemap-news.xml", views.sitemap_news, name="sitemap_news"),
    # Part numbers as written by the index: no sign, no leading zero, at most a bigint's 19 digits.
    re_path(
        r"^sitemap-articles-(?P<number>0|[1-9][0-9]{0,18})\.xml$",
        views.sitemap_articles,
        name="sitemap_articles",
    ),
    # Before Wagtail's own route of the same path, which it wraps with a guess limit.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        views.authenticate_with_password,
        name="authenticate_with_password",
    ),
]
