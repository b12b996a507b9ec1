"""Helpers every test tier shares: the project root, builds, and private project copies."""

import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from handbook.frontmatter import pages, read_meta

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# What a project copy needs to build; everything an editor can change.
PROJECT_PARTS = ["docs", "data", "overrides", "includes", "handbook", "macros.py", "mkdocs.yml"]


@functools.cache
def site_config():
    """mkdocs.yml as MkDocs reads it (defaults, !ENV and plugins resolved)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


def page_front_matter() -> dict[str, dict]:
    """Every page's front matter, read by the build's own reader, keyed by docs/<page>.md."""
    return {label: read_meta(path, label) for label, path in pages(ROOT / "docs").items()}


def mkdocs_env(**extra: str) -> dict:
    """Environment for a build: quiet banners, no clinic overrides leaking in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLINIC_", "HANDOUT"))}
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PATH=f"{BIN}:{env.get('PATH', '')}")
    env.update(extra)
    return env


def build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """Run a strict `mkdocs build`; return the finished process (never raises)."""
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=mkdocs_env(**env), capture_output=True, text=True, timeout=600,
    )


def build_ok(project: Path, site_dir: Path, **env: str) -> Path:
    result = build(project, site_dir, **env)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


def copy_project(parent: Path) -> Path:
    """Copy what a build needs into ``parent/project``."""
    dest = parent / "project"
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def fails_with(project: Path, tmp_path: Path, *patterns: str, **env: str) -> str:
    """Build (no PDFs unless asked); assert it fails, prints every pattern and no traceback."""
    result = build(project, tmp_path / "out", **{"HANDOUTS": "0", **env})
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"build passed but should fail:\n{output}"
    assert "Traceback" not in output, f"an editor would see a traceback:\n{output}"
    for pattern in patterns:
        assert re.search(pattern, output), f"{pattern!r} not in build output:\n{output}"
    return output


def add_page(project, body: str, name: str = "scratch.md", meta: str | None = None) -> None:
    meta = meta or ("description: A scratch page.\nlast_reviewed: 2026-11-01\nnext_review: 2027-11-01\n"
                    "reviewed_by: Clinical lead\nsources: []\n")
    (project / "docs" / name).write_text(f"---\n{meta}---\n\n# Scratch\n\n{body}\n", encoding="utf-8")
    edit(project / "mkdocs.yml", "      - References: references.md", f"      - References: references.md\n      - Scratch: {name}")
