"""A partial index on Wagtail's page table: live pages by last publication.

The sitemap's pages part gives each category the newest publication among its published
articles: walking this index newest first, the database stops at the category's first article
instead of aggregating every one of them (a category of 10,000 articles cost as much as
reading them all). Plain SQL that both databases accept, as in 0007 and 0009.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0013_article_tag_ascii_slugs")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS news_live_last_published ON wagtailcore_page (last_published_at)"
            " WHERE live AND last_published_at IS NOT NULL",
            "DROP INDEX IF EXISTS news_live_last_published",
        )
    ]
