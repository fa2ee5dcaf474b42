"""API v1 routes (issue 3)."""

urlpatterns = []
