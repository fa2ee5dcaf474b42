"""Keep every member unit with its news section and editors' group. (What publishing,
unpublishing, moving and deleting do is the publish pipeline's: cms/publishing/services.py.)"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .snippets import MemberUnit


@receiver(post_save, sender=MemberUnit)
def give_unit_its_section(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the section comes with the fixture
        return
    from .unit_sections import ensure_unit_section

    transaction.on_commit(lambda: ensure_unit_section(instance))


def set_up_editor_groups(sender, **kwargs):
    """After `migrate`: the corporate editors' group and one group per unit exist."""
    from .unit_sections import ensure_all_sections

    ensure_all_sections()
