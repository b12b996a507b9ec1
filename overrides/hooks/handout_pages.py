"""PDF building blocks: print-ready HTML, the jobs, and rendering.

Pure functions apart from ``render``, which writes one PDF.
"""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from handout_settings import Clinic, build_time

TEMPLATES = Path(__file__).parent.parent / "pdf"
# Web-only parts of a built page that have no place on paper.
SCREEN_ONLY = [".headerlink", ".hb-handout-link", ".md-content__button", ".md-source-file", ".hb-notice", ".hb-review"]


@dataclass(frozen=True)
class Section:
    """One page of the site, ready to print."""

    slug: str
    title: str
    url: str
    html: str
    last_reviewed: str
    next_review: str
    reviewed_by: str


@dataclass(frozen=True)
class PdfJob:
    html: str
    base_url: str
    target: str


def printable(output: str, page_url: str) -> str:
    """The article of a built page, ready for paper.

    Web-only parts go, collapsed blocks open, and links point at the live site
    (so the PDF is the same wherever it was built).
    """
    from bs4 import BeautifulSoup  # imported on first use: builds without PDFs stay fast

    article = BeautifulSoup(output, "html.parser").select_one("article.md-content__inner")
    for selector in SCREEN_ONLY:
        for node in article.select(selector):
            node.decompose()
    for details in article.find_all("details"):
        details["open"] = ""
    for link in article.find_all("a", href=True):
        link["href"] = urljoin(page_url, link["href"])
    return article.decode_contents()


def section(page, output: str, site_url: str) -> Section:
    meta, url = page.meta, urljoin(site_url, page.url)
    return Section(
        slug=Path(page.file.src_uri).stem,
        title=page.title,
        url=url,
        html=printable(output, url),
        last_reviewed=meta["last_reviewed"].strftime("%-d %B %Y"),
        next_review=meta["next_review"].strftime("%-d %B %Y"),
        reviewed_by=meta["reviewed_by"],
    )


def qr_uri(url: str) -> str:
    """The page's QR code as a vector SVG data URI: sharp at any print size."""
    import segno  # imported on first use, like bs4 above

    return segno.make(url, error="m").svg_data_uri(border=2)


def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined)
    env.filters["qr"] = qr_uri
    return env


def _job(template: str, target: Path, site_dir: Path, **context) -> PdfJob:
    html = _templates().get_template(template).render(created=build_time(), **context)
    return PdfJob(html=html, base_url=str(site_dir) + "/", target=str(target))


def handout_job(page, output: str, *, clinic: Clinic, size: str, site_dir: Path, config) -> PdfJob:
    sec = section(page, output, config.site_url or "")
    target = site_dir / "handouts" / f"{page.meta['handout']}.pdf"
    return _job("handout.html", target, site_dir, page=sec, clinic=clinic, size=size, site_name=config.site_name)


def handbook_job(pages: list, *, clinic: Clinic, size: str, site_dir: Path, config) -> PdfJob:
    sections = [section(page, output, config.site_url or "") for page, output in pages]
    return _job(
        "handbook.html", site_dir / "handbook.pdf", site_dir,
        sections=sections, clinic=clinic, size=size, site_name=config.site_name,
        home_url=config.site_url or "", description=config.site_description,
    )


def render(job: PdfJob) -> tuple[str, int]:
    """Write one PDF; return its path and page count."""
    from weasyprint import HTML  # imported here: slow to import, only needed in workers

    Path(job.target).parent.mkdir(parents=True, exist_ok=True)
    document = HTML(string=job.html, base_url=job.base_url).render()
    document.write_pdf(job.target, pdf_identifier=True)  # the identifier is a hash of the content
    return job.target, len(document.pages)
