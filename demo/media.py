"""Text-free pictures drawn with Pillow for the demo: photo-like scenes, book
covers and partner logos. Nothing is downloaded; the same key always draws the
same picture.
"""

import functools
import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

PHOTO_SIZE = (1600, 900)
COVER_SIZE = (1200, 1700)
LOGO_SIZE = (480, 480)

SKIN = [(241, 194, 160), (224, 172, 130), (198, 134, 90), (160, 103, 66), (120, 78, 50)]
CLOTHES = [
    (52, 101, 164),
    (204, 82, 64),
    (243, 178, 60),
    (92, 153, 96),
    (134, 92, 168),
    (230, 230, 225),
    (40, 48, 60),
    (218, 112, 150),
    (70, 160, 170),
    (150, 120, 90),
]
NOTES = [(255, 224, 102), (255, 160, 122), (144, 238, 144), (135, 206, 250), (238, 130, 238)]

LOGO_PALETTES = {
    "plum": ((112, 48, 120), (240, 160, 200)),
    "leaf": ((34, 110, 60), (170, 220, 120)),
    "navy": ((20, 40, 100), (240, 200, 80)),
    "silver": ((60, 70, 80), (190, 205, 215)),
    "sun": ((220, 90, 30), (255, 210, 80)),
    "teal": ((10, 110, 120), (120, 220, 200)),
    "dove": ((40, 90, 160), (245, 245, 240)),
    "sea": ((0, 90, 150), (120, 200, 230)),
    "wave": ((90, 40, 140), (250, 150, 90)),
    "heart": ((200, 40, 70), (255, 200, 200)),
}


def rng_for(key):
    # Seeded for repeatable pictures, not for security.
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:16], 16))  # noqa: S311


def gradient(size, top, bottom):
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def jitter(colour, rng, amount=18):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def person(draw, x, y, scale, rng, seated=False):
    """A simple figure whose shoulders are at (x, y)."""
    head = 34 * scale
    body_w, body_h = 110 * scale, (120 if seated else 200) * scale
    draw.rounded_rectangle(
        [x - body_w / 2, y, x + body_w / 2, y + body_h], radius=40 * scale, fill=rng.choice(CLOTHES)
    )
    draw.ellipse([x - head, y - 2.3 * head, x + head, y - 0.3 * head], fill=rng.choice(SKIN))
    hair = rng.choice([(30, 25, 20), (60, 40, 30), (20, 20, 20), (90, 70, 50)])
    if rng.random() < 0.4:  # a headscarf
        hair = rng.choice([(240, 240, 240), (40, 60, 110), (150, 60, 90), (60, 120, 100)])
        draw.chord(
            [x - head * 1.15, y - 2.45 * head, x + head * 1.15, y - 0.1 * head], 180, 360, fill=hair
        )
    else:
        draw.chord([x - head, y - 2.35 * head, x + head, y - 0.9 * head], 180, 360, fill=hair)


def scene_meeting(size, rng):
    w, h = size
    image = gradient(size, jitter((235, 225, 205), rng), jitter((200, 180, 150), rng))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, h * 0.62, w, h], fill=jitter((150, 110, 80), rng))
    for i in range(rng.randint(2, 3)):  # windows
        left = w * (0.1 + 0.3 * i)
        draw.rectangle(
            [left, h * 0.1, left + w * 0.18, h * 0.42], fill=jitter((190, 220, 240), rng)
        )
    count = rng.randint(4, 6)
    for i in range(count):  # behind the table
        person(draw, w * (0.18 + 0.64 * i / max(1, count - 1)), h * 0.5, 1.0, rng, seated=True)
    draw.rounded_rectangle(
        [w * 0.1, h * 0.6, w * 0.9, h * 0.74], radius=20, fill=jitter((120, 80, 50), rng)
    )
    for _ in range(rng.randint(5, 9)):  # papers and cups
        x = w * rng.uniform(0.14, 0.84)
        draw.rectangle([x, h * 0.62, x + 50, h * 0.66], fill=(250, 250, 245))
    for _ in range(rng.randint(2, 4)):  # backs in the foreground
        person(draw, w * rng.uniform(0.1, 0.9), h * 0.82, 1.5, rng, seated=True)
    return image


