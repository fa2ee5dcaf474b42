"""Feed routes (issue 4)."""

urlpatterns = []
