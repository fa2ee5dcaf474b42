"""Wagtail's own initial data in Vietnamese: the root page and collection, the default groups,
and the default moderation workflow and its task, which editors see by name
("Gửi duyệt theo …", the explorer's breadcrumb, the image collections, the groups list); and
the article date's help text, whose fixed example became the live date line of its widget.

Wagtail's "Moderators" and "Editors" become the corporation's moderators and editors (the
groups cms/news/demo.py and unit_sections.py use); where those exist already, the English group's
members move to them and the English group goes.
"""

from django.db import migrations, models

import cms.news.models

ROOT = "Gốc"
GROUPS = {"Moderators": "Kiểm duyệt viên Tổng công ty", "Editors": "Biên tập viên Tổng công ty"}
DEFAULT_WORKFLOW = ("Moderators approval", "Duyệt tin Tổng công ty")
DEFAULT_TASK = ("Moderators approval", "Tổng công ty duyệt")


def to_vietnamese(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    Page.objects.filter(depth=1, title="Root").update(title=ROOT, draft_title=ROOT)
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT)
    for english, vietnamese in GROUPS.items():
        group = Group.objects.filter(name=english).first()
        if group is None:
            continue
        existing = Group.objects.filter(name=vietnamese).first()
        if existing is None:
            group.name = vietnamese
            group.save(update_fields=["name"])
        else:
            existing.user_set.add(*group.user_set.all())
            for task in GroupApprovalTask.objects.filter(groups=group):
                task.groups.add(existing)
            group.delete()
    Workflow.objects.filter(name=DEFAULT_WORKFLOW[0]).update(name=DEFAULT_WORKFLOW[1])
    Task.objects.filter(name=DEFAULT_TASK[0]).update(name=DEFAULT_TASK[1])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0009_publication_window_indexes"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(to_vietnamese, migrations.RunPython.noop),
        # The date's fixed example gave way to the live date line of its widget (cms/news/widgets.py).
        migrations.AlterField(
            model_name="articlepage",
            name="date",
            field=models.DateField(
                default=cms.news.models.local_today, help_text="Ngày in ở đầu bài viết.", verbose_name="ngày đăng"
            ),
        ),
    ]
