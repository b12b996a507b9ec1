"""Trimming the theme's stylesheets (PurgeCSS, by Node) on a small finished site: input files, expected rules."""

import pytest

from handbook import node, theme_css
from handbook.errors import HandbookError

CSS = (":root{--md-accent:#00584d}@font-face{font-family:Roboto;src:url(r.woff2)}"
       ".md-used{color:red}.md-unused{color:blue}.md-made-by-script{color:green}.md-spanish-only{color:gray}"
       "[data-md-color-scheme=slate]{color:#fff}[data-md-color-scheme=rose]{color:pink}")


@pytest.fixture
def site(tmp_path):
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts").mkdir()
    (tmp_path / "es").mkdir()
    (tmp_path / "assets" / "stylesheets" / "main.min.css").write_text(CSS)
    (tmp_path / "assets" / "javascripts" / "bundle.min.js").write_text('e.className="md-made-by-script"')
    (tmp_path / "index.html").write_text('<body data-md-color-scheme="slate"><p class="md-used">Hi</p></body>')
    (tmp_path / "es" / "index.html").write_text('<p class="md-spanish-only">Hola</p>')
    (tmp_path / "es" / "handbook-pages.json").write_text("{}")
    return tmp_path


def test_rules_no_page_or_script_uses_go_and_the_rest_stay(site):
    assert theme_css.trim(site).startswith("1 file, ")
    kept = (site / "assets" / "stylesheets" / "main.min.css").read_text()
    for rule in [":root{--md-accent:#00584d}", "@font-face", ".md-used{", ".md-made-by-script{",
                 "[data-md-color-scheme=slate]{"]:
        assert rule in kept
    for rule in [".md-unused", ".md-spanish-only", "rose"]:  # es/ is its own site, trimmed on its own
        assert rule not in kept


def test_without_purgecss_the_build_stops_with_one_line(site, monkeypatch):
    monkeypatch.setattr(node, "node_modules", lambda package: [])
    with pytest.raises(HandbookError, match=r"^theme-css: purgecss is not installed .*set OFFLINE=0"):
        theme_css.trim(site)
