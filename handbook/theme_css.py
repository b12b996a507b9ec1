"""The theme's stylesheets, trimmed to the rules a built site uses (``theme_css.cjs``, by PurgeCSS).

Material's main.css styles every extension it supports; this handbook uses few, and every page's first
load must stay within 75 KB (benchmarks/results/web.md). Runs on the finished files, before the offline
worker, so the worker precaches what is served. Each language's site is trimmed on its own.
"""

from pathlib import Path

from handbook import node, offline


def trim(site_dir: Path) -> str:
    """Trim ``assets/stylesheets/*.css`` in place; returns the line the script printed (files and sizes)."""
    offline.check_site_dir(site_dir)
    config = {"site": str(site_dir.resolve()), "ignore": offline.other_sites(site_dir)}
    return node.run_script("theme-css", "theme_css.cjs", "purgecss", config, "PurgeCSS could not trim the theme's stylesheets")
