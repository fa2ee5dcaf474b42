"""The article's admin form: a new article in a unit's news section starts as that unit's news.

An article is the news of the units it is tagged with (`selectors.in_unit`); the editor sees
the section's unit already chosen and may add others or choose differently.
"""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        section_unit_id = getattr(parent_page.specific if parent_page is not None else None, "unit_id", None)
        new_article = self.instance.pk is None and not self.initial.get("units")  # its own relation is empty
        if section_unit_id is not None and "units" in self.fields and new_article:
            self.initial["units"] = [section_unit_id]
