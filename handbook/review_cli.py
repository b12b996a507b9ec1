"""`python -m handbook review status | sign`: the clinical review records, for reviewers.

Both read the fingerprints a build writes (``review-status.json`` in each language's site), so
what a reviewer signs is exactly the page patients get from that build.
"""

import datetime as dt
import json
from pathlib import Path

from handbook import reviews
from handbook.errors import HandbookError
from handbook.translations import LANGUAGES


def _built(site: Path) -> dict[str, dict]:
    """{lang: {page: {fingerprint, status}}} from a built site."""
    found = {}
    for lang, folder in [("en", site), *((code, site / code) for code in LANGUAGES)]:
        path = folder / reviews.STATUS_FILE
        if not path.is_file():
            raise HandbookError(f"{path}: not found; build the site first (./task build)")
        found[lang] = json.loads(path.read_text(encoding="utf-8"))["pages"]
    return found


def status(root: Path, site: Path) -> int:
    records = reviews.load_records(root / "data")
    counts: dict[str, int] = {}
    for lang, pages in _built(site).items():
        for page, built in sorted(pages.items()):
            state = reviews.status(page, lang, built["fingerprint"], records)
            counts[state.kind] = counts.get(state.kind, 0) + 1
            print(f"{lang}  {page:<28} {state.line().striptags()}")
    print(", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())))
    return 0


def sign(root: Path, site: Path, page: str, reviewer: str, lang: str) -> int:
    pages = _built(site)[lang]
    if page not in pages:
        raise HandbookError(f"review sign: no page '{page}' in the built site ({lang}); "
                            f"pages: {', '.join(sorted(pages))}")
    entry = reviews.sign(root / "data", page, lang, reviewer, pages[page]["fingerprint"], dt.date.today())
    print(f"data/{reviews.REVIEWS}: {entry}\nRebuild the site: the page and its handout now show the review.")
    return 0
