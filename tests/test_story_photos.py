"""Partners' photos are stored and published without GPS, EXIF or XMP data,
upright, and otherwise as they were sent."""

import io
import random
import stat
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import ExifTags, Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from network.models import StorySubmissionFile

from .story_helpers import form_data, only_submission, post_story, upload

pytestmark = pytest.mark.django_db

SECRET = "SECRET-4711"
XMP = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="6,52.13N" '
    f'exif:GPSLongitude="101,15.05E" exif:BodySerialNumber="{SECRET}"/>'
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
# What must never be in a stored or published photo's bytes.
METADATA_MARKERS = [
    b"Exif\x00\x00",  # EXIF in JPEG (APP1)
    b"EXIF",  # EXIF chunk in WebP
    b"eXIf",  # EXIF chunk in PNG
    b"XMP ",  # XMP chunk in WebP
    b"http://ns.adobe.com/xap/1.0/",  # XMP in JPEG (APP1)
    b"XML:com.adobe.xmp",  # XMP in PNG (iTXt)
    b"xmpmeta",
    b"GPSLatitude",
    b"II*\x00",  # a TIFF header: EXIF without its wrapper
    b"MM\x00*",
    SECRET.encode(),
]


def camera_exif(orientation=None):
    """EXIF as a phone writes it: camera, serial number, time and place."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = f"EOS R6 {SECRET}"
    exif[ExifTags.Base.Artist] = f"สมศรี {SECRET}"
    exif[ExifTags.Base.DateTime] = "2024:06:14 10:30:00"
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.ExifOffset] = {
        ExifTags.Base.BodySerialNumber: SECRET,
        ExifTags.Base.DateTimeOriginal: "2024:06:14 10:30:00",
        ExifTags.Base.LensModel: "RF24-105mm",
    }
    exif[ExifTags.Base.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (6.0, 52.0, 8.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (101.0, 15.0, 3.0),
        ExifTags.GPS.GPSAltitude: 12.5,
    }
    return exif


def photo_pixels(size, noisy=True):
    """A photo-like picture: gradients, with noise so that it compresses like one."""
    width, height = size
    gradient = Image.linear_gradient("L").resize(size)
    noise = (
        Image.frombytes("L", size, random.Random(1).randbytes(width * height))
        if noisy
        else gradient.transpose(Image.Transpose.ROTATE_180)
    )
    return Image.merge(
        "RGB", (gradient, noise, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    )


SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def with_metadata(image_format, size=(900, 600), **extra):
    # Noise makes PNG encoding slow; a PNG is usually a graphic anyway.
    image = photo_pixels(size, noisy=image_format != "PNG")
    output = io.BytesIO()
    options = {"exif": camera_exif(), **extra}
    if image_format == "PNG":
        info = PngInfo()
        info.add_itxt("XML:com.adobe.xmp", XMP)
        info.add_text("Comment", f"ถ่ายที่ปัตตานี {SECRET}")
        options["pnginfo"] = info
    else:
        options["xmp"] = XMP.encode()
    image.save(output, format=image_format, **options)
    return output.getvalue()


PHOTOS = {
    "JPEG": lambda: upload("IMG_0001.JPG", with_metadata("JPEG", quality=92), "image/jpeg"),
    "progressive JPEG with a colour profile": lambda: upload(
        "IMG_0002.jpg",
        with_metadata("JPEG", progressive=True, icc_profile=SRGB_PROFILE),
        "image/jpeg",
    ),
    "WebP": lambda: upload("IMG_0003.webp", with_metadata("WEBP", quality=90), "image/webp"),
    "PNG with eXIf": lambda: upload("IMG_0004.png", with_metadata("PNG"), "image/png"),
    "JPEG larger than the in-memory upload limit": lambda: upload(
        "IMG_0005.jpg", with_metadata("JPEG", size=(2000, 1500), quality=100), "image/jpeg"
    ),
}

RENDITIONS = [
    "original",
    "fill-1200x630",
    "width-400",
    "max-200x200",
    "fill-100x100|format-jpeg",
    "format-webp",
    "width-300|format-png",
    "fill-600x315|format-webp",
]


def jpeg_header(data):
    """A JPEG's segments before its image data: where metadata lives. The
    compressed pixels after them can hold any four bytes, "XMP " included."""
    position = 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan
            return data[:position]
        position += 2 + int.from_bytes(data[position + 2 : position + 4], "big")
    return data


def assert_no_metadata(data, where):
    searched = jpeg_header(data) if data.startswith(b"\xff\xd8") else data
    for marker in METADATA_MARKERS:
        assert marker not in searched, f"{marker!r} in {where}"
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        exif = image.getexif()
        assert not dict(exif), f"EXIF in {where}: {dict(exif)}"
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo), f"GPS in {where}"
        assert not exif.get_ifd(ExifTags.IFD.Exif), f"camera EXIF in {where}"
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "Comment", "comment"):
            assert key not in image.info, f"{key} in {where}"
        assert not getattr(image, "text", None), f"PNG text in {where}"


def read(field_file):
    with field_file.open("rb") as source:
        return source.read()


@pytest.mark.parametrize("case", list(PHOTOS))
def test_stored_photos_and_every_rendition_carry_no_metadata(
    client, admin_client, story_site, story_settings, settings, case
):
    sent = PHOTOS[case]()
    sent_bytes = sent.read()
    sent.seek(0)
    assert SECRET.encode() in sent_bytes
    if "larger than" in case:
        assert len(sent_bytes) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    with Image.open(io.BytesIO(sent_bytes)) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo), "the test photo has GPS data"
        sent_format, sent_size = original.format, original.size
    data = form_data(story_site)
    data["photos"] = [sent]

    response = post_story(client, story_site, data)

    assert response.status_code == 302
    submission = only_submission()
    stored = submission.files.get()
    assert stored.kind == StorySubmissionFile.Kind.PHOTO
    assert stored.metadata_removed
    assert (stored.width, stored.height) == sent_size
    stored_bytes = read(stored.file)
    assert stored.size == len(stored_bytes)
    assert_no_metadata(stored_bytes, "the stored original")
    with Image.open(io.BytesIO(stored_bytes)) as kept:
        assert kept.format == sent_format, "kept in the format it was sent in"
        # Converted to sRGB, the sender's profile bytes are not needed.
        assert "icc_profile" not in kept.info

    image = stored.image
    assert image is not None and submission.page.specific.hero_image == image
    assert (image.width, image.height) == sent_size
    assert_no_metadata(read(image.file), "the Wagtail image")
    for spec in RENDITIONS:
        rendition = image.get_rendition(spec)
        assert_no_metadata(read(rendition.file), f"the {spec} rendition")

    # And whatever the page's own templates ask for.
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[submission.page_id]))
    assert preview.status_code == 200
    renditions = list(image.renditions.all())
    assert len(renditions) > len(RENDITIONS)
    for rendition in renditions:
        assert_no_metadata(read(rendition.file), f"the {rendition.filter_spec} rendition")


def test_photos_are_stripped_even_when_the_draft_page_cannot_be_made(
    client, story_site, story_settings
):
    story_site["events"].delete()
    data = form_data(story_site)
    data["photos"] = [PHOTOS["JPEG"](), PHOTOS["WebP"]()]

    response = post_story(client, story_site, data)

    assert response.status_code == 302
    submission = only_submission()
    assert submission.processing_error
    files = list(submission.files.all())
    assert len(files) == 2
    for stored in files:
        assert stored.metadata_removed
        assert stored.image is None
        assert_no_metadata(read(stored.file), f"the stored {stored.original_name}")


def test_stored_photos_are_private_files(client, story_site, story_settings):
    data = form_data(story_site)
    data["photos"] = [PHOTOS["JPEG"]()]

    assert post_story(client, story_site, data).status_code == 302

    stored = only_submission().files.get()
    path = Path(stored.file.path)
    assert path.is_relative_to(Path(story_settings.STORY_UPLOADS_ROOT))
    assert not path.is_relative_to(Path(story_settings.MEDIA_ROOT))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with pytest.raises(ValueError):
        stored.file.url  # noqa: B018 (no public address)
    # The published copy is a separate file, under MEDIA_ROOT.
    assert Path(stored.image.file.path).is_relative_to(Path(story_settings.MEDIA_ROOT))


def test_a_photo_turned_by_its_exif_is_stored_upright(client, story_site, story_settings):
    # Taken with the phone on its side: the camera stores it 640 × 480, left
    # half red and right half blue, and orientation 6 (turn clockwise to view).
    sideways = Image.new("RGB", (640, 480), (220, 20, 20))
    sideways.paste((20, 20, 220), (320, 0, 640, 480))
    output = io.BytesIO()
    sideways.save(output, format="JPEG", quality=95, exif=camera_exif(orientation=6))
    data = form_data(story_site)
    data["photos"] = [upload("IMG_0006.jpg", output.getvalue())]

    response = post_story(client, story_site, data)

    assert response.status_code == 302
    stored = only_submission().files.get()
    assert (stored.width, stored.height) == (480, 640)
    for where, data in (("stored", read(stored.file)), ("published", read(stored.image.file))):
        with Image.open(io.BytesIO(data)) as upright:
            assert upright.size == (480, 640), where
            assert not upright.getexif().get(ExifTags.Base.Orientation), where
            top, bottom = upright.getpixel((240, 100)), upright.getpixel((240, 540))
            assert top[0] > 150 and top[2] < 100, f"{where}: the red half is on top"
            assert bottom[2] > 150 and bottom[0] < 100, f"{where}: the blue half is below"
    assert (stored.image.width, stored.image.height) == (480, 640)
    rendition = stored.image.get_rendition("width-240")
    assert (rendition.width, rendition.height) == (240, 320)


def test_a_transparent_png_stays_transparent(client, story_site, story_settings):
    logo = Image.new("P", (200, 100), 0)
    logo.putpalette([255, 255, 255, 0, 102, 51] + [0] * 762)
    logo.paste(1, (50, 25, 150, 75))
    output = io.BytesIO()
    logo.save(output, format="PNG", transparency=0)
    data = form_data(story_site)
    data["photos"] = [upload("logo.png", output.getvalue(), "image/png")]

    assert post_story(client, story_site, data).status_code == 302

    stored = only_submission().files.get()
    for where, data in (("stored", read(stored.file)), ("published", read(stored.image.file))):
        with Image.open(io.BytesIO(data)) as kept:
            rgba = kept.convert("RGBA")
            assert rgba.getpixel((5, 5))[3] == 0, f"{where}: the background is still transparent"
            assert rgba.getpixel((100, 50)) == (0, 102, 51, 255), where


def test_photos_keep_their_order_and_their_names_for_staff(client, story_site, story_settings):
    names = ["ช่วงเช้า.jpg", "ช่วงบ่าย.webp", "ปิดงาน.png"]
    data = form_data(story_site)
    data["photos"] = [
        upload(names[0], with_metadata("JPEG"), "image/jpeg"),
        upload(names[1], with_metadata("WEBP"), "image/webp"),
        upload(names[2], with_metadata("PNG"), "image/png"),
    ]

    assert post_story(client, story_site, data).status_code == 302

    submission = only_submission()
    files = list(submission.files.order_by("sort_order"))
    assert [f.original_name for f in files] == names
    assert [f.content_type for f in files] == ["image/jpeg", "image/webp", "image/png"]
    assert [f.file.name.rsplit(".", 1)[1] for f in files] == ["jpg", "webp", "png"]
    for stored in files:
        # The stored name says nothing about the partner's file.
        assert stored.original_name.rsplit(".", 1)[0] not in stored.file.name
        assert stored.file.name.startswith(f"{submission.reference}/")
    page = submission.page.specific
    assert [g.image for g in page.gallery_images.all()] == [f.image for f in files]
