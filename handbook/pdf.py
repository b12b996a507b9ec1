"""PDF handouts and the whole-handbook PDF, made with WeasyPrint from each page's body.

Pure functions apart from ``render``, which writes one PDF. WeasyPrint may read
only files of the built site: no other file, no network, no attachments.
"""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from handbook.render import environment
from handbook.settings import Clinic

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
    reviewed_by: str


@dataclass(frozen=True)
class PdfJob:
    html: str
    site_dir: str
    target: str


def printable(content: str, page_url: str) -> str:
    """A page's body (Markdown rendered, no theme) ready for paper.

    Collapsed blocks open, links point at the live site (the PDF is the same
    wherever it was built), and nothing can ask for a file to be attached.
    """
    from bs4 import BeautifulSoup  # imported on first use: builds without PDFs stay fast

    body = BeautifulSoup(content, "html.parser")
    for details in body.find_all("details"):
        details["open"] = ""
    for node in body.find_all(rel=True):
        rel = node["rel"] if isinstance(node["rel"], list) else [node["rel"]]
        if "attachment" in [r.lower() for r in rel]:
            del node["rel"]
    for link in body.find_all(["link", "object", "embed", "iframe", "script"]):
        link.decompose()
    for link in body.find_all("a", href=True):
        link["href"] = urljoin(page_url, link["href"])
    return str(body)


def section(page, site_url: str) -> Section:
    meta, url = page.meta, urljoin(site_url, page.url)
    return Section(
        slug=Path(page.file.src_uri).stem,
        title=str(page.title),
        url=url,
        html=printable(page.content, url),
        last_reviewed=meta["last_reviewed"].strftime("%-d %B %Y"),
        next_review=meta["next_review"].strftime("%-d %B %Y"),
        reviewed_by=str(meta["reviewed_by"]),
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


def handout_job(page, *, clinic: Clinic, size: str, site_dir: Path, config, created: str) -> PdfJob:
    target = site_dir / "handouts" / f"{page.meta['handout']}.pdf"
    return _job("pdf/handout.html", target, site_dir, page=section(page, config.site_url or ""), clinic=clinic,
                size=PAGE_SIZES[size], site_name=config.site_name, created=created)


def handbook_job(pages: list, *, clinic: Clinic, size: str, site_dir: Path, config, created: str) -> PdfJob:
    sections = [section(page, config.site_url or "") for page in pages]
    return _job("pdf/handbook.html", site_dir / "handbook.pdf", site_dir, sections=sections, clinic=clinic,
                size=PAGE_SIZES[size], site_name=config.site_name, home_url=config.site_url or "",
                description=config.site_description, created=created)


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


def render(job: PdfJob) -> tuple[str, int]:
    """Write one PDF; return its path and page count."""
    from weasyprint import HTML  # imported here: slow to import, only needed in workers

    Path(job.target).parent.mkdir(parents=True, exist_ok=True)
    document = HTML(string=job.html, base_url=str(Path(job.site_dir).resolve()) + "/",
                    url_fetcher=site_only_fetcher(job.site_dir)).render()
    document.write_pdf(job.target, pdf_identifier=True)  # the identifier is a hash of the content
    return job.target, len(document.pages)
