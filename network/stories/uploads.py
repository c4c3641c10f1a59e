"""Checking partners' files by their content, and re-encoding their photos.

A file's name and the browser's content type are the partner's word only; the
bytes decide. Photos are decoded completely before they are accepted, so a
truncated or corrupt file is an error on the form, not a failure later, and
they are re-encoded from their pixels alone, so no EXIF, GPS, XMP, comment,
text chunk or colour profile of the sender's is ever stored: each of those can
carry markup that a browser would run if it ever sniffed the file as HTML.
"""

import io
import re
import warnings
from dataclasses import dataclass

import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageFile, ImageOps

PHOTO_FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
PDF_MAGIC = b"%PDF-"
PDF_EXTENSION = "pdf"
JPEG_QUALITY = 88
WEBP_QUALITY = 85

# Pillow must never fill in a truncated image with grey.
ImageFile.LOAD_TRUNCATED_IMAGES = False

SRGB = ImageCms.createProfile("sRGB")

# Where each format's image ends; what follows is no part of the photo.
IMAGE_ENDS = {"JPEG": b"\xff\xd9", "PNG": b"IEND"}
# Markup after the end of an image makes a polyglot: a photo to Pillow, a page
# to a browser that sniffs. (Phones append more JPEGs there, never markup.)
MARKUP = re.compile(
    rb"<\s*(?:script|html|head|body|svg|iframe|object|embed|!doctype|meta|style)", re.I
)


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


def polyglot_error(upload):
    return ValidationError(
        _(
            "“%(name)s” has something other than a photo after the end of the picture. "
            "Please send the photo as the camera or phone saved it."
        ),
        code="image_with_trailing_data",
        params={"name": upload.name},
    )


def after_image_end(data, image_format):
    if image_format == "WEBP":
        # A RIFF file says its own length.
        return data[8 + int.from_bytes(data[4:8], "little") :]
    end = data.find(IMAGE_ENDS[image_format])
    return data[end:] if end >= 0 else b""


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
        upload.seek(0)
        if MARKUP.search(after_image_end(upload.read(), photo.format)):
            raise polyglot_error(upload)
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


def not_a_pdf_error(upload):
    return ValidationError(
        _("“%(name)s” is not a PDF file. Please choose a PDF."),
        code="invalid_pdf",
        params={"name": upload.name},
    )


def check_pdf(upload):
    max_bytes = settings.STORY_PDF_MAX_BYTES
    if upload.size > max_bytes:
        raise too_large_error(upload, max_bytes)
    upload.seek(0)
    try:
        # A PDF starts with its magic; anything before it is how a polyglot hides.
        if upload.read(len(PDF_MAGIC)) != PDF_MAGIC:
            raise not_a_pdf_error(upload)
        upload.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                reader = pypdf.PdfReader(upload, strict=False)
                if len(reader.pages) < 1:
                    raise not_a_pdf_error(upload)
        except ValidationError:
            raise
        except Exception as error:
            # pypdf raises many kinds of error on a damaged file; all mean "not a PDF".
            raise not_a_pdf_error(upload) from error
    finally:
        upload.seek(0)


def in_srgb(image, icc_profile):
    """The pixels converted from the sender's colour profile to sRGB, so that
    the profile itself (the sender's bytes) need not be kept."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        has_alpha = "A" in image.getbands() or "transparency" in image.info
        mode = "RGBA" if has_alpha else "RGB"
        if image.mode not in ("RGB", "RGBA", "CMYK", "L", "LA"):
            image = image.convert(mode)
        output_mode = mode if image.mode != "CMYK" else "RGB"
        return ImageCms.profileToProfile(image, source, SRGB, outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        # A profile that cannot be read is ignored, as a browser would ignore it.
        return image


def pixels_only(image, image_format):
    """A new image holding the pixels and nothing else: no palette, no info."""
    if image_format == "JPEG":
        target = "L" if image.mode == "L" else "RGB"
    elif image.mode in ("RGB", "RGBA", "L", "LA"):
        target = image.mode
    else:
        # Palettes and transparency keys are sender's bytes too; spell them out as pixels.
        has_alpha = "A" in image.getbands() or "transparency" in image.info
        target = "RGBA" if has_alpha else "RGB"
    if image.mode != target:
        image = image.convert(target)
    return Image.frombytes(image.mode, image.size, image.tobytes())


def reencode_photo(data):
    """The photo's pixels, in sRGB, in a new file of the same format with no
    metadata at all. Returns (bytes, width, height)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            icc_profile = image.info.get("icc_profile")
            # Phones record rotation in EXIF; apply it before EXIF is dropped.
            upright = ImageOps.exif_transpose(image)
            if icc_profile:
                upright = in_srgb(upright, icc_profile)
            clean = pixels_only(upright, image_format)
    if image_format == "JPEG":
        options = {"quality": JPEG_QUALITY, "optimize": True}
    elif image_format == "WEBP":
        options = {"quality": WEBP_QUALITY}
    else:
        options = {"optimize": True}
    output = io.BytesIO()
    clean.save(output, format=image_format, **options)
    return output.getvalue(), clean.width, clean.height
