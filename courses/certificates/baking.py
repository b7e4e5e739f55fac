"""The badge image a credential is baked into (Open Badges 3.0 baking: the
compact JWT in a PNG iTXt chunk named "openbadgecredential"), so a learner
can drop one file into a badge backpack or wallet, and reading it back from
an uploaded PNG on the verification page."""

import functools
import io
import struct
import textwrap
import zlib

from PIL import Image, ImageDraw, ImageFont

KEYWORD = "openbadgecredential"
SIZE = 400
# The DejaVu fonts the PDFs use too (Debian's fonts-dejavu-core).
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
# The site's brand colour (--brand in the site's CSS), a gold ring, white text.
BACKGROUND, RING, TEXT = "#0b3d91", "#f2c14e", "#ffffff"
# An uploaded PNG larger than this many pixels is not decoded (16 MiB as
# RGBA; a badge is 400 x 400).
MAX_PIXELS = 2048 * 2048


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:  # the DejaVu fonts are not where FreeType looks
        return ImageFont.load_default(size)


@functools.lru_cache(maxsize=64)
def _artwork(title: str, hours: str) -> bytes:
    """The badge of a course, drawn once per process (about 10 ms): every
    holder's badge is this image with their own credential baked in."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, SIZE - 4, SIZE - 4), fill=BACKGROUND, outline=RING, width=14)
    lines = textwrap.wrap(title, width=18)[:4]
    font = _font(26)
    top = SIZE // 2 - 20 * len(lines) - 10
    for number, line in enumerate(lines):
        draw.text((SIZE // 2, top + 40 * number), line, fill=TEXT, font=font, anchor="mm")
    draw.text((SIZE // 2, SIZE - 90), hours, fill=RING, font=_font(24), anchor="mm")
    output = io.BytesIO()
    image.save(output, "PNG")
    return output.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def badge_png(*, title: str, hours: str, token: str) -> bytes:
    """A round badge with the course's title and hours, the credential baked
    in: an uncompressed iTXt chunk (keyword, no language) before IEND."""
    png = _artwork(title, hours)
    text = KEYWORD.encode() + b"\x00\x00\x00" + b"\x00" + b"\x00" + token.encode()
    end = png.rindex(b"IEND") - 4  # the IEND chunk starts with its length
    return png[:end] + _chunk(b"iTXt", text) + png[end:]


def unbake(data: bytes) -> str | None:
    """The credential baked into a PNG, or None (not a PNG, none baked in, or
    too large or broken to read)."""
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            if image.width * image.height > MAX_PIXELS:
                return None
            image.load()
            text = getattr(image, "text", {}).get(KEYWORD)
    except (OSError, ValueError, SyntaxError, zlib.error, Image.DecompressionBombError):
        return None
    return str(text) if text else None
