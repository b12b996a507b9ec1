"""Moved pages keep their old URLs alive: printed handouts and QR codes cannot be updated."""

import re
import subprocess
from pathlib import Path

import pytest

from support import ROOT, site_config


def redirects() -> dict[str, str]:
    return site_config().plugins["redirects"].config["redirect_maps"]


def nav_pages(nav) -> set[str]:
    """Every page file named in a MkDocs nav."""
    if isinstance(nav, str):
        return {nav}
    items = nav.values() if isinstance(nav, dict) else nav
    return set().union(*(nav_pages(item) for item in items))


def removed_pages(repo: Path) -> set[str]:
    """Pages (relative to docs/) that git history shows were deleted or renamed away."""
    log = subprocess.run(["git", "log", "--format=", "--name-status", "-M", "--diff-filter=DR", "--", "docs/"],
                         cwd=repo, capture_output=True, text=True, check=True).stdout
    old = {line.split("\t")[1] for line in log.splitlines() if line[:1] in ("D", "R")}
    return {p.removeprefix("docs/") for p in old if p.endswith(".md")}


def test_every_old_url_redirects_to_a_page_in_the_menu(site_dir):
    assert redirects(), "no redirects configured"
    in_nav = nav_pages(site_config()["nav"])
    for old, new in redirects().items():
        stub = site_dir / old.replace(".md", ".html")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', stub.read_text(encoding="utf-8"))
        assert target and target.group(1) == new.replace(".md", ".html"), old
        assert (site_dir / target.group(1)).is_file(), old
        assert new in in_nav, f"redirect {old} -> {new}: {new} is not in nav"
        assert not (ROOT / "docs" / old).exists(), f"{old} is a page and a redirect; remove one"


def test_every_page_removed_in_history_has_a_redirect():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    existing = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    missing = sorted(removed_pages(ROOT) - existing - set(redirects()))
    assert not missing, ("Pages moved or deleted without a redirect; add `old.md: new-page.md` under "
                         f"redirects > redirect_maps in mkdocs.yml for: {', '.join(missing)}")


def test_history_check_sees_a_renamed_page(tmp_path):
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/aftercare.md").write_text("# Aftercare\n\nLook after your skin for a few days.\n")
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "Add"], cwd=tmp_path, check=True)
    subprocess.run([*git, "mv", "docs/aftercare.md", "docs/after-treatment.md"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "Move"], cwd=tmp_path, check=True)
    assert removed_pages(tmp_path) == {"aftercare.md"}
