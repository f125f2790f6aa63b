"""The preview's web server: the output folder as Pelican's server serves it, with the live
reload script put into every HTML page as it is sent.

The pages on disk are those `make html` writes, byte for byte: the preview builds with the
same settings, so it reuses what `make html` read and rendered (fast_build's read cache and
page manifest) instead of rendering every page again for one script tag, and what an
author previews is what is published. The script (theme/static/js/live-reload.js) polls
_preview/build.json, which tools/devserver.py writes at each build's start and end.
"""

from __future__ import annotations

import html
import io
import os
import re
import threading
from typing import ClassVar

from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

SCRIPT = "/theme/js/live-reload.js"  # under THEME_STATIC_DIR ("theme" by default)
STATE = "/_preview/build.json"
_LANG = re.compile(rb"<html[^>]*\blang=\"([\w-]+)\"", re.IGNORECASE)


def script_url(theme_static_dir: str) -> str:
    return f"/{theme_static_dir.strip('/')}/js/live-reload.js"


def live_reload_tag(heading: str, script: str = SCRIPT) -> bytes:
    return (
        f'<script src="{html.escape(script)}" data-build="{STATE}" '
        f'data-heading="{html.escape(heading)}"></script>'
    ).encode()


def with_live_reload(
    page: bytes, headings: dict[str, str], default_lang: str, script: str = SCRIPT
) -> bytes:
    """The page with the live reload script before its last </body> (or at its end), the
    problems' heading in the page's language."""
    lang = _LANG.search(page[:2048])
    heading = headings.get(lang[1].decode() if lang else default_lang) or headings[default_lang]
    tag = live_reload_tag(heading, script)
    end = page.rfind(b"</body>")
    return page + tag if end < 0 else page[:end] + tag + page[end:]


class PreviewHandler(ComplexHTTPRequestHandler):
    """Pelican's handler; an HTML page is read whole and sent with the script in it, never
    cached by the browser (the next build may change it). serve_in_background makes a
    subclass with the strings of one site."""

    headings: ClassVar[dict[str, str]] = {}  # {lang: the problems heading}
    default_lang = "en"
    script = SCRIPT

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) or not path.endswith(".html"):
            return super().send_head()  # folders (redirect, index.html) and other files
        try:
            with open(path, "rb") as handle:
                page = handle.read()
            page = with_live_reload(page, self.headings, self.default_lang, self.script)
        except OSError:
            self.send_error(404, "File not found")
            return None
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(page)


def serve_in_background(
    output: str,
    bind: str,
    port: int,
    headings: dict[str, str],
    default_lang: str,
    script: str = SCRIPT,
) -> RootedHTTPServer:
    """Serve the output folder on a daemon thread; returns the server (shutdown() stops it)."""
    site = {"headings": headings, "default_lang": default_lang, "script": script}
    server = RootedHTTPServer(output, (bind, port), type("SiteHandler", (PreviewHandler,), site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
