"""docs/operations.md's backup and restore, run for real against PostgreSQL (issue 6)."""

import os
import shutil
import subprocess
import uuid

import psycopg
import pytest
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Revision

from cms.news.models import ArticlePage
from tests.factories import ImageFactory, make_article

pytestmark = [
    # serialized_rollback: the flush after this test must not leave later transactional tests
    # (the browser test) without the page tree, nor with post_migrate's duplicate content types.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "postgres" not in os.environ.get("DATABASE_URL", "") or not shutil.which("pg_dump"),
        reason="backup and restore are PostgreSQL's pg_dump/pg_restore: run with DATABASE_URL=postgres://…",
    ),
]


def _connection_arguments() -> dict:
    settings = connection.settings_dict
    return {
        "host": settings["HOST"] or "127.0.0.1",
        "port": str(settings["PORT"] or 5432),
        "user": settings["USER"] or "postgres",
    }


def test_a_dump_restored_into_a_fresh_database_holds_every_article_revision_and_image(tmp_path):
    image = ImageFactory()
    make_article(title="Bài có ảnh", hero_image=image, hero_caption="Chú thích")
    draft = make_article(title="Bản nháp", publish=False)
    draft.save_revision()
    expected = {
        "articles": set(ArticlePage.objects.values_list("pk", flat=True)),
        "revisions": Revision.objects.count(),
        "images": set(get_image_model().objects.values_list("file", flat=True)),
    }
    args = _connection_arguments()
    env = {**os.environ, "PGHOST": args["host"], "PGPORT": args["port"], "PGUSER": args["user"]}
    dump = tmp_path / "cms.dump"
    restored = f"restore_{uuid.uuid4().hex[:10]}"

    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", connection.settings_dict["NAME"]],
        env=env,
        check=True,
    )
    subprocess.run(["createdb", restored], env=env, check=True)
    try:
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={restored}", str(dump)], env=env, check=True)
        with psycopg.connect(dbname=restored, **args) as restored_db, restored_db.cursor() as cursor:
            cursor.execute("SELECT page_ptr_id FROM news_articlepage")
            assert {row[0] for row in cursor.fetchall()} == expected["articles"]
            cursor.execute("SELECT count(*) FROM wagtailcore_revision")
            assert cursor.fetchone()[0] == expected["revisions"]
            cursor.execute("SELECT file FROM wagtailimages_image")
            assert {row[0] for row in cursor.fetchall()} == expected["images"]
    finally:
        subprocess.run(["dropdb", "--if-exists", restored], env=env, check=True)
