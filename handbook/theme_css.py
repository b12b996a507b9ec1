"""The theme's stylesheets, trimmed to the rules a built site uses (``theme_css.cjs``, by PurgeCSS).

Material's main.css styles every extension it supports; this handbook uses few, and every page's first
load must stay within 75 KB (benchmarks/results/web.md). Runs on the finished files, before the offline
worker, so the worker precaches what is served. Each language's site is trimmed on its own.
"""

from pathlib import Path

from handbook import node, offline


def start() -> node.Script:
    """PurgeCSS, loading while the site is built; ``trim`` gives it the site."""
    return node.Script("theme-css", "theme_css.cjs", "purgecss", "PurgeCSS could not trim the theme's stylesheets")


def trim(site_dir: Path, script: node.Script | None = None) -> str:
    """Trim ``assets/stylesheets/*.css`` in place; returns the line the script printed (files and sizes)."""
    offline.check_site_dir(site_dir)
    config = {"site": str(site_dir.resolve()), "ignore": offline.other_sites(site_dir)}
    return (script or start()).run(config)
