"""Reading uploaded images safely, and the square pictures on people's and organisations' cards.

`decoded` opens an image fully (a broken file fails here, not later) with a pixel limit against
decompression bombs. `square` turns it upright by its EXIF orientation, crops the centre square
(a logo is padded instead, so no letters are cut off) and re-encodes it without metadata: no
EXIF, GPS or camera data leaves the server.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

PICTURE_SIZE = 256  # pixels a side: sharp at 2.5 rem on a 3× phone screen


@dataclass(frozen=True)
class Picture:
    extension: str
    content: bytes


def decoded(data: bytes, *, max_pixels: int) -> Image.Image:
    """The fully decoded image; ValidationError when it is broken or has too many pixels."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            width, height = probe.size
            if width * height > max_pixels:
                raise ValidationError(
                    _(
                        "The image is %(width)s × %(height)s pixels; at most %(limit)s million "
                        "pixels are accepted."
                    )
                    % {"width": width, "height": height, "limit": max_pixels // 1_000_000},
                    code="pixels",
                )
            probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The image has too many pixels; at most %(limit)s million are accepted.")
            % {"limit": max_pixels // 1_000_000},
            code="pixels",
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The image is damaged or not an image: it cannot be read."), code="broken"
        ) from error
    return image


def square(data: bytes, *, max_pixels: int, pad: bool = False) -> Picture:
    """A `PICTURE_SIZE` square of the image: cropped to its centre, or padded when `pad`.

    A picture with transparency stays a PNG; everything else becomes a JPEG.
    """
    image = ImageOps.exif_transpose(decoded(data, max_pixels=max_pixels))
    transparent = "A" in image.getbands() or "transparency" in image.info
    image = image.convert("RGBA" if transparent else "RGB")
    size = (PICTURE_SIZE, PICTURE_SIZE)
    if pad:
        white = (255, 255, 255, 0) if transparent else (255, 255, 255)
        shaped = ImageOps.pad(image, size, Image.Resampling.LANCZOS, color=white)
    else:
        shaped = ImageOps.fit(image, size, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # No `exif=` and no text chunks are passed: the new file carries no metadata.
    if transparent:
        shaped.save(out, "PNG", optimize=True)
        return Picture("png", out.getvalue())
    shaped.save(out, "JPEG", quality=85, optimize=True)
    return Picture("jpg", out.getvalue())
