"""Model signals that keep cached API keys true. (The change log, changes.py, is written by the
publish pipeline: cms/publishing/services.py.)"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from .models import ApiKey


def forget_cached_key(sender, instance, **kwargs):
    from .keys import cache_key_for

    cache.delete(cache_key_for(instance.hashed_key))


def connect() -> None:
    post_save.connect(forget_cached_key, sender=ApiKey, dispatch_uid="api-keys-saved")
    post_delete.connect(forget_cached_key, sender=ApiKey, dispatch_uid="api-keys-deleted")