def scene_workshop(size, rng):
    w, h = size
    image = gradient(size, jitter((225, 230, 235), rng), jitter((185, 190, 200), rng))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, h * 0.7, w, h], fill=jitter((120, 120, 130), rng))
    left, top, right, bottom = w * 0.15, h * 0.08, w * 0.85, h * 0.58
    draw.rectangle([left - 10, top - 10, right + 10, bottom + 10], fill=(90, 70, 50))
    draw.rectangle([left, top, right, bottom], fill=(248, 248, 244))
    cols, rows = rng.randint(6, 9), rng.randint(3, 4)
    for c in range(cols):
        for r in range(rows):
            if rng.random() < 0.8:
                x = left + (c + 0.15) * (right - left) / cols
                y = top + (r + 0.15) * (bottom - top) / rows
                draw.rectangle([x, y, x + 60, y + 60], fill=rng.choice(NOTES))
    for _ in range(rng.randint(5, 8)):
        person(draw, w * rng.uniform(0.05, 0.95), h * rng.uniform(0.72, 0.8), 1.4, rng, seated=True)
    return image


def scene_landscape(size, rng):
    w, h = size
    image = gradient(size, jitter((120, 170, 220), rng, 25), jitter((250, 210, 170), rng, 20))
    draw = ImageDraw.Draw(image)
    sun_x, sun_y = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.15, 0.35)
    draw.ellipse([sun_x - 70, sun_y - 70, sun_x + 70, sun_y + 70], fill=(255, 236, 180))
    for layer, base in enumerate([0.45, 0.52, 0.6]):
        colour = jitter((60 + layer * 20, 110 + layer * 15, 80 + layer * 10), rng)
        phase, freq = rng.uniform(0, 6), rng.uniform(1.5, 3.0)
        points = [(0, h)]
        for step in range(0, w + 40, 40):
            points.append((step, h * base + 40 * math.sin(phase + freq * step / w * math.pi)))
        points.append((w, h))
        draw.polygon(points, fill=colour)
    draw.rectangle([0, h * 0.7, w, h], fill=jitter((70, 130, 170), rng))
    for _ in range(14):  # light on the water
        y = h * rng.uniform(0.72, 0.98)
        x = w * rng.uniform(0, 0.9)
        draw.line([x, y, x + rng.randint(60, 200), y], fill=(200, 225, 240), width=3)
    for _ in range(rng.randint(1, 3)):  # boats
        x, y = w * rng.uniform(0.1, 0.9), h * rng.uniform(0.75, 0.9)
        draw.polygon(
            [(x - 60, y), (x + 60, y), (x + 40, y + 20), (x - 40, y + 20)], fill=(90, 50, 40)
        )
    return image


def scene_city(size, rng):
    w, h = size
    image = gradient(size, jitter((250, 190, 140), rng, 20), jitter((150, 170, 210), rng, 20))
    draw = ImageDraw.Draw(image)
    x = 0
    while x < w:
        bw, bh = rng.randint(90, 220), h * rng.uniform(0.25, 0.7)
        colour = jitter((110, 110, 130), rng, 30)
        draw.rectangle([x, h * 0.8 - bh, x + bw, h * 0.8], fill=colour)
        for wy in range(int(h * 0.8 - bh + 20), int(h * 0.8 - 20), 36):
            for wx in range(x + 14, x + bw - 20, 30):
                if rng.random() < 0.6:
                    draw.rectangle([wx, wy, wx + 14, wy + 18], fill=(255, 230, 160))
        x += bw + rng.randint(4, 20)
    draw.rectangle([0, h * 0.8, w, h], fill=(70, 70, 75))
    for i in range(0, w, 120):
        draw.rectangle([i, h * 0.89, i + 60, h * 0.9], fill=(240, 240, 240))
    return image


