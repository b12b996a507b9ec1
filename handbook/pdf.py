"""PDF handouts and the whole-handbook PDF, made with WeasyPrint from each page's body.

Pure functions apart from ``render``, which writes one PDF. WeasyPrint may read
only files of the built site: no other file, no network, no attachments.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from markupsafe import Markup

from handbook import figures
from handbook.built import BuiltPage, SiteInfo
from handbook.errors import HandbookError
from handbook.render import environment, reference_numbers
from handbook.settings import Clinic

if TYPE_CHECKING:
    from handbook import paper

PAGE_SIZES = {"A4": "A4", "Letter": "letter"}
FETCHABLE = {".css", ".png", ".jpg", ".jpeg", ".svg", ".gif", ".webp", ".woff", ".woff2", ".ttf"}


@dataclass(frozen=True)
class Section:
    """One page of the site, ready to print."""

    slug: str
    title: str
    url: str
    html: str
    last_reviewed: str
    next_review: str
    review_line: str  # the clinical review status (handbook/reviews.py), HTML
    version: str = ""  # the review date, as a leaflet version: 2026-11-20


@dataclass(frozen=True)
class PdfJob:
    html: str
    site_dir: str
    target: str


def printable(content: str, page_url: str, rules: paper.Rules | None = None, listed=(), medicine_treatments=()) -> str:
    """A page's body (Markdown rendered, no theme) ready for paper.

    Collapsed blocks open, wording made for paper (see handbook.paper), links
    that stay links point at the live site (the PDF is the same wherever it was
    built), and nothing can ask for a file to be attached.
    """
    from handbook import paper  # imported on first use: builds without PDFs stay fast

    own_file = urlsplit(page_url).path.rsplit("/", 1)[-1]
    body = paper.for_paper(content, own_file, rules or paper.Rules(), listed, medicine_treatments)
    figures.for_paper(body.select("svg.hb-figure__svg"))
    for details in body.find_all("details"):
        details["open"] = ""
    for node in body.find_all(rel=True):
        rel = node["rel"] if isinstance(node["rel"], list) else [node["rel"]]
        if "attachment" in [r.lower() for r in rel]:
            del node["rel"]
    for link in body.find_all(["link", "object", "embed", "iframe", "script"]):
        link.decompose()
    for link in body.find_all("a", href=True):
        if not link["href"].startswith("#"):
            link["href"] = urljoin(page_url, link["href"])
    for img in body.find_all("img"):
        img["alt"] = img.get("alt") or "Picture"  # tagged PDFs need alt text on every figure
    return str(body)


def section(page: BuiltPage, site_url: str, rules: paper.Rules | None = None, medicine_treatments=(),
            long_date=None) -> Section:
    url, long_date = urljoin(site_url, page.url), long_date or (lambda day: day.strftime("%-d %B %Y"))
    return Section(
        slug=page.slug,
        title=page.title,
        url=url,
        html=printable(page.paper or page.content, url, rules, list(page.sources), medicine_treatments),
        last_reviewed=long_date(dt.date.fromisoformat(page.last_reviewed)),
        next_review=long_date(dt.date.fromisoformat(page.next_review)),
        review_line=Markup(page.review_line),  # made by reviews.Status.line from escaped parts
        version=page.last_reviewed,
    )


def qr_uri(url: str) -> str:
    """The page's QR code as a vector SVG data URI: sharp at any print size."""
    import segno  # imported on first use, like bs4 above

    return segno.make(url, error="m").svg_data_uri(border=2)


def _job(template: str, target: Path, site_dir: Path, **context) -> PdfJob:
    env = environment()
    env.filters.setdefault("qr", qr_uri)
    html = env.get_template(template).render(**context)
    return PdfJob(html=html, site_dir=str(site_dir), target=str(target))


PATIENT_COPY = "patient"  # handouts/patient/: the published site's copy for patients, with no clinic in it


def patients_handouts(clinic: Clinic) -> str:
    """Where the pages' own "Download PDF handout" points: a clinic's build has one set, its own; the
    published site's clinic-ready set has blanks to fill in, so patients get a copy of their own."""
    return "handouts/" if clinic.branded else f"handouts/{PATIENT_COPY}/"


