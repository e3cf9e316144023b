"""The images made at build time: the sizes link previews and the badge snippet promise, drawn the
same way every time."""

from __future__ import annotations

import io

from PIL import Image

from build_scripts.render.images import BADGE_PNG, BADGE_SIZE, SHARE_IMAGE, image_files


def test_the_share_image_and_badge_have_their_promised_sizes() -> None:
    files = image_files()
    for path, size in ((SHARE_IMAGE, (1200, 630)), (BADGE_PNG, BADGE_SIZE)):
        data = files[path]
        assert isinstance(data, bytes)
        assert Image.open(io.BytesIO(data)).size == size


def test_the_images_are_the_same_every_time() -> None:
    assert image_files() == image_files()
