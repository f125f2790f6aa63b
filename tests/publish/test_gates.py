"""Gates on the published output, for the default content and a fixture with every page
type: valid HTML (Nu HTML Checker), no axe-core violation at WCAG 2.2 AA (light and dark),
feeds that parse and link to pages, no broken internal link or missing asset."""

import json
import mimetypes
import subprocess
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_FLAGS, PIXEL, ROOT, article_fields, write_article
from playwright.sync_api import sync_playwright

from tools.gates import broken_links, feed_problems
from tools.publish import main as publish

SITEURL = "https://example.org"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def published(content: Path, output: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SITEURL", SITEURL)
    assert publish([str(content), "-o", str(output)]) == 0
    return output


@pytest.fixture(scope="module")
def every_page_type(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    content = tmp_path_factory.mktemp("types") / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "minsk.png").write_bytes(PIXEL)
    (content / "actors.yml").write_text(
        "- name: Sergei Lavrov\n  kind: person\n  description: Russia’s Foreign Minister.\n"
        "- name: OSCE\n  kind: organisation\n"
    )
    for number in range(14):
        write_article(
            content,
            f"a{number}",
            body=f"Text {number}.\n\n## A section\n\n> A quotation.\n\n    code()\n",
            **article_fields(
                f"Review {number}",
                f"{2018 + number % 3}-0{1 + number % 9}-1{number % 9} 10:00",
                category=["Security", "Foreign policy"][number % 2],
                tags=["border", f"topic {number % 3}"],
                actors=["Sergei Lavrov"] if number % 2 else ["OSCE"],
                summary=f"The lead of review {number}.",
                **(
                    {
                        "image": "images/minsk.png",
                        "image_alt": "A square in Minsk",
                        "image_credit": "Фото: RFRM",
                    }
                    if number == 13
                    else {}
                ),
            ),
        )
    write_article(
        content, "ru", **article_fields("Обзор", lang="ru", slug="review-13", tags=["border"])
    )
    output = published(content, tmp_path_factory.mktemp("site") / "output", monkeypatch)
    monkeypatch.undo()
    return output


@pytest.fixture(scope="module")
def default_content(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    output = published(ROOT / "content", tmp_path_factory.mktemp("default") / "output", monkeypatch)
    monkeypatch.undo()
    return output


@pytest.fixture(params=["every_page_type", "default_content"])
def site(request):
    return request.getfixturevalue(request.param)


def test_nu_html_checker_finds_no_error(site):
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            "--exit-zero-always",
            str(site),
        ],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert not messages, messages[:5]


def test_feeds_parse_and_links_resolve(site):
    assert not feed_problems(site, SITEURL)
    assert not broken_links(site, SITEURL)


PAGE_TYPES = [
    "index.html",
    "page/2/index.html",
    "2019/05/review-13.html",
    "category/security/index.html",
    "tag/border/index.html",
    "actor/sergei-lavrov/index.html",
    "actors/index.html",
    "tags/index.html",
    "categories/index.html",
    "archives/index.html",
    "archives/2019/index.html",
    "search.html?q=review",
    "404.html",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violation_on_any_page_type(every_page_type, scheme):
    def from_disk(route):
        path = route.request.url[len(SITEURL) + 1 :].split("?")[0]
        file = every_page_type / path
        route.fulfill(
            status=200 if file.is_file() else 404,
            body=file.read_bytes() if file.is_file() else b"",
            content_type=mimetypes.guess_type(file.name)[0] or "text/html",
        )

    failures, elsewhere = {}, []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(bypass_csp=True, color_scheme=scheme)
        context.route(f"{SITEURL}/**", from_disk)
        page = context.new_page()
        page.on("request", lambda r: None if r.url.startswith(SITEURL) else elsewhere.append(r.url))
        for relative in PAGE_TYPES:
            page.goto(f"{SITEURL}/{relative}")
            if relative.startswith("search"):
                page.wait_for_selector(".search-result")
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(
                "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                ".then((result) => result.violations.map((v) => v.id + ': ' + "
                "v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))",
                WCAG,
            )
            if violations:
                failures[relative] = violations
        # The harness can fail: the same page with its image's text alternative removed.
        page.goto(f"{SITEURL}/2019/05/review-13.html")
        page.add_script_tag(path=str(AXE))
        broken = page.evaluate(
            "document.querySelector('figure img').removeAttribute('alt');"
            "axe.run(document).then((result) => result.violations.map((v) => v.id))"
        )
        browser.close()
    assert not failures
    assert "image-alt" in broken
    assert not elsewhere  # no page asks another host for anything
