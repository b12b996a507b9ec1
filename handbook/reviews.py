"""Clinical review as records, never as typed-in text.

``data/reviewers.yaml`` names the clinicians; ``data/reviews.yaml`` records who reviewed which
page, in which language, on which day, and a fingerprint of exactly what they read: the page
as patients get it (its text once every macro has rendered). What a page says about review
follows from the records: reviewed while the fingerprint matches, "changed since" when it no
longer does, "not yet reviewed" when there is no record.
"""

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from handbook.errors import HandbookError, check_ids
from handbook.messages import validate
from handbook.models import Review, Reviewer
from handbook.yaml12 import load

REVIEWERS, REVIEWS = "reviewers.yaml", "reviews.yaml"
STATUS_FILE = "review-status.json"  # written into each language's built site
REVIEWED_TEXT = "reviewed-text.json"  # what each signed page said, for the next review's diff
TAGS = re.compile(r"<[^>]+>")
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
BLOCK_END = re.compile(r"</(p|li|h[1-6]|dt|dd|tr|summary|div|table)>|<br\s*/?>", re.I)


def patient_text(html: str) -> str:
    """The page's text as a patient reads it, one block a line (markup aside)."""
    import html as html_lib

    html = " ".join(PERMALINK.sub("", html).split())  # the source's own line breaks are not the reader's
    lines = html_lib.unescape(TAGS.sub(" ", BLOCK_END.sub("\n", html))).splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def fingerprint(html: str) -> str:
    """Sixteen hex digits of SHA-256 over the page's text as a patient reads it (markup and spacing aside)."""
    return hashlib.sha256(" ".join(patient_text(html).split()).encode()).hexdigest()[:16]


def load_records(data_dir: Path) -> tuple[dict[str, Reviewer], list[Review]]:
    """The reviewers and the reviews, checked against each other."""
    raw, lines = load(data_dir / REVIEWERS, f"data/{REVIEWERS}")
    reviewers = {r.id: r for r in validate(list[Reviewer], raw or [], f"data/{REVIEWERS}", lines)}
    raw, lines = load(data_dir / REVIEWS, f"data/{REVIEWS}")
    reviews = validate(list[Review], raw or [], f"data/{REVIEWS}", lines)
    for i, review in enumerate(reviews):
        where = f"data/{REVIEWS}, line {lines.get((i,), '?')}"
        check_ids([review.reviewer], reviewers, "reviewer id", where)
        if review.lang not in reviewers[review.reviewer].languages:
            raise HandbookError(f"{where}: {reviewers[review.reviewer].name} does not review pages in '{review.lang}' "
                                f"(data/{REVIEWERS}, key 'languages')")
    return reviewers, reviews


@dataclass(frozen=True)
class Status:
    """What a page may say about its clinical review."""

    kind: str  # "reviewed", "changed" or "unreviewed"
    review: Review | None = None
    reviewer: Reviewer | None = None

    @property
    def reviewed(self) -> bool:
        return self.kind == "reviewed"

    def line(self, words=str, long_date=lambda day: day.strftime("%-d %B %Y")) -> Markup:
        """The status as a sentence, in the language of ``words`` (Handbook.t) and ``long_date``, dates in <time>."""
        if self.review is None:
            return Markup(escape(words("Not yet reviewed by a clinician.")))
        day = Markup('<time datetime="{0}">{1}</time>').format(self.review.date.isoformat(),
                                                                 long_date(self.review.date))
        if self.kind == "changed":
            return Markup(escape(words("Changed since its clinical review on {date}, not yet re-reviewed."))
                          ).format(date=day)
        who = self.reviewer
        return Markup(escape(words("Clinically reviewed by {name}, {role} ({register} {number}) on {date}."))).format(
            name=who.name, role=who.role, register=who.register_name, number=who.register_number, date=day)


def status(page: str, lang: str, current: str, records: tuple[dict[str, Reviewer], list[Review]]) -> Status:
    """The page's status: the newest review of this page and language decides."""
    reviewers, reviews = records
    mine = sorted((r for r in reviews if r.page == page and r.lang == lang), key=lambda r: r.date)
    if not mine:
        return Status("unreviewed")
    last = mine[-1]
    return Status("reviewed" if last.fingerprint == current else "changed", last, reviewers[last.reviewer])


def sign(data_dir: Path, page: str, lang: str, reviewer: str, current: str, today: dt.date, text: str = "") -> str:
    """Append a review record with the page's current fingerprint, keep the text reviewed; return the record."""
    reviewers, _ = load_records(data_dir)
    check_ids([reviewer], reviewers, "reviewer id", "review sign --reviewer")
    if lang not in reviewers[reviewer].languages:
        raise HandbookError(f"review sign: {reviewers[reviewer].name} does not review pages in '{lang}'")
    path = data_dir / REVIEWS
    text_before = path.read_text(encoding="utf-8").rstrip()
    if text_before.endswith("[]"):
        text_before = text_before[: -2].rstrip()
    entry = (f"- {{page: {page}, lang: {lang}, reviewer: {reviewer}, date: {today.isoformat()}, "
             f"fingerprint: '{current}'}}")
    path.write_text(f"{text_before}\n{entry}\n", encoding="utf-8")
    if text:
        kept = data_dir / REVIEWED_TEXT
        reviewed = json.loads(kept.read_text(encoding="utf-8")) if kept.is_file() else {}
        reviewed.setdefault(lang, {})[page] = text
        kept.write_text(json.dumps(reviewed, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return entry