def leaflet_code(slug: str, large: bool = False) -> str:
    return f"MNH-{slug.upper()}" + ("-LP" if large else "")


def help_notice(clinic: Clinic, country, words=str) -> dict:
    """Who to call, in the clinic's country: the notice at the end of every PDF."""
    who = words("{name} on {phone}").format(name=clinic.name, phone=clinic.phone) if clinic.name and clinic.phone \
        else words("the clinic that treated you")
    return {"who": who, "urgent": country.urgent, "emergency": country.emergency}


def handout_job(page: BuiltPage, *, clinic: Clinic, size: str, site_dir: Path, site: SiteInfo, created: str,
                rules: paper.Rules | None = None, country=None, medicine_treatments=(), large: bool = False,
                lang: str = "en-GB", long_date=None, words=str, copy: str = "") -> PdfJob:
    slug = page.handout
    folder = site_dir / "handouts" / copy / ("large-print" if large else "")
    site_url = site.url
    other = urljoin(site_url, "handouts.html")  # the clinic handouts page lists both editions
    return _job("pdf/handout.html", folder / f"{slug}.pdf", site_dir,
                page=section(page, site_url, rules, medicine_treatments, long_date), clinic=clinic,
                size=PAGE_SIZES[size], site_name=site.name, created=created, large=large,
                code=leaflet_code(slug, large), other_edition=other, help=help_notice(clinic, country, words), lang=lang, _=words)


def handbook_job(pages: list[BuiltPage], *, clinic: Clinic, size: str, site_dir: Path, site: SiteInfo, created: str,
                 rules: paper.Rules | None = None, country=None, medicine_treatments=(), lang: str = "en-GB",
                 long_date=None, words=str) -> PdfJob:
    from markupsafe import escape

    from handbook import paper

    sections = [section(page, site.url, rules, medicine_treatments, long_date) for page in pages]
    lead = paper.for_paper(f"<p>{escape(site.description)}</p>", "index.html", rules or paper.Rules())
    return _job("pdf/handbook.html", site_dir / "handbook.pdf", site_dir, sections=sections, clinic=clinic,
                size=PAGE_SIZES[size], site_name=site.name, home_url=site.url,
                description=lead.get_text(), created=created, large=False,
                help=help_notice(clinic, country, words), lang=lang, _=words)


