"""Readable offline after one visit: a web app manifest and a service worker, written into a finished site.

Runs last, on the final files (after minify, the PDFs, the redirects and the search index), so each
precached file's revision is the hash of what is served. The worker itself is made by Workbox's
``generateSW`` (npm ``workbox-build``, pinned in package.json) in ``offline.cjs``, which is given the
site's folder and language; each language's site gets its own worker, scoped to its folder (``es/``
under the English site has its own, which takes over there). What it caches, and how, is in
``offline.cjs``.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from handbook.errors import HandbookError

MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
SCRIPT = Path(__file__).with_name("offline.cjs")
PACKAGE = Path(__file__).resolve().parent.parent  # the checkout: its node_modules, after `npm ci`
THEME = re.compile(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{3,8})\b")
ICONS = [{"src": "assets/icon.svg", "sizes": "any", "type": "image/svg+xml"},
         {"src": "assets/icon-192.png", "sizes": "192x192", "type": "image/png"},
         {"src": "assets/icon-512.png", "sizes": "512x512", "type": "image/png"},
         {"src": "assets/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"}]
NEEDS_NODE = "run `npm ci` (make node), or set OFFLINE=0 to build without it"


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


def node_modules() -> list[Path]:
    """Where workbox-build may be: the checkout's node_modules, the working folder's, then NODE_PATH."""
    found = [PACKAGE / "node_modules", Path.cwd() / "node_modules"]
    found += [Path(p) for p in os.environ.get("NODE_PATH", "").split(os.pathsep) if p]
    return list(dict.fromkeys(p for p in found if (p / "workbox-build").is_dir()))


def other_sites(site_dir: Path) -> list[str]:
    """Folders holding another language's site (its own handbook-pages.json): that site's worker caches them."""
    return sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.glob("*/handbook-pages.json"))


def write_worker(site_dir: Path, lang: str) -> str:
    """``sw.js`` by Workbox; returns the line it printed (files and bytes precached)."""
    node = shutil.which("node")
    if node is None:
        raise HandbookError(f"offline: Node.js is not installed (`node` is not on PATH); install it and {NEEDS_NODE}")
    modules = node_modules()
    if not modules:
        raise HandbookError(f"offline: workbox-build is not installed (no node_modules/workbox-build); {NEEDS_NODE}")
    config = {"site": str(site_dir.resolve()), "lang": lang, "ignore": other_sites(site_dir)}
    result = subprocess.run([node, str(SCRIPT), json.dumps(config)], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NODE_PATH": os.pathsep.join(map(str, modules))})
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines() or ["no message"]
        raise HandbookError(f"offline: Workbox could not write {WORKER}: {lines[-1]}")
    return result.stdout.strip()


def check_site_dir(site_dir: Path) -> None:
    if not (site_dir / "index.html").is_file():
        raise HandbookError(f"offline: {site_dir} has no index.html; build the site first (python -m handbook build)")


def make_offline(site_dir: Path, name: str, short_name: str, description: str, lang: str) -> str:
    """The manifest, then the worker that precaches it with every page; returns what was done, in one line."""
    check_site_dir(site_dir)
    write_manifest(site_dir, name, short_name, description, lang)
    return write_worker(site_dir, lang)
