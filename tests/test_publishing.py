"""Safe publishing: reproducible output and old URLs that keep working."""

import hashlib
import re

from conftest import build_ok, copy_project, site_config


def digests(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_same_commit_builds_byte_identical_html_and_pdfs(tmp_path):
    """Two builds in different folders, with SOURCE_DATE_EPOCH set, match byte for byte."""
    sites = [build_ok(copy_project(tmp_path / name), tmp_path / name / "site", SOURCE_DATE_EPOCH="1700000000")
             for name in ("one", "two")]
    first, second = digests(sites[0]), digests(sites[1])
    assert any(name.endswith(".pdf") for name in first) and any(name.endswith(".html") for name in first)
    assert [name for name in first if first[name] != second.get(name)] == []
    assert first.keys() == second.keys()


def redirects() -> dict[str, str]:
    return site_config().plugins["redirects"].config["redirect_maps"]


def test_every_old_url_redirects_to_a_page_that_exists(site_dir):
    assert redirects(), "no redirects configured"
    for old, new in redirects().items():
        stub = site_dir / old.replace(".md", ".html")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', stub.read_text(encoding="utf-8"))
        assert target and target.group(1) == new.replace(".md", ".html"), old
        assert (site_dir / target.group(1)).is_file(), old
