"""The built site's own stylesheets and scripts are minified without losing a rule."""

import re
import shutil

import tinycss2

from handbook.minify import minify_assets
from support import ROOT


def tidy(text: str) -> str:
    """Whitespace that cannot change meaning removed (a space between selectors can: kept)."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s*([,>+~)])\s*|([(:])\s*", lambda m: m.group(1) or m.group(2), text)


def rules(css: str) -> list[tuple[str, str]]:
    """Every rule's selector and declarations, comments aside, nested rules included."""
    found = []

    def walk(nodes):
        for node in nodes:
            if node.type not in ("qualified-rule", "at-rule"):
                continue
            prelude = tidy(tinycss2.serialize(node.prelude))
            if node.type == "at-rule" and node.content is not None:
                found.append((f"@{node.at_keyword} {prelude}", ""))
                walk(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))
            else:
                declarations = tinycss2.parse_declaration_list(node.content or [], skip_comments=True, skip_whitespace=True)
                found.append((prelude, ";".join(f"{d.name}:{tidy(tinycss2.serialize(d.value))}" for d in declarations
                                                if d.type == "declaration")))
    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def test_stylesheets_keep_every_rule_and_lose_their_comments(tmp_path):
    shutil.copytree(ROOT / "docs" / "stylesheets", tmp_path / "stylesheets")
    done = minify_assets(tmp_path)
    assert {p.name for p in done} == {p.name for p in (ROOT / "docs" / "stylesheets").glob("*.css")}
    for path in done:
        original = (ROOT / "docs" / "stylesheets" / path.name).read_text(encoding="utf-8")
        minified = path.read_text(encoding="utf-8")
        assert "/*" in original and "/*" not in minified, path.name
        assert len(minified) < len(original) * 0.9, path.name
        assert rules(minified) == rules(original) != [], path.name


def test_scripts_lose_comments_and_keep_their_words(tmp_path):
    shutil.copytree(ROOT / "docs" / "javascripts", tmp_path / "javascripts")
    minify_assets(tmp_path)
    original = (ROOT / "docs" / "javascripts" / "checklist.js").read_text(encoding="utf-8")
    minified = (tmp_path / "javascripts" / "checklist.js").read_text(encoding="utf-8")
    assert "// " in original and "// " not in minified and len(minified) < len(original)
    assert '"This applies to me, or I am not sure"' in minified  # the translated words are looked up by these


def test_other_files_are_left_alone(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "vendored.js").write_text("/* keep */ var a = 1;\n")
    (tmp_path / "stylesheets").mkdir()
    (tmp_path / "stylesheets" / "notes.txt").write_text("/* keep */\n")
    assert minify_assets(tmp_path) == []
    assert (tmp_path / "assets" / "vendored.js").read_text() == "/* keep */ var a = 1;\n"
