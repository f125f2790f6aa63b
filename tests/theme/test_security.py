"""Hostile front matter is rendered inert: no dialog, no script, not even one that the
Content Security Policy has to stop."""

import pytest
from conftest import CHROMIUM, CHROMIUM_FLAGS, PIXEL, article_fields, write_article
from playwright.sync_api import sync_playwright

HOSTILE = {
    "title": '<script>alert("title")</script> A "quoted" <b onmouseover=alert(1)>title</b>',
    "summary": "Lead [a link](javascript:alert('lead')) <img src=x onerror=alert('img')> "
    "<script>alert('script')</script> and **bold**.",
    "image": "images/pixel.png",
    "image_alt": "\" onerror=\"alert('alt')",
    "image_credit": "<b onmouseover=alert('credit')>Photo</b>\" onmouseover=\"alert('credit2')",
    "actors": ["<img src=x onerror=alert('actor')> Actor"],
    "tags": ["<script>alert('tag')</script>"],
}
WATCH = """
window.__attempts = [];
document.addEventListener("securitypolicyviolation", (event) =>
    window.__attempts.push(event.violatedDirective + " " + event.blockedURI));
"""
# Every element hovered, as a reader's pointer would (one call, not one round trip each)
HOVER_EVERYTHING = """
document.querySelectorAll("body *").forEach((element) =>
    element.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})));
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from conftest import build

    content = tmp_path_factory.mktemp("hostile") / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "pixel.png").write_bytes(PIXEL)
    write_article(content, "hostile", body="Body.", **article_fields(**HOSTILE))
    write_article(content, "peer", **article_fields("Peer", tags=HOSTILE["tags"]))
    return build(content, tmp_path_factory.mktemp("out"))


def test_hostile_values_neither_run_nor_try_to(hostile_site):
    pages = [p.relative_to(hostile_site.output).as_posix() for p in hostile_site.pages()]
    pages.append("search.html?q=title")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context()
        context.add_init_script(WATCH)
        dialogs, errors = [], []
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        for relative in pages:
            page.goto(
                (hostile_site.output / relative.split("?")[0]).as_uri()
                + ("?" + relative.split("?")[1] if "?" in relative else "")
            )
            page.evaluate(HOVER_EVERYTHING)
            page.wait_for_timeout(100)
            attempts = page.evaluate("window.__attempts")
            assert not attempts, (relative, attempts)
        browser.close()
    assert not dialogs and not errors


def test_hostile_text_is_shown_as_text(hostile_site):
    (path,) = [
        p for p in (hostile_site.output / "2020" / "01").glob("*.html") if "peer" not in p.name
    ]
    page = hostile_site.page(path.relative_to(hostile_site.output).as_posix())
    assert "<script>alert(“title”)</script>" in page.h1.get_text()
    assert page.find("script", string=lambda s: s and "alert" in s) is None
    lead = page.select_one(".lead")
    assert lead.find("strong") and not lead.find("script")
    assert all(not a.get("href", "").startswith("javascript") for a in page.find_all("a"))
    assert not [tag for tag in page.find_all(True) if any(k.startswith("on") for k in tag.attrs)]
