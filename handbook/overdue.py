"""Pages whose clinical review is overdue (`python -m handbook overdue`); exit 1 if any.

Ordinary builds only warn about overdue pages, so a date passing never breaks an
unrelated pull request; this command (run weekly in CI) is the one that fails.
"""

import datetime as dt
from pathlib import Path

from handbook.errors import HandbookError
from handbook.frontmatter import pages, read_meta
from handbook.messages import validate
from handbook.models import PageMeta


def overdue_pages(docs: Path, today: dt.date) -> list[str]:
    late = []
    for label, path in pages(docs).items():
        try:
            meta = validate(PageMeta, read_meta(path, label), f"{label} front matter")
        except HandbookError as exc:
            late.append(f"{label}: no valid review dates ({str(exc).splitlines()[0]})")
            continue
        if meta.next_review < today:
            late.append(f"{label}: review was due on {meta.next_review}")
    return late


def main(root: Path, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    late = overdue_pages(root / "docs", today)
    for line in late:
        print(line)
    print(f"{len(late)} page(s) overdue for review on {today}" if late else f"No page is overdue for review on {today}")
    return 1 if late else 0
