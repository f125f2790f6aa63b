"""images/derive.py: the renditions of a photograph, turned as shot, in sRGB, and with none
of the original's metadata; every kind of bad input named with its fix, or handled."""

from __future__ import annotations

import io

import pytest
from images.derive import Derived, ImageProblem, Options, derive
from PIL import Image, ImageCms

SMALL = Options(widths=(100, 200, 400), formats=("avif", "webp"))


def jpeg(size=(500, 300), orientation=None, color=(200, 30, 30), **extra) -> bytes:
    image = Image.new("RGB", size, color)
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x0131] = "Firmware 1.0"  # Software
    exif[0x013B] = "Jan Kowalski"  # Artist: a name that must not leak
    exif[0xA431] = "SERIAL-123456"  # BodySerialNumber
    exif.get_ifd(0x8825)[2] = (53.0, 54.0, 0.0)  # GPSLatitude: Minsk
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Jan</dc:creator></x:xmpmeta>'
    image.save(
        out,
        "JPEG",
        exif=exif,
        xmp=xmp,
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        **extra,
    )
    return out.getvalue()


def files(folder) -> dict[str, Image.Image]:
    return {path.name: Image.open(path) for path in sorted(folder.iterdir())}


def test_renditions_are_made_at_each_width_no_wider_than_the_original(tmp_path):
    derived = derive("images/a.jpg", jpeg((300, 200)), tmp_path, SMALL)
    assert [(r.width, r.format) for r in derived.renditions] == [
        (100, "avif"),
        (200, "avif"),
        (100, "webp"),
        (200, "webp"),
        (100, "jpg"),
        (200, "jpg"),
    ]
    assert (derived.width, derived.height) == (200, 133)
    assert derived.fallback.name == "200.jpg"
    assert {name: image.size for name, image in files(tmp_path).items()}["100.avif"] == (100, 67)
    tiny = derive("images/b.jpg", jpeg((60, 40)), tmp_path / "tiny", SMALL)
    assert [r.width for r in tiny.in_format("jpg")] == [60]  # narrower than all: its own


def test_no_rendition_carries_exif_xmp_iptc_or_a_profile(tmp_path):
    original = jpeg()
    assert b"Kowalski" in original and Image.open(io.BytesIO(original)).getexif()
    derive("images/a.jpg", original, tmp_path, SMALL)
    for name, image in files(tmp_path).items():
        assert not image.getexif(), name
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "photoshop"} & set(
            image.info
        ), (name, set(image.info))
        raw = (tmp_path / name).read_bytes()
        assert b"Kowalski" not in raw and b"SERIAL-123456" not in raw and b"Camera maker" not in raw


def test_the_orientation_is_applied_to_the_pixels(tmp_path):
    shot = Image.new("RGB", (400, 200), (255, 255, 255))
    shot.paste((0, 0, 0), (0, 0, 200, 200))  # the left half dark
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # to be turned 90° clockwise
    shot.save(out, "JPEG", exif=exif, quality=95)
    derived = derive(
        "images/turned.jpg", out.getvalue(), tmp_path, Options(widths=(200,), formats=())
    )
    assert (derived.width, derived.height) == (200, 400)  # standing, as shot
    image = Image.open(tmp_path / "200.jpg").convert("L")
    assert image.getpixel((100, 50)) < 60 and image.getpixel((100, 350)) > 200  # dark on top


def test_cmyk_and_sixteen_bit_images_are_converted_to_srgb_eight_bits(tmp_path):
    out = io.BytesIO()
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(out, "JPEG")  # red, in ink
    derive("images/cmyk.jpg", out.getvalue(), tmp_path / "cmyk", Options(widths=(200,), formats=()))
    red = Image.open(tmp_path / "cmyk" / "200.jpg")
    assert red.mode == "RGB" and red.getpixel((10, 10))[0] > 200 > red.getpixel((10, 10))[1] + 100
    grey = Image.new("I;16", (300, 200))
    grey.paste(65535, (0, 0, 150, 200))  # white in 16 bits
    out = io.BytesIO()
    grey.save(out, "PNG")
    derive("images/grey.png", out.getvalue(), tmp_path / "grey", Options(widths=(200,), formats=()))
    scaled = Image.open(tmp_path / "grey" / "200.jpg").convert("L")
    assert scaled.getpixel((10, 10)) > 240 and scaled.getpixel((190, 10)) < 15  # not clipped


def test_transparency_keeps_a_png_fallback_and_opaque_pixels_a_jpeg(tmp_path):
    clear = Image.new("RGBA", (300, 200), (0, 0, 255, 0))
    out = io.BytesIO()
    clear.save(out, "PNG")
    assert derive("images/logo.png", out.getvalue(), tmp_path / "t", SMALL).fallback.format == "png"
    opaque = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 255, 255)).save(opaque, "PNG")
    assert (
        derive("images/flat.png", opaque.getvalue(), tmp_path / "o", SMALL).fallback.format == "jpg"
    )


def test_a_file_whose_extension_lies_is_used_as_what_it_is_with_a_note(tmp_path):
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (1, 2, 3)).save(out, "PNG")
    derived = derive("images/photo.jpg", out.getvalue(), tmp_path, SMALL)
    assert derived.notes == ("is a PNG file named .jpg: it is used as PNG; rename it .png.",)


def test_an_animation_shows_its_first_frame_with_a_note(tmp_path):
    frames = [Image.new("RGB", (300, 200), color) for color in ((255, 0, 0), (0, 255, 0))]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    derived = derive(
        "images/anim.gif", out.getvalue(), tmp_path, Options(widths=(200,), formats=())
    )
    assert "is an animation: only its first frame is shown" in derived.notes[0]
    assert Image.open(tmp_path / "200.jpg").getpixel((5, 5))[0] > 200


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        (
            "images/map.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "is an SVG drawing",
        ),
        (
            "images/map.png",
            b'<?xml version="1.0"?><svg><script>alert(1)</script></svg>',
            "is an SVG drawing",
        ),
        (
            "images/noise.jpg",
            b"\x00\x01 not an image at all" * 10,
            "is not an image that can be read",
        ),
        ("images/cut.jpg", jpeg((800, 600))[:3000], "cannot be decoded"),
    ],
)
def test_what_cannot_be_published_is_named_with_its_fix(tmp_path, name, data, says):
    with pytest.raises(ImageProblem) as problem:
        derive(name, data, tmp_path, SMALL)
    assert says in problem.value.message and problem.value.fix
    assert not list(tmp_path.iterdir())  # nothing half-made


def test_an_image_of_too_many_pixels_is_refused_before_it_is_decoded(tmp_path):
    with pytest.raises(ImageProblem, match="is 3 megapixels: decoding it would take"):
        derive("images/huge.jpg", jpeg((2000, 1500)), tmp_path, Options(max_pixels=1_000_000))


def test_a_derived_image_is_kept_as_json():
    derived = Derived(200, 100, (), ("a note",))
    assert Derived.from_json(derived.to_json()) == derived


def test_a_sixty_megapixel_photograph_is_made_like_any_other(tmp_path):
    out = io.BytesIO()
    Image.new("RGB", (9600, 6300), (40, 90, 160)).save(out, "JPEG", quality=80)  # 60.5 MP
    derived = derive("images/big.jpg", out.getvalue(), tmp_path, Options(formats=()))
    assert [r.width for r in derived.renditions] == [480, 800, 1200, 1600]
    assert Image.open(tmp_path / "1600.jpg").size == (1600, 1050)
