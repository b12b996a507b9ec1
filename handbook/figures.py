"""The handbook's own figures (``figure("name")`` in a page): inline SVG drawn from the data, so a
figure and the text beside it always show the same facts.

Each figure is a template in templates/figures/ and one function here that turns the data into
what its drawing needs. Words are English as written, translated by ``Handbook.t``; a line of
words is at most ``CHARS`` characters, so it fits in the drawing in the widest face used
(DejaVu Sans, on paper).
"""

import math
import re
import textwrap
from collections.abc import Callable
from functools import lru_cache

from handbook.data import Handbook
from handbook.errors import HandbookError
from handbook.render import TEMPLATES, render_block

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
WIDTH = 340  # drawing units across the figures laid out by ``stack``: their words at body size on a phone
LINE = 20  # drawing units from one line of words to the next (the words are 15 units high)
CHAR, BOLD = 8.0, 9.0  # drawing units a character takes on average, plain and bold, in DejaVu Sans: the widest
# face used (paper); tests/unit/test_figures.py measures every line in it
MOST_SESSIONS = 8  # circles that fit on one row of the course figure
DRAWN = ("needle_depth_mm", "sessions_typical")  # facts a figure draws to scale or counts: each must hold numbers


def fact_range(hb: Handbook, name: str) -> tuple[tuple[str, float], tuple[str, float]]:
    """A fact such as "0.5 to 2.5" ("0,5 a 2,5") as its lowest and highest number: (as written, value)."""
    text = str(hb.facts[name].value)
    found = NUMBER.findall(text)
    if not found:
        raise HandbookError(f"data/facts.yaml, fact '{name}': a figure draws it, so it must hold a number, not {text!r}")
    low, high = found[0], found[-1]
    return (low, float(low.replace(",", "."))), (high, float(high.replace(",", ".")))


def stack(rows: list[tuple[str, str, int]], top: float, gap: float, x: float, pad: float = 0,
          least: float = 0) -> list[dict]:
    """Rows of words one under another, from ``x`` to the figure's edge. Each row is (heading, words,
    room): the heading in bold, then ``room`` drawing units for a drawing, then the words, ``pad`` units
    inside its edges and at least ``least`` units tall. Each comes back with its ``top``, ``bottom``,
    ``x``, the room's top (``room_top``) and its ``lines`` as (baseline, text, bold)."""
    placed, y, room_x = [], top, WIDTH - x - max(pad, 4)
    for heading, words, room in rows:
        lines, baseline = [], y + pad + 15
        for text in textwrap.wrap(heading, int(room_x / BOLD)):
            lines.append((baseline, text, True))
            baseline += LINE
        room_top, baseline = baseline - 10, baseline + room
        for text in textwrap.wrap(words, int(room_x / CHAR)):
            lines.append((baseline, text, False))
            baseline += LINE
        bottom = max(baseline - LINE + 5 + pad, y + least)
        placed.append(dict(top=y, bottom=bottom, x=x, room_top=room_top, lines=lines))
        y = bottom + gap
    return placed


def _skin_depths(hb: Handbook) -> dict:
    (low_text, low), (high_text, high) = fact_range(hb, "needle_depth_mm")
    if not 0 < low <= high <= 6:
        raise HandbookError(f"data/facts.yaml, fact 'needle_depth_mm': {low} to {high} mm cannot be drawn")
    ruler = max(3, math.ceil(high + 0.5))  # millimetres on the ruler
    scale, top = 60, 76  # drawing units per millimetre, the skin's surface
    return dict(low_text=low_text, high_text=high_text, low_y=top + low * scale, high_y=top + high * scale,
                ruler=ruler, scale=scale, top=top, bottom=top + ruler * scale,
                fat_y=top + (ruler - 0.6) * scale, epidermis_y=top + 10, height=top + ruler * scale + 12)


def _course(hb: Handbook) -> dict:
    """Sessions as circles (the fewest solid, the rest dashed), then when results show and how long they last."""
    (_, low), (_, high) = fact_range(hb, "sessions_typical")
    if not (low.is_integer() and high.is_integer() and 1 <= low <= high <= MOST_SESSIONS):
        raise HandbookError(f"data/facts.yaml, fact 'sessions_typical': {low:g} to {high:g} sessions cannot be "
                            f"drawn; the figure 'course' draws 1 to {MOST_SESSIONS} whole sessions")
    facts = {k: str(hb.facts[k].value) for k in
             ("sessions_typical", "session_interval_weeks", "results_months", "results_last_months")}
    t = hb.t
    steps = stack([
        (t("Most people have {sessions} sessions").format(sessions=facts["sessions_typical"]),
         t("{weeks} weeks between sessions").format(weeks=facts["session_interval_weeks"]), 46),
        (t("After {months} months").format(months=facts["results_months"]), t("studies show clear changes"), 0),
        (t("{months} months after treatment").format(months=facts["results_last_months"]),
         t("results were still there in studies"), 0),
    ], top=8, gap=22, x=36)
    return dict(width=WIDTH, steps=steps, sessions=[(n, n <= low) for n in range(1, int(high) + 1)], low=int(low),
                height=steps[-1]["bottom"] + 8, **facts)


