"""`article_search_ids(field, query, pairs, max)`: at most `max` ids of the documents whose
`field` matches (PostgreSQL), for telling a small set of matches from a large one (a page of
results found among candidates, `ranking.ArticleSearch.top_keys`) without reading a large one
whole: the bitmap scan stops at `max` rows.
"""

from django.db import migrations

FUNCTION = """
    CREATE FUNCTION article_search_ids(field text, query tsquery, pairs tsquery, max integer) RETURNS SETOF integer
    LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $$
    BEGIN
        IF pairs IS NULL THEN
            RETURN QUERY EXECUTE format(
                'SELECT article_id FROM article_search_document WHERE %%I @@ $1 LIMIT $3', field
            ) USING query, pairs, max;
        ELSE
            RETURN QUERY EXECUTE format(
                'SELECT article_id FROM article_search_document WHERE pair_vector @@ $2 AND %%I @@ $1 LIMIT $3', field
            ) USING query, pairs, max;
        END IF;
    END $$
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS article_search_ids(text, tsquery, tsquery, integer)")


class Migration(migrations.Migration):
    dependencies = [("article_search", "0003_pairs_without_parsing")]

    operations = [migrations.RunPython(forwards, backwards)]
