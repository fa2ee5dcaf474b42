"""A unit's editors work only in their unit's news section; corporate editors work everywhere.

Every check is an HTTP request through the Wagtail admin, as the editor's browser makes it.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Revision

from cms.news.models import ArticlePage
from cms.news.unit_sections import ensure_corporate_editors, ensure_unit_section, unit_group_name
from tests.factories import MemberUnitFactory, make_article
from tests.helpers import add_article_url, article_form_data, form_errors, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    """Two units, each with its section and an article in it."""
    unit_a = MemberUnitFactory(slug="nhiet-dien-can-tho", name="Công ty Nhiệt điện Cần Thơ", short_name="NĐ Cần Thơ")
    unit_b = MemberUnitFactory(slug="thuy-dien-thac-mo", name="Công ty Thủy điện Thác Mơ", short_name="TĐ Thác Mơ")
    section_a, section_b = ensure_unit_section(unit_a), ensure_unit_section(unit_b)
    article_a = make_article(parent=section_a, title="Tin của Cần Thơ")
    article_b = make_article(parent=section_b, title="Tin của Thác Mơ")
    return {"a": (unit_a, section_a, article_a), "b": (unit_b, section_b, article_b)}


@pytest.fixture
def editor_of_a(client, units):
    unit_a = units["a"][0]
    user = make_editor("bien-tap-can-tho", Group.objects.get(name=unit_group_name(unit_a)))
    client.force_login(user)
    return user


def edit_url(page: Page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def is_refused(response) -> bool:
    """Wagtail answers a forbidden admin page with a redirect to the dashboard, or 403."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_setup_is_idempotent_and_names_the_groups(units):
    groups = Group.objects.count()
    ensure_unit_section(units["a"][0])
    ensure_corporate_editors()
    ensure_corporate_editors()
    assert Group.objects.count() == groups  # `migrate` already made the corporate group
    assert Group.objects.filter(name="Biên tập viên – NĐ Cần Thơ").exists()


def test_unit_editor_opens_an_article_of_their_unit(client, units, editor_of_a):
    response = client.get(edit_url(units["a"][2]))
    assert response.status_code == 200
    assert "Tin của Cần Thơ" in response.content.decode()


def test_a_new_article_in_a_units_section_starts_tagged_with_that_unit(client, units, editor_of_a):
    unit_a, section_a, _article = units["a"]
    response = client.get(add_article_url(section_a))
    assert response.status_code == 200
    assert list(response.context["form"].initial["units"]) == [unit_a.pk]
    assert response.context["form"]["units"].value() == [unit_a.pk]


def test_unit_editor_saves_a_draft_in_their_unit(client, units, editor_of_a):
    unit_a, _section, article = units["a"]
    revisions = article.revisions.count()
    data = article_form_data(title="Tin của Cần Thơ (sửa)", slug=article.slug, units=[unit_a], action="")
    response = client.post(edit_url(article), data)
    assert response.status_code == 302, form_errors(response)
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.revisions.count() == revisions + 1
    assert article.get_latest_revision_as_object().title == "Tin của Cần Thơ (sửa)"
    assert article.title == "Tin của Cần Thơ"  # a draft: the live page is unchanged until published


def test_unit_editor_cannot_open_another_units_article(client, units, editor_of_a):
    response = client.get(edit_url(units["b"][2]))
    assert is_refused(response)
    assert "Tin của Thác Mơ" not in response.content.decode()


def test_unit_editor_cannot_save_another_units_article(client, units, editor_of_a):
    unit_b, _section, article = units["b"]
    revisions = Revision.objects.count()
    data = article_form_data(title="Bị sửa trái phép", slug=article.slug, units=[unit_b], action="action-publish")
    response = client.post(edit_url(article), data)
    assert is_refused(response)
    assert Revision.objects.count() == revisions
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.title == "Tin của Thác Mơ" and article.get_latest_revision_as_object().title == "Tin của Thác Mơ"


def test_unit_editor_cannot_add_an_article_to_another_units_section(client, units, editor_of_a):
    unit_b, section_b, _article = units["b"]
    pages = Page.objects.count()
    assert is_refused(client.get(add_article_url(section_b)))
    response = client.post(
        add_article_url(section_b), article_form_data(title="Tin lạc", slug="tin-lac", units=[unit_b])
    )
    assert is_refused(response)
    assert Page.objects.count() == pages


def test_unit_editor_cannot_add_to_the_corporate_section(client, units, editor_of_a):
    corporate = Page.objects.get(slug="tin-tuc")
    assert is_refused(client.get(add_article_url(corporate)))


def test_unit_editor_cannot_publish_only_submit(client, units, editor_of_a):
    """Publishing is the corporate moderators' step: a unit editor's "publish" saves a draft."""
    unit_a, section_a, _article = units["a"]
    response = client.post(
        add_article_url(section_a), article_form_data(title="Tin mới", slug="tin-moi", units=[unit_a])
    )
    assert response.status_code == 302, form_errors(response)
    created = ArticlePage.objects.get(slug="tin-moi")
    assert created.get_parent().specific == section_a
    assert not created.live
    data = article_form_data(title="Tin gửi duyệt", slug="tin-gui-duyet", units=[unit_a], action="action-submit")
    response = client.post(add_article_url(section_a), data)
    assert response.status_code == 302, form_errors(response)
    submitted = ArticlePage.objects.get(slug="tin-gui-duyet")
    assert not submitted.live
    assert submitted.current_workflow_state is not None and submitted.current_workflow_state.status == "in_progress"


def test_corporate_editor_edits_and_publishes_in_every_section(client, units):
    client.force_login(make_editor("tong-cong-ty", ensure_corporate_editors()))
    for key in ("a", "b"):
        unit, _section, article = units[key]
        assert client.get(edit_url(article)).status_code == 200
        data = article_form_data(title=f"{article.title} – đã duyệt", slug=article.slug, units=[unit])
        response = client.post(edit_url(article), data)
        assert response.status_code == 302, form_errors(response)
        assert ArticlePage.objects.get(pk=article.pk).title == f"{article.title} – đã duyệt"
