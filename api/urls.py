"""API v1 routes (issue 3). Unknown addresses under /api/v1/ answer a JSON 404."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import views
from .errors import not_found

urlpatterns = [
    path("articles/", views.ArticleListView.as_view(), name="api-articles"),
    path("articles/most-viewed/", views.MostViewedView.as_view(), name="api-most-viewed"),
    path("articles/<str:article_id>/", views.ArticleDetailView.as_view(), name="api-article"),
    path("units/", views.UnitListView.as_view(), name="api-units"),
    path("categories/", views.CategoryListView.as_view(), name="api-categories"),
    path("tags/", views.TagListView.as_view(), name="api-tags"),
    path("changes/", views.ChangeListView.as_view(), name="api-changes"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", views.ApiDocsView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^.*$", not_found),
]
