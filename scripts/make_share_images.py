"""Draw the site's default share image and its logo, once, with Pillow.

    .venv/bin/python scripts/make_share_images.py

Writes site/static/img/share-default.png (1200×630: what LINE, Facebook and X
show for a page without a picture of its own) and site/static/img/logo.png
(512×512: the foundation's logo in structured data). Both carry the site's
name in Thai and English on the brand colour, in the Sarabun font that ships
with the demo content. Run it again after the site is renamed, and commit the
two files.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "demo" / "fonts" / "Sarabun-Regular.ttf"
OUTPUT = ROOT / "site" / "static" / "img"

THAI_NAME = "มูลนิธิภาคีสร้างสุข"
ENGLISH_NAME = "Phakhi Sang Suk Foundation"
BRAND = (0x0B, 0x5D, 0x55)
WHITE = (255, 255, 255)
PALE = (0xD4, 0xEC, 0xE8)


def draw_mark(draw, centre_x, centre_y, radius):
    """Two people side by side, heads and shoulders, as on the favicon."""
    scale = radius / 30  # drawn on the favicon's 64-unit grid

    def at(x, y):
        return centre_x + (x - 32) * scale, centre_y + (y - 32) * scale

    for middle in (20, 44):
        draw.ellipse([*at(middle - 9, 6), *at(middle + 9, 24)], fill=WHITE)
        draw.pieslice([*at(middle - 16, 30), *at(middle + 16, 62)], 180, 360, fill=WHITE)


def centred_text(draw, text, font, centre_x, top, fill):
    left, _top, right, _bottom = draw.textbbox((0, 0), text, font=font)
    draw.text((centre_x - (right - left) / 2, top), text, font=font, fill=fill)


def share_image():
    image = Image.new("RGB", (1200, 630), BRAND)
    draw = ImageDraw.Draw(image)
    draw_mark(draw, 600, 175, 85)
    centred_text(draw, THAI_NAME, ImageFont.truetype(str(FONT), 96), 600, 290, WHITE)
    centred_text(draw, ENGLISH_NAME, ImageFont.truetype(str(FONT), 52), 600, 440, PALE)
    return image


def logo():
    image = Image.new("RGB", (512, 512), BRAND)
    draw = ImageDraw.Draw(image)
    draw_mark(draw, 256, 170, 100)
    centred_text(draw, "ภาคีสร้างสุข", ImageFont.truetype(str(FONT), 72), 256, 300, WHITE)
    centred_text(draw, "Phakhi Sang Suk", ImageFont.truetype(str(FONT), 40), 256, 410, PALE)
    return image


if __name__ == "__main__":
    share_image().save(OUTPUT / "share-default.png", optimize=True)
    logo().save(OUTPUT / "logo.png", optimize=True)
    print("wrote", OUTPUT / "share-default.png", "and", OUTPUT / "logo.png")
