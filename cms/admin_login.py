"""The Wagtail admin's login form, with a translatable password label.

Wagtail's own LoginForm gives the password field no label, so Django derives "Password" from the
field name and the login page shows it in English whatever the language. This subclass labels it
with Django's translated "Password" ("Mật khẩu"); `WAGTAILADMIN_USER_LOGIN_FORM` points here.
"""

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext_lazy("Password")