def jobs(pages: list[BuiltPage], *, handbook, clinic: Clinic, size: str, site_dir: Path,
         site: SiteInfo, created: str, report: list[str] | None = None, only: tuple[str, ...] = ()) -> list[PdfJob]:
    """Every PDF of a build: the handbook first (the longest), then each handout in standard and large print;
    ``only``: just the handouts of these names (HANDOUTS_ONLY), and no handbook.

    Pages with ``audience: clinics`` stay out of the patient handbook. Where the
    clinic's country does not let a branded leaflet name a prescription-only
    medicine, a leaflet about one is not issued and the rest leave it out.
    """
    from handbook import paper

    countries = handbook.countries
    country = countries.countries[clinic.country]
    names = tuple(countries.prescription_medicines)
    strict = clinic.branded and not country.branded_may_name_medicines
    pattern = paper.Rules(medicines=names).medicine_pattern()
    named = lambda page: strict and bool(pattern.search(page.title))  # noqa: E731
    patient = [p for p in pages if p.audience == "patients" and not named(p)]
    handouts = [p for p in patient if p.handout]
    if unknown := sorted(set(only) - {p.handout for p in pages if p.handout}):
        raise HandbookError(f"settings: HANDOUTS_ONLY names {', '.join(repr(n) for n in unknown)}, which no page's "
                            f"`handout:` is; the handouts are {', '.join(sorted(p.handout for p in pages if p.handout))}")
    if only:
        handouts = [p for p in handouts if p.handout in only]
    left_out = frozenset(p.file for p in pages if p not in patient)
    medicine_treatments = [t.id for t in handbook.treatments.values() if strict and pattern.search(t.name)]
    numbers = reference_numbers(handbook)
    common = dict(
        medicines=names if strict else (),
        left_out=left_out,
        titles={p.file: p.title for p in pages}, site_url=site.url, words=handbook.t,
        references={r.id: (numbers[r.id], r.citation, r.url) for r in handbook.references.values()},
        contact=f"{clinic.name}: {clinic.phone}" if clinic.phone else "",
    )
    book = paper.Rules(kind="handbook", chapters={p.file: f"page-{p.slug}" for p in patient},
                       **common)
    leaflet = paper.Rules(kind="handout", leaflets={p.file: p.title for p in handouts}, **common)
    lang = f"en-{clinic.country}" if site.language.startswith("en") else site.language  # the PDF's /Lang, for screen readers
    shared = dict(clinic=clinic, size=size, site_dir=site_dir, site=site, created=created, country=country,
                  medicine_treatments=medicine_treatments, lang=lang, long_date=handbook.long_date, words=handbook.t)
    found = [] if only else [handbook_job(patient, rules=book, **shared)]
    for large in (False, True):
        found += [handout_job(p, rules=leaflet, large=large, **shared) for p in handouts]
    if not clinic.branded:  # the patient's copy: the handbook's own details and "the clinic that treated you"
        own = dict(shared, clinic=Clinic(name="", phone="", country=clinic.country), copy=PATIENT_COPY)
        mine = paper.Rules(kind="handout", leaflets=leaflet.leaflets, **{**common, "contact": ""})
        for large in (False, True):
            found += [handout_job(p, rules=mine, large=large, **own) for p in handouts]
    if report is not None:  # what leaving out the medicine took away, once each
        report += [f"{where}: {text}" for where, rules in (("handbook.pdf", book), ("handouts", leaflet))
                   for text in dict.fromkeys(rules.left_out_report)]
        report += [f"not made: handouts/{p.handout}.pdf ({p.title})" for p in pages if p.handout and named(p)]
    return found


def site_only_fetcher(site_dir: str):
    """A WeasyPrint URL fetcher that serves data: URIs and files of the built site, and nothing else."""
    from weasyprint.urls import URLFetcher

    root = Path(site_dir).resolve()

    class SiteOnly(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file":
                path = Path(url2pathname(parts.path)).resolve()
                if path.is_relative_to(root) and path.suffix.lower() in FETCHABLE and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"blocked: PDFs may use only files of the built site, not {url[:80]}")

    return SiteOnly()


class _Errors(logging.Handler):
    """WeasyPrint's ERROR records (a blocked file, an image without alt text, no language): each fails the PDF."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def load_renderer() -> None:
    """WeasyPrint, imported before the PDF workers start: each is a fork of this process and begins with it
    loaded (imported in each worker, it cost 0.6 s of CPU apiece). Builds without PDFs never import it."""
    import weasyprint  # noqa: F401


def render(job: PdfJob) -> tuple[str, int]:
    """Write one tagged PDF/UA-1 file; return its path and page count."""
    from weasyprint import HTML  # loaded already by load_renderer, when render runs in a worker

    Path(job.target).parent.mkdir(parents=True, exist_ok=True)
    errors, log = _Errors(), logging.getLogger("weasyprint")
    log.addHandler(errors)
    try:
        document = HTML(string=job.html, base_url=str(Path(job.site_dir).resolve()) + "/",
                        url_fetcher=site_only_fetcher(job.site_dir)).render(pdf_variant="pdf/ua-1")
        # pdf/ua-1 tags the structure (headings, lists, tables, figures with alt text) and writes the
        # PDF/UA identification; the file identifier is a hash of the content, so rebuilds match.
        document.write_pdf(job.target, pdf_variant="pdf/ua-1", pdf_identifier=True)
    finally:
        log.removeHandler(errors)
    if errors.messages:
        raise RuntimeError(f"{Path(job.target).name}: {'; '.join(dict.fromkeys(errors.messages))}")
    return job.target, len(document.pages)
