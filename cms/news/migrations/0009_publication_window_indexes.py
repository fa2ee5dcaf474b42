"""Partial indexes on Wagtail's page table for the next publication window to open or close.

`freshness.next_window_change()` asks, once per content version and window moment, for the
first `go_live_at` and the first `expire_at` after now among live pages: with these, each is
one index probe instead of a walk over every live page. Plain SQL that both databases accept,
as in 0007 (the page table belongs to Wagtail).
"""

from django.db import migrations

INDEXES = {
    "news_live_go_live_at": "go_live_at",
    "news_live_expire_at": "expire_at",
}


class Migration(migrations.Migration):
    dependencies = [("news", "0008_remove_articlepage_search_text")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page ({column}) WHERE live AND {column} IS NOT NULL",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, column in INDEXES.items()
    ]
