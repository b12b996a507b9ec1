"""A second runner: ProperDocs, the maintained continuation of MkDocs 1.6, builds both languages
strictly into the same pages as MkDocs, and the PDF step runs under it (Material's end of life:
ARCHITECTURE.md). The Spanish PDFs are the same step on the other language's manifest."""

import subprocess

from pdfread import text

from support import BIN, ROOT, mkdocs_env


def properdocs(config: str, site, **env) -> None:
    result = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "-f", config, "-d", str(site)], cwd=ROOT,
                            env=mkdocs_env(**env), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def pages(site) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_properdocs_builds_both_languages_as_mkdocs_does(site_dir, tmp_path):
    site = tmp_path / "site"
    properdocs("mkdocs.yml", site, HANDOUTS="1", HANDOUTS_ONLY="after-treatment", OFFLINE="1")
    properdocs("mkdocs.es.yml", site / "es", HANDOUTS="0", OFFLINE="1")
    assert pages(site) == pages(site_dir)
    assert "aftercare" in text(site / "handouts/after-treatment.pdf").lower()
    assert (site / "es/handbook-pages.json").is_file()  # what `python -m handbook pdfs` reads
