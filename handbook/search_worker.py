"""The site's search worker: Material's, behind handbook/search-worker.js (stop words out of questions).

Written beside Material's worker on a built site; the pages' search-on-demand script starts it in
Material's place. A site without exactly one Material search worker stops the build.
"""

import json
from pathlib import Path

from handbook.errors import HandbookError

WORKERS = "assets/javascripts/workers"
NAME = "search-questions.js"  # the pages' script asks for this name (overrides/partials/search-on-demand.html)
SOURCE = Path(__file__).with_name("search-worker.js")


def write_search_worker(site_dir: Path) -> Path:
    """Write the worker for ``site_dir`` (one language's site), naming Material's worker beside it."""
    found = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        raise HandbookError(f"search: {site_dir / WORKERS} should hold one Material search worker "
                            f"(search.*.min.js), not {len(found)}")
    target = site_dir / WORKERS / NAME
    target.write_text(SOURCE.read_text(encoding="utf-8").replace("MATERIAL_WORKER", json.dumps(found[0].name)),
                      encoding="utf-8")
    return target
