"""Every existing site starts with EVNGENCO2's identity (the model defaults); editors change it."""

from django.db import migrations


def fill_defaults(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    SiteIdentity = apps.get_model("website", "SiteIdentity")
    for site in Site.objects.all():
        SiteIdentity.objects.get_or_create(site=site)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_site_identity"),
        ("news", "0002_initial_site"),
    ]

    operations = [migrations.RunPython(fill_defaults, migrations.RunPython.noop)]
