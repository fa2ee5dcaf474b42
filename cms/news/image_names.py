"""Uploaded photos get random, unguessable file names.

Wagtail keeps an upload's own name (`original_images/<title-words>-photo.jpg`), and renditions
are named after it: the photos of an article not yet public would sit at URLs anyone can guess
from its title. Before a new file is first written, its name becomes 32 random hex digits with
the original extension; the image's title (what editors search and see) is untouched, and
files already stored keep their names.
"""

import os
import secrets

from django.db.models.signals import pre_save
from wagtail.images import get_image_model


def random_file_name(name: str) -> str:
    """`<32 random hex digits><the extension of name, lower-cased>`."""
    extension = os.path.splitext(os.path.basename(name or ""))[1].lower()
    return secrets.token_hex(16) + extension


def give_upload_a_random_name(sender, instance, raw=False, **kwargs):
    upload = instance.file
    # Only a file not yet written (a new upload, or a replaced file); loaddata keeps its names.
    if raw or not upload or getattr(upload, "_committed", True):
        return
    upload.name = random_file_name(upload.name)


def connect() -> None:
    pre_save.connect(give_upload_a_random_name, sender=get_image_model(), dispatch_uid="news-random-image-names")
