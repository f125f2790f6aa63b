"""The index builder's quick compaction gives what MiniSearch's public toJSON and
search-options.js compact() give."""

from __future__ import annotations

import json
import shutil
import subprocess

from search.generator import BUILDER


def test_the_quick_compaction_is_the_public_one(tmp_path):
    bodies = [
        "Minsk and Moscow talk, and talk again about the union state.",
        "Лукашенко и Путин: переговоры о союзном государстве, снова переговоры.",
        "Sanctions, sanctions, sanctions; the border with Poland and Lithuania.",
    ] * 7
    documents = tmp_path / "documents.json"
    documents.write_text(
        json.dumps([{"id": n, "body": body} for n, body in enumerate(bodies)]), "utf-8"
    )
    result = subprocess.run(
        [shutil.which("node"), str(BUILDER), "check", str(documents), str(tmp_path / "out"), "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "same"
