"""Create the site, its home page, the corporation as the first unit and its news index.

After this migration `import_articles` works with no other set-up step.
"""

from django.db import migrations
from django.utils import timezone


def create_site(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("news.HomePage")
    NewsIndexPage = apps.get_model("news.NewsIndexPage")
    MemberUnit = apps.get_model("news.MemberUnit")

    if HomePage.objects.exists():
        return
    # Wagtail's placeholder "Welcome" page (and its site) make way for ours.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()
    root = Page.objects.get(depth=1)
    locale = Locale.objects.get(pk=root.locale_id)
    now = timezone.now()
    common = {"locale": locale, "live": True, "first_published_at": now, "last_published_at": now}

    home_type, _ = ContentType.objects.get_or_create(app_label="news", model="homepage")
    home_path = root.path + f"{root.numchild + 1:04d}"
    if Page.objects.filter(path=home_path).exists():
        home_path = root.path + f"{root.numchild + 2:04d}"
    home = HomePage.objects.create(
        title="Trang chủ",
        draft_title="Trang chủ",
        slug="trang-chu",
        content_type=home_type,
        path=home_path,
        depth=2,
        numchild=1,
        url_path="/trang-chu/",
        **common,
    )
    Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.pk, "site_name": "EVNGENCO2"},
    )

    corporation = MemberUnit.objects.create(
        name="Tổng công ty Phát điện 2",
        short_name="EVNGENCO2",
        slug="evngenco2",
        receives_internal_news=True,
    )
    index_type, _ = ContentType.objects.get_or_create(app_label="news", model="newsindexpage")
    NewsIndexPage.objects.create(
        title="Tin tức",
        draft_title="Tin tức",
        slug="tin-tuc",
        content_type=index_type,
        path=home_path + "0001",
        depth=3,
        numchild=0,
        url_path="/trang-chu/tin-tuc/",
        unit=corporation,
        **common,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    run_before = []

    operations = [migrations.RunPython(create_site, migrations.RunPython.noop)]
