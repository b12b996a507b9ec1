"""Build hook: clinic-branded PDF handouts and the whole-handbook PDF.

Pages with ``handout: <slug>`` in their front matter become
``site/handouts/<slug>.pdf``; every page in the nav goes into ``site/handbook.pdf``.
The PDFs are made with WeasyPrint from the same HTML readers see, so paper and web
cannot disagree. ``mkdocs serve`` skips this unless ``HANDOUTS=1``; ``HANDOUTS=0``
skips it in any command. ``HANDOUT_WORKERS`` sets how many processes render
(default: one per core).
"""

import logging
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from handout_pages import PdfJob, handbook_job, handout_job, render  # noqa: E402
from handout_settings import Clinic, page_size, worker_count  # noqa: E402

log = logging.getLogger("mkdocs.hooks.handouts")


class _Problems(logging.Handler):
    """Counts warnings, so a build that strict mode will abort skips the PDF work."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


_state: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    default = "0" if command == "serve" else "1"
    _state["enabled"] = os.environ.get("HANDOUTS", default) != "0"


def on_config(config):
    root = Path(config.config_file_path).parent
    _state.update(
        clinic=Clinic.from_config(config.extra.get("clinic", {}), os.environ, root),
        size=page_size(os.environ.get("HANDOUT_PAGE_SIZE", "A4")),
        workers=worker_count(os.environ.get("HANDOUT_WORKERS", "")),
        pages={},
        problems=_Problems(),
    )
    logging.getLogger("mkdocs").addHandler(_state["problems"])
    return config


def on_nav(nav, config, files):
    _state["order"] = [page.file.src_uri for page in nav.pages]
    return nav


def on_post_page(output: str, page, config) -> str:
    if _state.get("enabled"):
        _state["pages"][page.file.src_uri] = (page, output)
    return output


def on_post_build(config) -> None:
    logging.getLogger("mkdocs").removeHandler(_state["problems"])
    if not _state["enabled"]:
        log.info("PDF handouts skipped (HANDOUTS=1 builds them)")
        return
    if config.strict and _state["problems"].count:
        log.info("PDF handouts skipped: the build has warnings")
        return
    site_dir = Path(config.site_dir)
    pages = [_state["pages"][uri] for uri in _state["order"] if uri in _state["pages"]]
    common = dict(clinic=_state["clinic"], size=_state["size"], site_dir=site_dir, config=config)
    jobs: list[PdfJob] = [handbook_job(pages, **common)]
    jobs += [handout_job(page, html, **common) for page, html in pages if page.meta.get("handout")]
    start, total = time.perf_counter(), 0
    # Jobs start in order, the handbook (the longest) first, so both cores stay busy.
    with ProcessPoolExecutor(max_workers=_state["workers"]) as pool:
        for target, count in pool.map(render, jobs):
            total += count
            log.info("PDF: %s (%d %s)", Path(target).relative_to(site_dir), count, "page" if count == 1 else "pages")
    log.info("PDFs: %d files, %d pages in %.2f s", len(jobs), total, time.perf_counter() - start)
