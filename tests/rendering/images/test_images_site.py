"""Photographs in a built site: every image an article shows is a <picture> of renditions
with srcset, sizes, width and height; no published file carries the original's metadata;
the original is not published; renditions are kept between builds; bad images are named."""

from __future__ import annotations

import io
import logging

import images as images_plugin
import pytest
from conftest import article_fields, build, write_article
from content_checks import ContentError
from PIL import Image

BODY = """The square, seen from the north.

![Independence Square at dawn](images/square.jpg "The square on the day of the vote | Фото: RFRM")

A logo in the text: ![Logo](images/logo.png) and more text.
"""


def photo(size=(2400, 1600), orientation=None) -> bytes:
    image = Image.new("RGB", size, (90, 120, 150))
    image.paste((20, 20, 20), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x013B] = "Jan Kowalski"
    exif.get_ifd(0x8825)[2] = (53.0, 54.0, 0.0)
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def transparent_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (300, 100), (255, 0, 0, 0)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("images") / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "lead.jpg").write_bytes(photo(orientation=6))  # shot on its side
    (content / "images" / "square.jpg").write_bytes(photo((1000, 700)))
    (content / "images" / "logo.png").write_bytes(transparent_png())
    (content / "actors.yml").write_text("- name: OSCE\n  kind: organisation\n")
    write_article(
        content,
        "a",
        BODY,
        **article_fields(
            "With pictures",
            image="images/lead.jpg",
            image_alt="A street",
            image_credit="Фото: RFRM",
        ),
    )
    return build(content, tmp_path_factory.mktemp("images-site") / "site")


def test_the_lead_image_is_a_picture_of_every_rendition_loaded_first(site):
    page = site.page("2020/01/with-pictures.html")
    picture = page.select_one("figure.lead-image picture")
    sources = picture.select("source")
    assert [s["type"] for s in sources] == ["image/avif", "image/webp"]
    assert sources[0]["srcset"].split(", ") == [
        f"../../derived/images/lead.jpg/{width}.avif {width}w" for width in (480, 800, 1200, 1600)
    ]
    image = picture.img
    assert (image["width"], image["height"]) == ("1600", "2400")  # turned as shot: standing
    assert image["src"] == "../../derived/images/lead.jpg/1600.jpg" and image["sizes"]
    assert image["alt"] == "A street" and image.get("fetchpriority") == "high"
    assert not image.get("loading")  # the lead image is not lazy
    assert page.select_one("figure.lead-image figcaption").get_text() == "Фото: RFRM"


def test_an_image_alone_in_a_paragraph_is_a_figure_with_caption_and_credit(site):
    figure = site.page("2020/01/with-pictures.html").select_one(".article-body figure.figure")
    image = figure.select_one("picture img")
    assert image["alt"] == "Independence Square at dawn"
    assert (image["width"], image["height"]) == ("800", "560")  # 1000 wide: 480 and 800
    assert image["loading"] == "lazy" and image["decoding"] == "async"
    caption = figure.figcaption
    assert caption.get_text() == "The square on the day of the vote Фото: RFRM"
    assert caption.select_one(".credit").get_text() == "Фото: RFRM"


def test_a_transparent_image_falls_back_to_png(site):
    body = site.page("2020/01/with-pictures.html").select_one(".article-body")
    logo = body.select("picture")[-1].img
    assert logo["src"].endswith("derived/images/logo.png/300.png")
    assert "and more\xa0text" in body.get_text()  # an image in a sentence stays in it


def test_no_published_image_carries_metadata_and_no_original_is_published(site):
    published = [p for p in (site.output / "derived").rglob("*.*") if p.is_file()]
    assert len(published) == 4 * 3 + 2 * 3 + 1 * 3  # lead: 4 widths; square: 2; logo: 1
    for path in published:
        image = Image.open(path)
        assert not image.getexif(), path
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile"} & set(image.info), path
        assert b"Kowalski" not in path.read_bytes()
    assert not (site.output / "images").exists()  # the originals stay in content/


