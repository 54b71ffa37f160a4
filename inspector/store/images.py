"""Photos stored downscaled: a phone's 12-50 megapixel shot becomes 2,560 px on its long edge.

Evidence photos are looked at on a screen or printed a few centimetres wide;
full-size originals only multiplied what every bundle carried (700 phone
photos came to 2.2 GiB). An image Pillow can open (JPEG, PNG, HEIC when a
HEIF plugin is installed) whose long edge is over LONG_EDGE is turned
upright by its EXIF orientation, resized with LANCZOS and saved as JPEG,
keeping its other EXIF tags (the date it was taken). Anything else, a PDF
scan or a small photo, is stored as it came.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

LONG_EDGE = 2560
JPEG_QUALITY = 85
_FORMATS = {"JPEG", "MPO", "PNG", "HEIF", "HEIC"}
_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Stored:
    """The bytes to store and, when they are a new JPEG, its name and type."""

    data: bytes
    filename: str
    mime: str | None


def downscaled(data: bytes, filename: str) -> Stored:
    """`data` as it should be stored: downscaled if it is a large photo, else unchanged."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    unchanged = Stored(data, filename, None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in _FORMATS or max(image.size) <= LONG_EDGE:
                return unchanged
            image.load()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        ValueError,
        SyntaxError,
    ):
        return unchanged  # not an image Pillow can read safely: keep the bytes
    exif = image.getexif()
    # Resized before it is turned: the long edge is the same either way, and
    # turning the smaller image costs a third of turning the original.
    image.thumbnail((LONG_EDGE, LONG_EDGE), Image.Resampling.LANCZOS)
    upright = ImageOps.exif_transpose(image)
    if upright.mode != "RGB":
        upright = _on_white(upright)
    if _ORIENTATION in exif:
        del exif[_ORIENTATION]  # the pixels are upright now
    out = io.BytesIO()
    upright.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, exif=exif.tobytes())
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    return Stored(out.getvalue(), f"{stem or 'photo'}.jpg", "image/jpeg")


def _on_white(image: Image.Image) -> Image.Image:
    """RGB for JPEG: transparency (a PNG screenshot) laid on white, not on black."""
    from PIL import Image

    rgba = image.convert("RGBA")
    white = Image.new("RGB", rgba.size, (255, 255, 255))
    white.paste(rgba, mask=rgba.getchannel("A"))
    return white
