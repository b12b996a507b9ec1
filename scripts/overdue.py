"""List every page whose clinical review is overdue; exit 1 if any (`make overdue`).

Ordinary builds only warn about overdue pages, so a date passing never breaks an
unrelated pull request; this command (run weekly in CI) is the one that fails.
"""

import datetime as dt
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def review_dates(docs: Path) -> dict[str, dt.date]:
    dates = {}
    for path in sorted(docs.rglob("*.md")):
        front = re.match(r"^---\n(.*?)\n---", path.read_text(encoding="utf-8"), re.S)
        meta = yaml.safe_load(front.group(1)) if front else {}
        dates[path.relative_to(docs.parent).as_posix()] = meta.get("next_review")
    return dates


def overdue(dates: dict, today: dt.date) -> list[str]:
    return [f"{page}: review was due on {due}" if due else f"{page}: no next_review date"
            for page, due in dates.items() if not isinstance(due, dt.date) or due < today]


def main(argv: list[str]) -> int:
    today = dt.date.fromisoformat(argv[0]) if argv else dt.date.today()
    late = overdue(review_dates(ROOT / "docs"), today)
    for line in late:
        print(line)
    print(f"{len(late)} page(s) overdue for review on {today}" if late else f"No page is overdue for review on {today}")
    return 1 if late else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