def test_feeds_and_sharing_point_at_a_rendition(site):
    feed = (site.output / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "derived/images/square.jpg/800.jpg" in feed and "images/square.jpg&quot;" not in feed
    og = site.page("2020/01/with-pictures.html").select_one('meta[property="og:image"]')
    assert og is None or og["content"].endswith("derived/images/lead.jpg/1600.jpg")


def content_with(tmp_path, files: dict[str, bytes], **fields) -> object:
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    for name, data in files.items():
        (content / "images" / name).write_bytes(data)
    (content / "actors.yml").write_text("- name: OSCE\n  kind: organisation\n")
    write_article(content, "a", fields.pop("body", "Text."), **article_fields("Pictures", **fields))
    return content


def test_unchanged_images_are_not_made_again(tmp_path, monkeypatch):
    content = content_with(
        tmp_path, {"lead.jpg": photo((800, 600))}, image="images/lead.jpg", image_alt="x"
    )
    made = []
    real = images_plugin.derive
    monkeypatch.setattr(images_plugin, "derive", lambda *a: made.append(a[0]) or real(*a))
    output = tmp_path / "site"
    build(content, output, BUILD_WORKERS=1)
    assert made == ["lead.jpg"]
    build(content, output, BUILD_WORKERS=1)
    assert made == ["lead.jpg"]  # kept from the cache
    (content / "images" / "lead.jpg").write_bytes(photo((900, 600)))
    build(content, output, BUILD_WORKERS=1)
    assert made == ["lead.jpg", "lead.jpg"]
    assert Image.open(output / "derived/images/lead.jpg/800.jpg").size == (800, 533)


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("broken.jpg", photo((800, 600))[:2000], "cannot be decoded"),
        (
            "drawing.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>x()</script></svg>",
            "SVG",
        ),
        ("noise.png", b"not an image" * 50, "is not an image that can be read"),
    ],
)
def test_an_image_that_cannot_be_published_stops_the_build_naming_it(tmp_path, name, data, says):
    content = content_with(tmp_path, {name: data}, body=f"Text.\n\n![Alt](images/{name})\n")
    with pytest.raises(ContentError) as error:
        build(content, tmp_path / "site")
    [problem] = error.value.problems
    assert problem.path.endswith(f"images/{name}") and says in problem.message
    assert "(used by " in problem.message and problem.fix
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_missing_image_in_the_text_names_the_article(tmp_path):
    content = content_with(tmp_path, {}, body="Text.\n\n![Alt](images/gone.jpg)\n")
    with pytest.raises(ContentError) as error:
        build(content, tmp_path / "site")
    [problem] = error.value.problems
    assert problem.path.endswith("articles/a.md") and problem.field == "body"
    assert problem.message == (
        "the link '{static}/images/gone.jpg' names no file of the content folder "
        "(it would be content/images/gone.jpg)."
    )


def test_lying_animated_and_unused_images_are_warnings(tmp_path, caplog):
    png = io.BytesIO()
    Image.new("RGB", (300, 200), (0, 0, 0)).save(png, "PNG")
    frames = [Image.new("RGB", (300, 200), c) for c in ((255, 0, 0), (0, 255, 0))]
    gif = io.BytesIO()
    frames[0].save(gif, "GIF", save_all=True, append_images=frames[1:], loop=0)
    files = {
        "named.jpg": png.getvalue(),
        "moving.gif": gif.getvalue(),
        "spare.jpg": photo((400, 300)),
    }
    body = "Text.\n\n![One](images/named.jpg)\n\n![Two](images/moving.gif)\n"
    content = content_with(tmp_path, files, body=body)
    with caplog.at_level(logging.WARNING):
        site = build(content, tmp_path / "site")
    warnings = "\n".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert (
        "named.jpg: warning: is a PNG file named .jpg: it is used as PNG; rename it .png."
        in warnings
    )
    assert "moving.gif: warning: is an animation: only its first frame is shown" in warnings
    assert "spare.jpg: warning: no article shows this image: it is not published." in warnings
    assert site.exists("derived/images/named.jpg/300.jpg") and not site.exists("images/spare.jpg")
    with pytest.raises(ContentError):  # make publish: warnings stop it
        build(content, tmp_path / "strict", CONTENT_WARNINGS_FATAL=True)


def test_the_offline_copy_has_one_modest_webp_per_image(tmp_path):
    content = content_with(tmp_path, {"lead.jpg": photo()}, image="images/lead.jpg", image_alt="x")
    site = build(content, tmp_path / "offline", conf="offlineconf.py")
    assert sorted(p.name for p in (site.output / "derived/images/lead.jpg").iterdir()) == [
        "800.webp"
    ]
    image = site.page("2020/01/pictures.html").select_one(".lead-image picture img")
    assert image["src"] == "../../derived/images/lead.jpg/800.webp" and not image.find_previous(
        "source"
    )