def _get_help(hb: Handbook) -> dict:
    """Three levels of help, each with its own colour, shape and words; who to call from the country's words."""
    t = hb.t
    rows = stack([
        (t("Not urgent"), t("Contact the clinic that treated you"), 0),
        (t("Get help today"), t("from {who}").format(who=hb.local["help_same_day"]), 0),
        (t("Emergency"), hb.local["help_emergency"], 0),
    ], top=1, gap=6, x=54, pad=5, least=50)  # each row a band at least as tall as its sign
    return dict(width=WIDTH, rows=rows, height=rows[-1]["bottom"] + 1, same_day=hb.local["help_same_day"],
                emergency=hb.local["help_emergency"])


def _recovery(hb: Handbook) -> dict:
    """Healing day by day, as the recovery table on after-treatment has it: a swatch for how red the skin is."""
    days, settled = (str(hb.facts[k].value) for k in ("redness_days", "side_effects_settle_days"))
    t = hb.t
    steps = stack([
        (t("Day of treatment"), t("Red like sunburn, with tiny dots of blood and mild swelling"), 0),
        (t("Days {days}").format(days=days), t("Redness and swelling fade a little each day"), 0),
        (t("Up to day {day}").format(day=settled), t("Dry, flaky skin that settles on its own"), 0),
        (t("Weeks to months"), t("Your skin slowly makes new collagen"), 0),
    ], top=8, gap=18, x=44)
    return dict(width=WIDTH, steps=steps, height=steps[-1]["bottom"] + 8, days=days, settled=settled)


def _how_it_works(hb: Handbook) -> dict:
    """The two treatments side by side: what each does to the skin or the muscle, and how soon it shows."""
    t = hb.t
    facts = {k: str(hb.facts[k].value) for k in ("results_months", "botox_onset_days", "botox_lasts_months")}
    rows = stack([
        (t("Microneedling: tiny holes in the skin"),
         t("The skin heals and makes new collagen. Changes show after {months} months.").format(
             months=facts["results_months"]), 70),
        (t("Botox: an injection into a muscle"),
         t("The muscle relaxes, so the line above it softens. It works within {days} days and lasts {lasts} "
           "months.").format(days=facts["botox_onset_days"], lasts=facts["botox_lasts_months"]), 92),
    ], top=1, gap=20, x=4)
    return dict(width=WIDTH, rows=rows, height=rows[-1]["bottom"] + 4, **facts)


def _devices(hb: Handbook) -> dict:
    """The three devices clinics use, each a line drawing beside its name and what it does."""
    t = hb.t
    rows = stack([
        (t("A pen"), t("An electric device. It moves a cartridge of needles up and down very fast."), 0),
        (t("A roller"), t("A small drum covered in needles, rolled over the skin."), 0),
        (t("A stamp"), t("A flat head of needles, pressed onto the skin."), 0),
    ], top=1, gap=10, x=84, least=74)
    return dict(width=WIDTH, rows=rows, height=rows[-1]["bottom"] + 1)


FIGURES: dict[str, Callable[[Handbook], dict]] = {
    "skin-depths": _skin_depths, "course": _course, "get-help": _get_help, "recovery": _recovery,
    "how-it-works": _how_it_works, "devices": _devices}


def render_figure(hb: Handbook, name: str, uid: str) -> str:
    """One of the handbook's own figures (``FIGURES``), drawn from the data; ``uid`` keeps its ids unique on a page."""
    if name not in FIGURES:
        raise HandbookError(f"figure(): unknown figure '{name}'; allowed values: {', '.join(FIGURES)}")
    return render_block(f"figures/{name}.html", uid=uid, name=name, _=hb.t, **FIGURES[name](hb))


@lru_cache(maxsize=1)
def paper_style() -> str:
    """The figures' colours and type on paper: WeasyPrint draws an inline SVG with its own styles only."""
    return (TEMPLATES / "figures" / "paper.css").read_text(encoding="utf-8")


def for_paper(svg_tags) -> None:
    """Give each figure's drawing (BeautifulSoup ``<svg>`` tags) its paper styles."""
    from bs4 import BeautifulSoup

    for svg in svg_tags:
        style = BeautifulSoup("", "html.parser").new_tag("style")
        style.string = paper_style()
        svg.insert(0, style)