def scene_crowd(size, rng):
    w, h = size
    image = gradient(size, jitter((170, 210, 230), rng), jitter((230, 220, 200), rng))
    draw = ImageDraw.Draw(image)
    banner = jitter(rng.choice([(200, 60, 60), (40, 110, 170), (60, 140, 80)]), rng)
    draw.rectangle([w * 0.12, h * 0.06, w * 0.88, h * 0.22], fill=banner)
    draw.rectangle([w * 0.15, h * 0.1, w * 0.85, h * 0.18], outline=(255, 255, 255), width=4)
    for row, (y, scale, count) in enumerate([(0.42, 0.9, 11), (0.55, 1.1, 9), (0.7, 1.35, 7)]):
        for i in range(count):
            x = w * (0.06 + 0.88 * (i + 0.5 * (row % 2)) / count)
            person(draw, x, h * y, scale, rng)
    return image


def scene_abstract(size, rng):
    w, h = size
    image = gradient(
        size, jitter((250, 200, 120), rng, 30), jitter((200, 90, 120), rng, 30)
    ).convert("RGBA")
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(rng.randint(9, 14)):
        r = rng.uniform(80, 300)
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        draw.ellipse(
            [x - r, y - r, x + r, y + r], fill=(*rng.choice(CLOTHES), rng.randint(90, 170))
        )
    for i in range(-h, w, 140):
        draw.line([i, h, i + h, 0], fill=(255, 255, 255, 50), width=24)
    return Image.alpha_composite(image, layer).convert("RGB")


def scene_rainbow(size, rng):
    w, h = size
    image = gradient(size, jitter((50, 40, 100), rng), jitter((20, 20, 50), rng))
    draw = ImageDraw.Draw(image)
    colours = [
        (230, 60, 60),
        (245, 150, 40),
        (245, 220, 60),
        (70, 180, 90),
        (60, 130, 220),
        (140, 80, 200),
    ]
    band = max(w, h) / 14
    for i, colour in enumerate(colours):
        offset = (i - 3) * band
        draw.polygon(
            [
                (-w * 0.2, h * 0.9 + offset),
                (w * 1.2, h * 0.1 + offset),
                (w * 1.2, h * 0.1 + offset + band),
                (-w * 0.2, h * 0.9 + offset + band),
            ],
            fill=colour,
        )
    for _ in range(40):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(2, 6)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255))
    return image


def scene_butterfly(size, rng):
    w, h = size
    image = gradient(
        size, jitter((250, 160, 100), rng, 10), jitter((220, 90, 130), rng, 10)
    ).convert("RGBA")
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    cx, cy = w / 2, h * 0.45
    wing = [(60, 30, 90, 230), (250, 230, 120, 230), (40, 140, 160, 230), (255, 255, 255, 200)]
    for side in (-1, 1):
        for (dx, dy, rx, ry), colour in zip(
            [
                (230, 150, 250, 220),
                (190, -130, 200, 240),
                (230, 150, 170, 150),
                (200, -120, 120, 140),
            ],
            wing,
            strict=True,
        ):
            x = cx + side * dx
            draw.ellipse([x - rx, cy + dy - ry, x + rx, cy + dy + ry], fill=colour)
    draw.rounded_rectangle(
        [cx - 22, cy - 260, cx + 22, cy + 300], radius=22, fill=(40, 25, 40, 255)
    )
    for side in (-1, 1):
        draw.line([cx, cy - 250, cx + side * 120, cy - 420], fill=(40, 25, 40, 255), width=8)
        draw.ellipse(
            [cx + side * 120 - 16, cy - 436, cx + side * 120 + 16, cy - 404], fill=(40, 25, 40, 255)
        )
    for _ in range(60):
        x, y, r = rng.uniform(0, w), rng.uniform(h * 0.75, h), rng.uniform(3, 9)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255, 140))
    return Image.alpha_composite(image, layer).convert("RGB")


