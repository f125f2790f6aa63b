"""Deploy the published site: `make rsync_upload`, `make github`, `make s3_upload`.

Each refuses to run unless output/ is what the last successful `make publish` wrote
(output.stamp.json) and content, theme, plugins and settings have not changed since.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from tools.publish import inputs_hash, stamp_of, tree_hash  # noqa: E402


class DeployError(Exception):
    pass


def fresh_build(output: Path) -> dict:
    """The stamp of output, if output is a good and current publication; else DeployError."""
    stamp_path = stamp_of(output)
    if not stamp_path.is_file():
        raise DeployError(
            f"{output} is not a successful publication (no {stamp_path.name}): run make publish"
        )
    stamp = json.loads(stamp_path.read_text())
    if tree_hash(output) != stamp["output"]:
        raise DeployError(f"{output} changed after make publish wrote it: run make publish")
    if inputs_hash(Path(stamp["content"])) != stamp["inputs"]:
        raise DeployError(
            "content, theme, plugins or settings changed since make publish: run it again"
        )
    return stamp


def run(command: list[str], cwd: Path | None = None) -> None:
    # the project's own tools (ghp-import) live beside its Python, in .venv/bin
    program = shutil.which(command[0], path=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    if program is None:
        raise DeployError(f"{command[0]} is not installed")
    command = [program, *command[1:]]
    print("$", " ".join(command))
    subprocess.run(command, cwd=cwd, check=True)


def rsync(output: Path, destination: str, port: int) -> None:
    """Checksums decide what to send; what the site no longer has goes after the upload."""
    command = ["rsync", "-rlvzc", "--delete-after", f"{output}/", destination]
    if ":" in destination:  # user@host:dir, over ssh
        command[1:1] = ["-e", f"ssh -p {port}"]
    run(command)


def github(output: Path, repository: Path, branch: str, remote: str) -> None:
    run(["ghp-import", "-n", "-m", "Publish the site", "-b", branch, str(output)], cwd=repository)
    run(["git", "push", remote, branch], cwd=repository)


def s3(output: Path, bucket: str) -> None:
    run(["aws", "s3", "sync", f"{output}/", bucket, "--delete", "--acl", "public-read"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=["rsync", "github", "s3"])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "output")
    parser.add_argument("--destination", help="rsync: user@host:dir, or a local folder")
    parser.add_argument("--port", type=int, default=22)
    parser.add_argument("--repository", type=Path, default=ROOT, help="github: the git checkout")
    parser.add_argument("--branch", default="gh-pages")
    parser.add_argument("--remote", default="origin")
    parser.add_argument("--bucket", help="s3: s3://bucket-name")
    args = parser.parse_args(argv)
    output = args.output.resolve()
    try:
        fresh_build(output)
        if args.target == "rsync":
            if not args.destination:
                raise DeployError("say where: make rsync_upload SSH_HOST=... SSH_TARGET_DIR=...")
            rsync(output, args.destination, args.port)
        elif args.target == "github":
            github(output, args.repository, args.branch, args.remote)
        else:
            if not args.bucket:
                raise DeployError("say where: make s3_upload S3_BUCKET=s3://...")
            s3(output, args.bucket)
    except (DeployError, subprocess.CalledProcessError) as error:
        print(
            f"deploy ({args.target}): {error}. Nothing was deployed."
            if isinstance(error, DeployError)
            else f"deploy ({args.target}) failed: {error}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
