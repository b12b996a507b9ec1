"""`python -m handbook review status | sign`: the clinical review records, for reviewers.

Both read the fingerprints a build writes (``review-status.json`` in each language's site), so
what a reviewer signs is exactly the page patients get from that build.
"""

import datetime as dt
import difflib
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
        if not path.is_file() and lang != "en":
            continue  # a site built in English only
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
    entry = reviews.sign(root / "data", page, lang, reviewer, pages[page]["fingerprint"], dt.date.today(),
                         pages[page]["text"])
    print(f"data/{reviews.REVIEWS}: {entry}\nRebuild the site: the page and its handout now show the review.")
    return 0


CHECKLIST = [
    "Every statement is right for patients today, and says how strong its evidence is.",
    "Each source below supports what the page says, and is the publisher's own page.",
    "When to get help is clear: which signs, and whom to call.",
    "Nothing could lead a patient to delay care or to harm themselves.",
    "The words are plain (reading grade 8 or lower) and not alarming.",
    "For a translation: it says the same as the English, for patients in that country.",
]


def pack(root: Path, site: Path, out: Path) -> int:
    """A readable pack per language of every page not reviewed as it is: what changed, the text, sources, checklist."""
    from handbook.data import load_handbook
    from handbook.frontmatter import read_meta
    from handbook.render import environment

    records = reviews.load_records(root / "data")
    kept = root / "data" / reviews.REVIEWED_TEXT
    reviewed_text = json.loads(kept.read_text(encoding="utf-8")) if kept.is_file() else {}
    out.mkdir(parents=True, exist_ok=True)
    for lang, pages in _built(site).items():
        hb, docs = load_handbook(root / "data", lang), root / ("docs" if lang == "en" else f"docs-{lang}")
        items = []
        for page, built in sorted(pages.items()):
            state = reviews.status(page, lang, built["fingerprint"], records)
            if state.reviewed:
                continue
            before = reviewed_text.get(lang, {}).get(page, "")
            diff = list(difflib.unified_diff(before.splitlines(), built["text"].splitlines(), lineterm="", n=1))[2:]
            sources = read_meta(docs / page, f"{docs.name}/{page}").get("sources") or []
            items.append(dict(page=page, title=built["title"], status=state.line(), diff=diff if before else [],
                              text=built["text"].splitlines(), sources=[hb.references[s] for s in sources]))
        html = environment().get_template("review/pack.html").render(lang=lang, items=items, checklist=CHECKLIST)
        target = out / f"review-pack-{lang}.html"
        target.write_text(html, encoding="utf-8")
        from weasyprint import HTML

        HTML(string=html).write_pdf(target.with_suffix(".pdf"))
        print(f"{target} and .pdf: {len(items)} pages to review")
    return 0
