"""Phrases and common words through the GIN indexes only (PostgreSQL).

- `pair_vector`: every pair of neighbouring folded syllables as one token (`nha0q0may`), without
  positions, so that a phrase is found by its pairs in the index instead of by reading the
  positions in every candidate's `all_vector`;
- GIN indexes on the title, lead and pair vectors, so that every ranking signal is an index
  lookup;
- `article_search_ids(field, query, pairs)`: the ids of the documents whose `field` matches,
  planned with sequential scans off. A word in most articles makes a sequential scan look
  cheapest to the planner, which does not count the cost of decompressing each article's vector;
  the index answers the same question without reading any vector.

The trigger is rewritten to fill the new column, and every document is rewritten through it.
"""

from django.db import migrations

import cms.search.models

POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION article_search_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        words text := NEW.title || ' ' || NEW.lead || ' ' || NEW.body;
    BEGIN
        NEW.title_vector := to_tsvector('vietnamese', NEW.title);
        NEW.lead_vector := to_tsvector('vietnamese', NEW.lead);
        NEW.all_vector := to_tsvector('vietnamese', words);
        NEW.exact_vector := to_tsvector('simple', NEW.exact);
        NEW.pair_vector := strip(to_tsvector('simple', coalesce((
            SELECT string_agg(word || '0q0' || next, ' ')
            FROM (
                SELECT word, lead(word) OVER (ORDER BY position) AS next
                FROM unnest(regexp_split_to_array(btrim(words), '\\s+')) WITH ORDINALITY AS t(word, position)
            ) AS neighbours
            WHERE next IS NOT NULL AND word <> ''
        ), '')));
        RETURN NEW;
    END $$
    """,
    "CREATE INDEX article_search_title ON article_search_document USING gin (title_vector)",
    "CREATE INDEX article_search_lead ON article_search_document USING gin (lead_vector)",
    "CREATE INDEX article_search_pair ON article_search_document USING gin (pair_vector)",
    """
    CREATE FUNCTION article_search_ids(field text, query tsquery, pairs tsquery) RETURNS SETOF integer
    LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $$
    BEGIN
        IF pairs IS NULL THEN
            RETURN QUERY EXECUTE format(
                'SELECT article_id FROM article_search_document WHERE %%I @@ $1', field
            ) USING query;
        ELSE
            RETURN QUERY EXECUTE format(
                'SELECT article_id FROM article_search_document WHERE pair_vector @@ $2 AND %%I @@ $1', field
            ) USING query, pairs;
        END IF;
    END $$
    """,
    "UPDATE article_search_document SET title = title",
]
POSTGRESQL_REVERSE = [
    "DROP FUNCTION IF EXISTS article_search_ids(text, tsquery, tsquery)",
    "DROP INDEX IF EXISTS article_search_pair",
    "DROP INDEX IF EXISTS article_search_lead",
    "DROP INDEX IF EXISTS article_search_title",
]


def pair_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL:
            schema_editor.execute(statement)


def drop_pair_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("article_search", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="articlesearchdocument",
            name="pair_vector",
            field=cms.search.models.TsVectorField(editable=False, null=True),
        ),
        migrations.RunPython(pair_index, drop_pair_index),
    ]
