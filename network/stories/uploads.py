"""Checking partners' files by their content, and re-encoding their photos.

A file's name and the browser's content type are the partner's word only; the
bytes decide. Photos are decoded completely before they are accepted, so a
truncated or corrupt file is an error on the form, not a failure later, and
they are re-encoded from their pixels alone, so no EXIF, GPS or XMP data is
ever stored.
"""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps

PHOTO_FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
PDF_MAGIC = b"%PDF-"
JPEG_QUALITY = 88
WEBP_QUALITY = 85

# Pillow must never fill in a truncated image with grey.
ImageFile.LOAD_TRUNCATED_IMAGES = False


@dataclass
class CheckedPhoto:
    format: str
    width: int
    height: int

    @property
    def content_type(self):
        return PHOTO_FORMATS[self.format][0]

    @property
    def extension(self):
        return PHOTO_FORMATS[self.format][1]


def too_large_error(upload, limit):
    return ValidationError(
        _("“%(name)s” is %(size)s; a file may be at most %(limit)s."),
        code="file_too_large",
        params={
            "name": upload.name,
            "size": filesizeformat(upload.size),
            "limit": filesizeformat(limit),
        },
    )


def unreadable_photo_error(upload):
    return ValidationError(
        _(
            "“%(name)s” could not be read as a photo. It may be damaged or only partly "
            "uploaded. Please choose a JPEG, PNG or WebP photo."
        ),
        code="invalid_image",
        params={"name": upload.name},
    )


def too_many_pixels_error(upload, width, height, max_pixels):
    return ValidationError(
        _(
            "“%(name)s” is %(width)s × %(height)s pixels; a photo may have at "
            "most %(megapixels)s megapixels. Please send a smaller copy."
        ),
        code="image_too_many_pixels",
        params={
            "name": upload.name,
            "width": width,
            "height": height,
            "megapixels": max_pixels // 1_000_000,
        },
    )


def claimed_size(upload):
    """The size in a photo's header, read without Pillow's decompression bomb
    check, which refuses to open a very large image at all. None if unknown."""
    upload.seek(0)
    prefix = upload.read(16)
    for image_format in PHOTO_FORMATS:
        factory, accept = Image.OPEN.get(image_format, (None, None))
        if factory is None or (accept is not None and not accept(prefix)):
            continue
        upload.seek(0)
        try:
            with factory(upload, upload.name) as image:
                return image.size
        except Exception:  # noqa: S112 (any failure only means the size is unknown)
            continue
    return None


def check_photo(upload):
    """Return what the photo is, or raise a ValidationError a partner understands."""
    max_bytes = settings.STORY_PHOTO_MAX_BYTES
    max_pixels = settings.STORY_PHOTO_MAX_PIXELS
    if upload.size > max_bytes:
        raise too_large_error(upload, max_bytes)
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns, then raises, on huge images; the size is checked here first.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.format not in PHOTO_FORMATS:
                    raise ValidationError(
                        _(
                            "“%(name)s” is not a JPEG, PNG or WebP photo. "
                            "Please choose a photo in one of those formats."
                        ),
                        code="invalid_image_type",
                        params={"name": upload.name},
                    )
                width, height = image.size
                if width * height > max_pixels:
                    raise too_many_pixels_error(upload, width, height, max_pixels)
                image.load()
                photo = CheckedPhoto(image.format, width, height)
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        # Far more pixels than the limit: say so, not that the photo is damaged.
        size = claimed_size(upload)
        if size is None:
            raise unreadable_photo_error(upload) from error
        raise too_many_pixels_error(upload, *size, max_pixels) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise unreadable_photo_error(upload) from error
    finally:
        upload.seek(0)
    return photo


def check_pdf(upload):
    max_bytes = settings.STORY_PDF_MAX_BYTES
    if upload.size > max_bytes:
        raise too_large_error(upload, max_bytes)
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if PDF_MAGIC not in head:
        raise ValidationError(
            _("“%(name)s” is not a PDF file. Please choose a PDF."),
            code="invalid_pdf",
            params={"name": upload.name},
        )


def reencode_photo(data):
    """The photo's pixels in a new file of the same format, with no metadata but
    its colour profile. Returns (bytes, width, height)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            icc_profile = image.info.get("icc_profile")
            transparency = image.info.get("transparency")
            original_mode = image.mode
            # Phones record rotation in EXIF; apply it before EXIF is dropped.
            upright = ImageOps.exif_transpose(image)
            if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            elif upright.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                upright = upright.convert("RGBA" if "A" in upright.getbands() else "RGB")
            # A new image from the pixels alone carries none of the original's info.
            clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
            if upright.mode == "P":
                clean.putpalette(upright.getpalette())
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if transparency is not None and image_format == "PNG" and clean.mode == original_mode:
        # A palette (or single-colour) transparency is kept in info, not in the pixels.
        options["transparency"] = transparency
    if image_format == "JPEG":
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif image_format == "WEBP":
        options.update(quality=WEBP_QUALITY)
    else:
        options.update(optimize=True)
    output = io.BytesIO()
    clean.save(output, format=image_format, **options)
    return output.getvalue(), clean.width, clean.height
