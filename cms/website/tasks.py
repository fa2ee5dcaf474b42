"""Background work of the corporate site (django-tasks: immediate by default, a worker in production)."""

from django_tasks import task

from . import view_counts


@task()
def flush_view_counts_task() -> int:
    """Move the views buffered in the cache into `ArticleDailyViews` (run every few minutes)."""
    return view_counts.flush_view_counts()
