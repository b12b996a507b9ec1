"""Reading ease of Spanish pages (`python -m handbook readability-es site/es`).

Szigriszt-Pazos on the INFLESZ scale (validated on Spanish patient leaflets:
65-80 "bastante fácil", over 80 "muy fácil") and Fernández-Huerta (70-80 "algo
fácil"), from textstat with Spanish syllables (Pyphen). Syllables come from
hyphenation, which reads a little easy: the limits are kept a few points firm.
"""

from pathlib import Path

from bs4 import BeautifulSoup
from textstat.backend.metrics import fernandez_huerta, szigriszt_pazos

from handbook.textcheck import page_prose

MIN_INFLESZ = 65.0  # "bastante fácil" (fairly easy) or easier
MIN_FERNANDEZ_HUERTA = 70.0  # "algo fácil" (fairly easy) or easier


def scores(text: str) -> tuple[float, float]:
    """(Szigriszt-Pazos / INFLESZ, Fernández-Huerta) for Spanish text."""
    return szigriszt_pazos(text, "es"), fernandez_huerta(text, "es")


def page_scores(site: Path) -> dict[str, tuple[float, float]]:
    """Scores of every Spanish page's prose (not redirects, not the 404 page)."""
    out = {}
    for path in sorted(site.glob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "refresh"}) or path.name == "404.html":
            continue
        out[path.name] = scores(page_prose(soup))
    return out


def main(site: Path) -> int:
    """Print both scores per page; 1 if any page is harder than "fairly easy"."""
    hard = 0
    for name, (inflesz, fh) in page_scores(site).items():
        bad = inflesz < MIN_INFLESZ or fh < MIN_FERNANDEZ_HUERTA
        hard += bad
        print(f"{inflesz:5.1f}  {fh:5.1f}  {name}{'  <-- use shorter sentences and words' if bad else ''}")
    print("INFLESZ (Szigriszt-Pazos) >= 65 and Fernández-Huerta >= 70: fairly easy or easier")
    return 1 if hard else 0
