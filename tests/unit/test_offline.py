"""The offline step's own checks, without a build or Node."""

import json

import pytest

from handbook import node, offline, settings
from handbook.errors import HandbookError


def test_refuses_a_folder_that_is_not_a_built_site(tmp_path):
    with pytest.raises(HandbookError, match=r"^offline: .* has no index\.html; build the site first"):
        offline.make_offline(tmp_path, "Handbook", "Handbook", "", "en")


def test_without_node_the_build_stops_with_one_line(tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text("<h1>Home</h1>")
    monkeypatch.setattr(node.shutil, "which", lambda name: None)
    with pytest.raises(HandbookError, match=r"^offline: Node\.js is not installed.*set OFFLINE=0"):
        offline.make_offline(tmp_path, "Handbook", "Handbook", "", "en")


def test_the_manifest_opens_at_the_site_root_with_its_colour(tmp_path):
    (tmp_path / "stylesheets").mkdir()
    (tmp_path / "stylesheets" / "extra.css").write_text(":root{--md-primary-fg-color:#00584d;}")
    offline.write_manifest(tmp_path, "Guía del tratamiento", "Guía", "Respuestas", "es")
    manifest = json.loads((tmp_path / offline.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["start_url"] == manifest["scope"] == "./" and manifest["display"] == "standalone"
    assert manifest["short_name"] == "Guía" and manifest["theme_color"] == "#00584d" and manifest["lang"] == "es"


def test_other_languages_sites_are_left_to_their_own_worker(tmp_path):
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "handbook-pages.json").write_text("{}")
    (tmp_path / "handouts").mkdir()
    assert offline.other_sites(tmp_path) == ["es"]


def test_on_by_default_off_in_the_live_preview_and_by_offline_0():
    assert settings.offline_enabled(settings.read_environment({}), "build")
    assert not settings.offline_enabled(settings.read_environment({}), "serve")
    assert not settings.offline_enabled(settings.read_environment({"OFFLINE": "0"}), "build")
    with pytest.raises(HandbookError, match="OFFLINE must be 1 or 0"):
        settings.read_environment({"OFFLINE": "maybe"})
