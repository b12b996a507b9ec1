"""Readable offline after one visit: the worker precaches every page and the search index, keeps a PDF once
opened, and works under the site's path. The server is stopped and the browser set offline before reading."""

import contextlib
import json
import os
import tempfile
from pathlib import Path

from conftest import serve

from browser_support import top_results

PATH = "handbook/"  # the site is served under a path, as on a project's GitHub Pages


@contextlib.contextmanager
def served_under_path(site_dir: Path):
    with tempfile.TemporaryDirectory() as tmp:
        os.symlink(site_dir.resolve(), Path(tmp) / PATH.strip("/"))
        with serve(Path(tmp)) as url:
            yield url + PATH


def controlled(page) -> None:
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=20_000)
    page.evaluate("navigator.serviceWorker.ready")  # active, and its precache filled (install finished)


def read_pdf(page, url: str) -> list:
    return page.evaluate("""async url => { const r = await fetch(url); const b = new Uint8Array(await r.arrayBuffer());
                                           return [r.status, String.fromCharCode(...b.slice(0, 5))]; }""", url)


def test_one_visit_then_offline_reload_search_and_a_handout(browser, site_dir):
    context = browser.new_context()
    page = context.new_page()
    with served_under_path(site_dir) as base:
        page.goto(base + "index.html", wait_until="load")
        controlled(page)
        scope = page.evaluate("navigator.serviceWorker.controller.scriptURL")
        assert scope == base + "sw.js"
        assert read_pdf(page, base + "handouts/after-treatment.pdf") == [200, "%PDF-"]  # opened once, online
    context.set_offline(True)  # and the server is gone
    page.goto(base + "after-treatment.html", wait_until="load")
    assert "aftercare" in page.locator("article").inner_text().lower()
    page.reload(wait_until="load")
    assert page.locator("h1").count() == 1
    assert "after-treatment.html" in top_results(page, "aftercare")
    assert read_pdf(page, base + "handouts/after-treatment.pdf") == [200, "%PDF-"]
    context.close()


def test_the_spanish_site_under_es_works_offline_too(browser, site_dir):
    context = browser.new_context()
    page = context.new_page()
    with served_under_path(site_dir) as base:
        page.goto(base + "es/index.html", wait_until="load")
        controlled(page)
        assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == base + "es/sw.js"
    context.set_offline(True)
    page.goto(base + "es/after-treatment.html", wait_until="load")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").count() == 1
    assert "after-treatment.html" in top_results(page, "cuidados")
    context.close()


def test_installable_and_the_first_load_stays_small(browser, site_dir):
    """The manifest is linked, names the site and its icons; registering adds a few hundred bytes at most."""
    manifest = json.loads((site_dir / "es" / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["short_name"] == "Guía" and manifest["scope"] == manifest["start_url"] == "./"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"any", "192x192", "512x512"}
    context = browser.new_context()
    page = context.new_page()
    sizes = []
    page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
    with served_under_path(site_dir) as base:
        page.goto(base + "index.html", wait_until="load")
        first_load = sum(sizes)
        assert page.locator('link[rel="manifest"]').get_attribute("href") == "manifest.webmanifest"
        controlled(page)
        script = page.evaluate("[...document.scripts].find(s => s.text.includes('serviceWorker.register')).text")
    context.close()
    print(f"first load: {first_load} bytes uncompressed before 'load'; the registration script {len(script)}")
    assert len(script) < 400
