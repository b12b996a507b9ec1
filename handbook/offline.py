"""Readable offline after one visit: a web app manifest and a service worker, written into a finished site.

Runs last, on the final files (after minify, the PDFs, the redirects and the search index), so each
precached file's revision is the hash of what is served. The worker is ``offline-worker.js``, which
``offline.cjs`` writes to the site with that list by Workbox's ``injectManifest`` (npm ``workbox-build``,
pinned in package.json), given the site's folder and language; each language's site gets its own worker,
scoped to its folder (``es/`` under the English site has its own, which takes over there). What it
caches, and how, is in ``offline-worker.js``.
"""

import json
import re
from pathlib import Path

from handbook import node
from handbook.errors import HandbookError

MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
THEME = re.compile(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{3,8})\b")
ICONS = [{"src": "assets/icon.svg", "sizes": "any", "type": "image/svg+xml"},
         {"src": "assets/icon-192.png", "sizes": "192x192", "type": "image/png"},
         {"src": "assets/icon-512.png", "sizes": "512x512", "type": "image/png"},
         {"src": "assets/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"}]


def theme_colour(site_dir: Path) -> str | None:
    """The primary colour of the site's own stylesheet (docs/stylesheets/extra.css), for the phone's title bar."""
    css = site_dir / "stylesheets" / "extra.css"
    found = THEME.search(css.read_text(encoding="utf-8")) if css.is_file() else None
    return found.group(1) if found else None


def write_manifest(site_dir: Path, name: str, short_name: str, description: str, lang: str) -> dict:
    """``manifest.webmanifest``: installable, opening at the site's own root (relative, so under any path)."""
    manifest = {"name": name, "short_name": short_name, "description": description, "lang": lang, "dir": "ltr",
                "start_url": "./", "scope": "./", "display": "standalone", "background_color": "#ffffff",
                "icons": [icon for icon in ICONS if (site_dir / icon["src"]).is_file()]}
    if colour := theme_colour(site_dir):
        manifest["theme_color"] = colour
    (site_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def other_sites(site_dir: Path) -> list[str]:
    """Folders holding another language's site (its own handbook-pages.json): that site's worker caches them."""
    return sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.glob("*/handbook-pages.json"))


def start() -> node.Script:
    """Workbox, loading while the site is built; ``make_offline`` gives it the site."""
    return node.Script("offline", "offline.cjs", "workbox-build", f"Workbox could not write {WORKER}")


def write_worker(site_dir: Path, lang: str, script: node.Script | None = None) -> str:
    """``sw.js`` by Workbox; returns the line it printed (files and bytes precached)."""
    config = {"site": str(site_dir.resolve()), "lang": lang, "ignore": other_sites(site_dir)}
    return (script or start()).run(config)


def check_site_dir(site_dir: Path) -> None:
    if not (site_dir / "index.html").is_file():
        raise HandbookError(f"offline: {site_dir} has no index.html; build the site first (python -m handbook build)")


def make_offline(site_dir: Path, name: str, short_name: str, description: str, lang: str,
                 script: node.Script | None = None) -> str:
    """The manifest, then the worker that precaches it with every page; returns what was done, in one line."""
    check_site_dir(site_dir)
    write_manifest(site_dir, name, short_name, description, lang)
    return write_worker(site_dir, lang, script)
