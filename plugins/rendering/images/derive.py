"""Renditions of a photograph for the web: the widths a page offers, in AVIF and WebP with a
JPEG (PNG where transparency needs it) to fall back on, turned as it was shot, in sRGB, and
with no metadata at all. Pure Python with Pillow (no Pelican).

Nothing of the file an author saved reaches a reader but its pixels: no EXIF (GPS position,
camera serial, the photographer's name), no XMP, no IPTC, no colour profile (the pixels are
converted to sRGB, which browsers assume). What cannot be made into renditions is an
ImageProblem, with what is wrong and the fix; what is made but should be known (a PNG named
.jpg, an animation reduced to its first frame) is a note.
"""

from __future__ import annotations

import io
import json
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# What a file's real format is written as, by Pillow's name of the format.
EXTENSIONS = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
    "GIF": (".gif",),
    "AVIF": (".avif",),
    "TIFF": (".tif", ".tiff"),
    "MPO": (".jpg", ".jpeg"),  # a JPEG with a second picture (phones): the first is used
}
SAVE = {  # Pillow's format name and options, by extension; no metadata is ever passed
    "avif": ("AVIF", {"speed": 8}),
    "webp": ("WEBP", {"method": 4}),
    "jpg": ("JPEG", {"optimize": True, "progressive": True}),
    "png": ("PNG", {"optimize": True}),
}
MIME = {"avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}
SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Options:
    """What renditions are made: each width no wider than the original, in each of the
    modern formats, and in the fallback format (jpg, or png for an image with transparent
    pixels; an offline copy uses webp)."""

    widths: tuple[int, ...] = (480, 800, 1200, 1600)
    formats: tuple[str, ...] = ("avif", "webp")
    fallback: str = "jpg"
    quality: tuple[tuple[str, int], ...] = (("avif", 55), ("webp", 78), ("jpg", 82))
    max_pixels: int = 100_000_000  # a larger image is refused: decoding it takes gigabytes

    def key(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    format: str  # the file's extension: avif, webp, jpg, png
    name: str  # the file's name in the image's folder of renditions: "800.webp"


@dataclass(frozen=True)
class Derived:
    """An image's renditions. width and height: the largest's (the image's proportions)."""

    width: int
    height: int
    renditions: tuple[Rendition, ...]
    notes: tuple[str, ...] = ()

    @property
    def fallback(self) -> Rendition:
        """The largest rendition in the fallback format: for feeds, sharing, old browsers."""
        return max(
            (r for r in self.renditions if r.format == self.renditions[-1].format),
            key=lambda r: r.width,
        )

    def formats(self) -> list[str]:
        return list(dict.fromkeys(r.format for r in self.renditions))

    def in_format(self, format: str) -> list[Rendition]:
        return [r for r in self.renditions if r.format == format]

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Derived:
        data = json.loads(text)
        renditions = tuple(Rendition(**r) for r in data["renditions"])
        return cls(data["width"], data["height"], renditions, tuple(data["notes"]))


class ImageProblem(ValueError):
    """Why an image cannot be published, and the fix (it pickles: made in worker processes)."""

    def __init__(self, message: str, fix: str):
        super().__init__(message, fix)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message} Fix: {self.fix}"


def derive(name: str, data: bytes, folder: Path, options: Options) -> Derived:
    """Write the renditions of the image (its file name, its bytes) into folder."""
    image, notes = _opened(name, data, options)
    image = _as_shown(image)
    transparent = image.mode == "RGBA"
    fallback = "png" if transparent and options.fallback == "jpg" else options.fallback
    formats = [f for f in options.formats if f != fallback] + [fallback]
    quality = dict(options.quality)
    renditions = []
    folder.mkdir(parents=True, exist_ok=True)
    for width in _widths(image.width, options.widths):
        height = max(1, round(image.height * width / image.width))
        sized = (
            image
            if width == image.width
            else image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        )
        sized.info = {}  # nothing of the original's metadata is carried into a rendition
        for format in formats:
            pillow_format, params = SAVE[format]
            if format in quality:
                params = {**params, "quality": quality[format]}
            target = folder / f"{width}.{format}"
            sized.save(target, pillow_format, **params)
            renditions.append(Rendition(width, height, format, target.name))
    largest = max(renditions, key=lambda r: r.width)
    ordered = sorted(renditions, key=lambda r: (formats.index(r.format), r.width))
    return Derived(largest.width, largest.height, tuple(ordered), tuple(notes))


def _opened(name: str, data: bytes, options: Options) -> tuple[Image.Image, list[str]]:
    """The image decoded (its first frame), or the ImageProblem that stops it."""
    suffix = Path(name).suffix.lower()
    head = data[:512].lstrip().lower()
    if suffix == ".svg" or head.startswith((b"<svg", b"<?xml")):
        raise ImageProblem(
            "is an SVG drawing: it is not published, as an SVG can carry scripts that run "
            "in the reader's browser.",
            "export it as PNG (a chart, a map, a drawing) or JPEG (a photograph).",
        )
    notes = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        real = image.format or "?"
        if suffix and suffix not in EXTENSIONS.get(real, (suffix,)):
            notes.append(
                f"is a {real} file named {suffix}: it is used as {real}; rename it "
                f"{EXTENSIONS[real][0]}."
                if real in EXTENSIONS
                else f"is a {real} file named {suffix}."
            )
        pixels = image.width * image.height
        if pixels > options.max_pixels:
            raise ImageProblem(
                f"is {pixels / 1e6:.0f} megapixels: decoding it would take gigabytes.",
                f"scale it down to at most {options.max_pixels / 1e6:.0f} megapixels "
                f"(e.g. {max(options.widths) * 2} pixels wide) before adding it.",
            )
        if getattr(image, "n_frames", 1) > 1 and image.format in ("GIF", "WEBP", "PNG", "AVIF"):
            notes.append(
                "is an animation: only its first frame is shown; for motion, publish a "
                "video on a media host instead."
            )
        image.seek(0)
        if image.format == "JPEG":  # decode at a reduced scale: far quicker, far less memory
            image.draft(image.mode, _decoded_size(image, max(options.widths)))
        image.load()
    except ImageProblem:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        raise ImageProblem(_unreadable(error), "export it again as JPEG or PNG.") from error
    except (OSError, SyntaxError, ValueError) as error:  # truncated, damaged
        raise ImageProblem(
            f"cannot be decoded ({error}): the file is damaged or was not saved whole.",
            "export it again from the original, or copy it again.",
        ) from error
    return image, notes


def _decoded_size(image: Image.Image, widest: int) -> tuple[int, int]:
    """The size to decode a JPEG at so that, turned as shot, it is still widest wide."""
    turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)  # shot on its side
    width, height = (image.height, image.width) if turned else image.size
    wanted = (widest, -(-widest * height // width))
    return (wanted[1], wanted[0]) if turned else wanted


def _unreadable(error) -> str:
    if isinstance(error, UnidentifiedImageError):
        return "is not an image that can be read: damaged, or another kind of file."
    return "is too large to decode safely."


def _as_shown(image: Image.Image) -> Image.Image:
    """Turned as shot (EXIF orientation applied to the pixels), in sRGB, 8 bits a channel:
    RGB, or RGBA when some pixel is transparent."""
    image = ImageOps.exif_transpose(image) or image
    profile = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        image = _eight_bits(image)
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if profile and image.mode in ("RGB", "RGBA", "CMYK", "L", "LA"):
        image = _to_srgb(image, profile)
    if image.mode in ("LA", "PA") or (image.mode == "RGBA"):
        image = image.convert("RGBA")
        if image.getchannel("A").getextrema()[0] == 255:  # no pixel is transparent
            image = image.convert("RGB")
    elif image.mode != "RGB":
        image = image.convert("RGB")
    return image


def _eight_bits(image: Image.Image) -> Image.Image:
    """A 16-bit (or 32-bit) grey image scaled to 8 bits: Pillow's convert clips instead."""
    values = numpy.asarray(image, dtype=numpy.float64)
    top = 65535.0 if image.mode.startswith("I;16") or values.max() > 255 else 255.0
    return Image.fromarray(numpy.clip(values * (255.0 / top), 0, 255).astype(numpy.uint8), "L")


def _to_srgb(image: Image.Image, profile: bytes) -> Image.Image:
    mode = "RGBA" if image.mode in ("RGBA", "LA") else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(image, source, SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image.convert(mode)  # a broken profile: the pixels as they are


def _widths(width: int, wanted: tuple[int, ...]) -> list[int]:
    """The wanted widths the image is wide enough for, or its own width if it is narrower
    than all of them: never a rendition larger than the original."""
    fitting = sorted(w for w in wanted if w <= width)
    return fitting or [width]