def scene_cover(size, rng):
    w, h = size
    image = gradient(size, jitter((20, 120, 130), rng), jitter((10, 60, 80), rng))
    draw = ImageDraw.Draw(image)
    cx, cy = w / 2, h * 0.45
    for i, colour in enumerate([(250, 240, 200), (120, 210, 190), (250, 180, 90), (255, 255, 255)]):
        r = 420 - i * 95
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=colour, width=26)
    for i in range(8):
        angle = i * math.pi / 4
        x, y = cx + 520 * math.cos(angle), cy + 520 * math.sin(angle)
        draw.ellipse([x - 34, y - 34, x + 34, y + 34], fill=(250, 240, 200))
    return image


SCENES = {
    "meeting": scene_meeting,
    "workshop": scene_workshop,
    "landscape": scene_landscape,
    "city": scene_city,
    "crowd": scene_crowd,
    "abstract": scene_abstract,
    "rainbow": scene_rainbow,
    "butterfly": scene_butterfly,
    "cover": scene_cover,
}

PORTRAIT_SCENES = {"butterfly", "cover"}


def draw_scene(key, scene, cover=False):
    """Draw `scene` for `key`: 1200×1700 for a book cover, 1600×900 otherwise."""
    rng = rng_for(key)
    size = COVER_SIZE if cover or scene in PORTRAIT_SCENES else PHOTO_SIZE
    image = SCENES[scene](size, rng)
    # Soften the edges and add a little grain so that the shapes read as photos.
    return Image.blend(image.filter(ImageFilter.BoxBlur(1)), _grain(size), 0.05)


@functools.cache
def _grain(size):
    return Image.effect_noise(size, 24).convert("RGB")


def jpeg_bytes(image, quality=84):
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def png_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def draw_logo(key, palette):
    """A round emblem in two colours; the shape inside depends on the key."""
    dark, light = LOGO_PALETTES[palette]
    rng = rng_for(key)
    w, h = LOGO_SIZE
    scale = 2  # draw large and shrink, for smooth edges
    image = Image.new("RGBA", (w * scale, h * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    s = w * scale
    draw.ellipse([s * 0.04, s * 0.04, s * 0.96, s * 0.96], fill=dark)
    draw.ellipse([s * 0.1, s * 0.1, s * 0.9, s * 0.9], outline=light, width=int(s * 0.025))
    cx = cy = s / 2
    shape = rng.choice(["star", "petals", "waves", "hands"])
    if shape == "star":
        points = []
        tips = rng.choice([5, 6, 8])
        for i in range(tips * 2):
            r = s * (0.3 if i % 2 == 0 else 0.13)
            angle = math.pi * i / tips - math.pi / 2
            points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
        draw.polygon(points, fill=light)
    elif shape == "petals":
        count = rng.choice([4, 5, 6])
        for i in range(count):
            angle = 2 * math.pi * i / count
            x, y = cx + s * 0.16 * math.cos(angle), cy + s * 0.16 * math.sin(angle)
            draw.ellipse([x - s * 0.12, y - s * 0.12, x + s * 0.12, y + s * 0.12], fill=light)
        draw.ellipse([cx - s * 0.07, cy - s * 0.07, cx + s * 0.07, cy + s * 0.07], fill=dark)
    elif shape == "waves":
        for i in range(3):
            y = cy - s * 0.12 + i * s * 0.12
            draw.arc(
                [cx - s * 0.3, y - s * 0.1, cx, y + s * 0.1],
                180,
                360,
                fill=light,
                width=int(s * 0.03),
            )
            draw.arc(
                [cx, y - s * 0.1, cx + s * 0.3, y + s * 0.1],
                0,
                180,
                fill=light,
                width=int(s * 0.03),
            )
    else:
        for side in (-1, 1):
            draw.ellipse(
                [
                    cx + side * s * 0.1 - s * 0.14,
                    cy - s * 0.2,
                    cx + side * s * 0.1 + s * 0.14,
                    cy + s * 0.2,
                ],
                fill=light,
            )
        draw.ellipse([cx - s * 0.06, cy - s * 0.28, cx + s * 0.06, cy - s * 0.16], fill=light)
    return image.resize(LOGO_SIZE, Image.LANCZOS)
