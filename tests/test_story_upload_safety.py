"""A partner's file can never become a page of the site: stored names and
extensions come from what the file decodes as, every metadata slot is dropped,
and /media/ answers with nosniff and a sandbox."""

import io
import secrets
from pathlib import Path

import pytest
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from .media_route import media_url
from .story_helpers import form_data, jpeg_bytes, only_submission, post_story, upload

pytestmark = pytest.mark.django_db

SCRIPT = b"<script>alert(1)</script>"
SENT_NAMES = ["{token}.html", "{token}.svg", "{token}.xhtml", "{token}.js", "{token}"]
IMAGE_EXTENSIONS = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP", "avif": "AVIF"}


def marked_photo(image_format, marker):
    """A real photo with markup and the marker in every metadata slot."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    icc = profile + SCRIPT + marker
    exif = Image.Exif()
    exif[0x010E] = f"<script>alert(1)</script>{marker.decode()}"  # ImageDescription
    exif[0x013B] = marker.decode()  # Artist
    exif[0x8825] = {1: "N", 2: (6.0, 52.0, 8.0)}  # GPS
    xmp = b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>" + SCRIPT + marker + b"</x:xmpmeta>"
    image = Image.linear_gradient("L").resize((96, 64)).convert("RGB")
    output = io.BytesIO()
    options = {"icc_profile": icc, "exif": exif}
    if image_format == "JPEG":
        options.update(comment=SCRIPT + marker, xmp=xmp)
    elif image_format == "PNG":
        info = PngInfo()
        info.add_text("Comment", (SCRIPT + marker).decode())
        info.add_itxt("XML:com.adobe.xmp", xmp.decode())
        options["pnginfo"] = info
    else:
        options["xmp"] = xmp
    image.save(output, format=image_format, **options)
    data = output.getvalue()
    assert marker in data
    return data


def files_under(root):
    return [path for path in Path(root).rglob("*") if path.is_file()]


@pytest.mark.usefixtures("media_route")
@pytest.mark.parametrize("sent_name", SENT_NAMES)
@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_no_sender_chosen_bytes_or_names_reach_the_disk(
    client, story_site, story_settings, image_format, sent_name
):
    marker = f"MARK{secrets.token_hex(8)}".encode()
    token = f"evil{secrets.token_hex(6)}"
    data = form_data(story_site)
    data["photos"] = [
        upload(sent_name.format(token=token), marked_photo(image_format, marker), "text/html")
    ]

    assert post_story(client, story_site, data).status_code == 302
    submission = only_submission()
    page = submission.page.specific
    page.get_latest_revision().publish()
    assert client.get(page.url).status_code == 200

    media = files_under(story_settings.MEDIA_ROOT)
    private = files_under(story_settings.STORY_UPLOADS_ROOT)
    assert media and private
    for path in media + private:
        content = path.read_bytes()
        assert marker not in content, path.name
        assert b"alert(1)" not in content, path.name
        assert token not in str(path), path.name
        extension = path.suffix.lstrip(".")
        assert extension in IMAGE_EXTENSIONS, path.name
        with Image.open(path) as stored:
            assert stored.format == IMAGE_EXTENSIONS[extension]
            assert "icc_profile" not in stored.info
    for path in media:
        response = client.get(media_url(path, story_settings.MEDIA_ROOT))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("image/")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "sandbox"


def test_published_names_are_random_not_the_reference(client, story_site, story_settings):
    data = form_data(story_site)
    data["photos"] = [upload("a.jpg", jpeg_bytes()), upload("b.jpg", jpeg_bytes())]

    assert post_story(client, story_site, data).status_code == 302
    submission = only_submission()
    for stored in submission.files.all():
        for name in (stored.file.name, stored.image.file.name):
            stem = Path(name).stem
            assert submission.reference not in stem
            assert len(stem) >= 32 and int(stem, 16) >= 0


def polyglot():
    return jpeg_bytes() + b"<html><script>alert(1)</script></html>"


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
BAD_PHOTOS = {
    "text named .jpg": lambda: upload("photo.jpg", b"<html>not a photo</html>"),
    "JPEG with HTML after its end": lambda: upload("photo.jpg", polyglot()),
    "SVG named .png": lambda: upload("logo.png", SVG, "image/png"),
    "truncated JPEG": lambda: upload("photo.jpg", jpeg_bytes()[:-400]),
}


@pytest.mark.parametrize("case", list(BAD_PHOTOS))
def test_a_file_that_is_not_a_clean_photo_is_refused_in_thai(
    client, story_site, story_settings, case
):
    data = form_data(story_site)
    data["photos"] = [BAD_PHOTOS[case]()]

    response = post_story(client, story_site, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "กรุณา" in html
    assert "alert(1)" not in html
    # Nothing else the partner typed is lost.
    assert data["title"] in html
    assert not files_under(story_settings.STORY_UPLOADS_ROOT)


PDFS = {
    "no PDF magic": b"<html><script>alert(1)</script></html>",
    "HTML before the magic": b"<html>" + b"%PDF-1.4\n%%EOF\n",
    "magic but no PDF": b"%PDF-1.4\n<script>alert(1)</script>",
}


@pytest.mark.parametrize("case", list(PDFS))
def test_a_file_that_is_not_a_pdf_is_refused(client, story_site, story_settings, case):
    data = form_data(story_site)
    data["pdf"] = upload("report.pdf", PDFS[case], "application/pdf")

    response = post_story(client, story_site, data)

    assert response.status_code == 200
    assert "ไม่ใช่ไฟล์ PDF" in response.content.decode()
