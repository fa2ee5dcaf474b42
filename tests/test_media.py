"""Photos in production: unguessable file names, and served by nginx as a deployment serves them."""

import re

import pytest

from tests.factories import ImageFactory, image_file

pytestmark = pytest.mark.django_db

RANDOM_NAME = re.compile(r"original_images/[0-9a-f]{32}\.jpg")


def test_uploaded_photo_gets_a_random_unguessable_name_keeping_its_extension():
    first = ImageFactory(title="Lễ ký kết hợp đồng", file=image_file(name="le-ky-ket-hop-dong-photo.JPG"))
    second = ImageFactory(title="Lễ ký kết hợp đồng", file=image_file(name="le-ky-ket-hop-dong-photo.JPG"))

    assert RANDOM_NAME.fullmatch(first.file.name), first.file.name
    assert first.file.name != second.file.name
    assert "ky-ket" not in first.get_rendition("width-400").file.name
    assert first.title == "Lễ ký kết hợp đồng"


def test_an_image_already_stored_keeps_its_file_name_when_saved_again():
    image = ImageFactory(file=image_file(name="anh.jpg"))
    name = image.file.name
    image.title = "Tên mới"
    image.save()
    image.refresh_from_db()
    assert image.file.name == name
    assert image.file.storage.exists(name)


def test_a_replaced_file_gets_a_new_random_name():
    image = ImageFactory(file=image_file(name="anh.jpg"))
    old = image.file.name
    image.file = image_file(name="tin-chua-cong-bo.png")  # as the admin's edit form replaces it
    image.save()
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.png", image.file.name), image.file.name
    assert image.file.name != old
