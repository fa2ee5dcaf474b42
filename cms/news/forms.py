"""The article's admin form: a new article in a unit's news section starts as that unit's news.

An article is the news of the units it is tagged with (`selectors.in_unit`); the editor sees
the section's unit already chosen and may add others or choose differently.
"""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        section_unit_id = getattr(parent_page.specific if parent_page is not None else None, "unit_id", None)
        if section_unit_id is not None and "units" in self.fields and self.instance.pk is None:
            if not self.initial.get("units"):  # the new page's own (empty) relation
                self.initial["units"] = [section_unit_id]
