"""API keys in the Wagtail admin: created for a member unit (the key is shown once), revoked by date."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import ApiKey


class ApiKeyCreateView(CreateView):
    def save_instance(self):
        # Only the hash is stored: the plain key exists in this request and in the message below.
        self.raw_key = self.form.instance.set_new_key()
        return super().save_instance()

    def get_success_message(self, instance):
        return _(
            "Đã tạo khóa API “%(name)s”. Khóa chỉ hiện một lần, hãy sao chép ngay: %(key)s "
            "(gửi trong header Authorization: Api-Key <khóa>)."
        ) % {"name": instance.name, "key": self.raw_key}


class ApiKeyViewSet(SnippetViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("Khóa API")
    add_to_admin_menu = True
    menu_order = 900
    add_view_class = ApiKeyCreateView
    list_display = ["name", "unit", "prefix", "created_at", "revoked_at"]
    list_filter = ["unit"]
    panels = [
        FieldPanel("unit"),
        FieldPanel("name"),
        FieldPanel("revoked_at", help_text=_("Điền thời điểm để thu hồi khóa; khóa bị thu hồi không dùng được nữa.")),
    ]


register_snippet(ApiKeyViewSet)
