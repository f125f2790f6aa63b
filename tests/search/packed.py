"""The index files as the search page reads them: the call each makes, its data unpacked."""

from __future__ import annotations

import base64
import gzip
import json
import re
from pathlib import Path

CALL = re.compile(r"^window\.SiteSearch\.(\w+)\((.*)\);\n$", re.S)
PACKED = ("words", "facets", "spelling", "doc")  # their data is gzip in base64


def call(path: Path):
    """(function called, its arguments), packed data unpacked."""
    name, arguments = CALL.match(path.read_text(encoding="utf-8")).groups()
    values = json.loads(f"[{arguments}]")
    if name in PACKED:
        values[-1] = json.loads(gzip.decompress(base64.b64decode(values[-1])))
    return name, values
