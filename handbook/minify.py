"""The handbook's own stylesheets and scripts, minified in the built site.

Their comments are for editors; readers' phones get the rules alone, which keeps
every first load under 75 KB (benchmarks/results/web.md). Material's own files
come minified; vendored files (assets/) are left as they are.
"""

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
FOLDERS = ("stylesheets", "javascripts")  # docs/stylesheets, docs/javascripts


def minify_assets(site_dir: Path) -> list[Path]:
    """Minify, in place, the CSS and JS files of FOLDERS in a built site; returns the files."""
    done = []
    for folder in FOLDERS:
        for path in sorted((site_dir / folder).glob("*")):
            if minify := MINIFIERS.get(path.suffix):
                path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
                done.append(path)
    return done
