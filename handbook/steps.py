"""The steps that run on a finished site: `python -m handbook <step> SITE_DIR`.

The MkDocs adapter calls the same functions at the end of a build, so a future
generator needs only to write the pages' manifest (``handbook/built.py``) to reuse them.
"""

import logging
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from handbook import editions, languages, minify, offline, pdf, search_worker, settings, site_checks, theme_css
from handbook.built import BuiltPage, SiteInfo, read_manifest
from handbook.data import Handbook, load_handbook
from handbook.errors import HandbookError

log = logging.getLogger("mkdocs.handbook")
LEFT_OUT = "handouts/left-out.txt"


def make_pdfs(site_dir: Path, root: Path, site: SiteInfo, pages: list[BuiltPage], hb: Handbook,
              env: settings.Environment, clinic: settings.Clinic) -> None:
    """Every PDF of a build, in its language: the handbook, then each handout in standard and large print."""
    site_checks.check_printable(pages, clinic)
    if env.REQUIRE_CLINICAL_REVIEW:
        site_checks.check_clinical_review(pages)
    left_out: list[str] = []
    jobs = pdf.jobs(pages, handbook=hb, clinic=clinic, size=env.HANDOUT_PAGE_SIZE,
                    site_dir=site_dir, site=site, created=settings.build_time(env), report=left_out,
                    only=settings.only_handouts(env))
    edition = editions.Edition(site.language, clinic.country, "paper")
    printed = {Path(j.target).relative_to(site_dir).as_posix(): j.html for j in jobs}
    editions.check_foreign(printed, edition, hb.countries.countries)
    editions.check_paper_words(printed, edition)
    start, total = time.perf_counter(), 0
    pdf.load_renderer()
    # Jobs start in order, the handbook (the longest) first, so both cores stay busy.
    with ProcessPoolExecutor(max_workers=settings.worker_count(env)) as pool:
        try:
            for target, count in pool.map(pdf.render, jobs):
                total += count
                log.info("PDF: %s (%d %s)", Path(target).relative_to(site_dir), count, "page" if count == 1 else "pages")
        except Exception as exc:  # a worker's error, shown as one line rather than a traceback
            raise HandbookError(f"PDF handouts: {exc}") from None
    log.info("PDFs: %d files, %d pages in %.2f s", len(jobs), total, time.perf_counter() - start)
    if left_out:  # for the clinic and for reviewers: what its paper does not say, and why
        (site_dir / LEFT_OUT).write_text(
            f"Left out of {clinic.name}'s handouts ({edition}): {clinic.country} rules do not let a clinic's "
            "leaflet name a prescription-only medicine (data/countries.yaml).\n\n" + "\n".join(left_out) + "\n",
            encoding="utf-8")
        log.info("PDFs: %d passages naming a prescription-only medicine left out (%s)", len(left_out), LEFT_OUT)


def _built(site_dir: Path, root: Path) -> tuple[SiteInfo, list[BuiltPage], Handbook]:
    site, pages = read_manifest(site_dir)
    return site, pages, load_handbook(root / "data", site.language, site.country)


def pdfs(site_dir: Path, root: Path) -> int:
    """`pdfs SITE_DIR`: the PDFs of a built site (one language's folder), with today's CLINIC_* settings."""
    site, pages, hb = _built(site_dir, root)
    env = settings.read_environment()
    clinic = settings.clinic_from(site.clinic, env, root, hb.countries.countries, hb.country)
    if clinic.country != hb.country:
        raise HandbookError(f"settings: CLINIC_COUNTRY is {clinic.country}, but {site_dir} is written for {hb.country}; "
                            f"build the handouts with `CLINIC_COUNTRY={clinic.country} python -m handbook build`")
    make_pdfs(site_dir, root, site, pages, hb, env, clinic)
    return 0


def check_site(site_dir: Path, root: Path) -> int:
    """`check-site SITE_DIR`: every box shown, handout names and ids unique, everything printable."""
    site, pages, hb = _built(site_dir, root)
    site_checks.check_site(pages, hb)
    print(f"{site_dir}: {len(pages)} pages pass the site checks")
    return 0


def sitemap(site_dir: Path, root: Path, site_url: str | None = None) -> int:
    """`sitemap SITE_DIR`: hreflang alternates in the sitemap (SITE_URL: the English address)."""
    site, _ = read_manifest(site_dir)
    languages.write_sitemap_alternates(site_dir, languages.bases(site.language, site.url, site_url), site.language)
    return 0


def minify_site(site_dir: Path, root: Path) -> int:
    """`minify SITE_DIR`: the handbook's own stylesheets and scripts, minified in place."""
    done = minify.minify_assets(site_dir)
    print(f"{site_dir}: {len(done)} files minified")
    return 0


def search_worker_site(site_dir: Path, root: Path) -> int:
    """`search-worker SITE_DIR`: the search worker that takes stop words out of questions, beside Material's."""
    print(f"{site_dir}: {search_worker.write_search_worker(site_dir).relative_to(site_dir)}")
    return 0


def trim_theme_css(site_dir: Path, root: Path) -> int:
    """`theme-css SITE_DIR`: the theme's stylesheets, trimmed to the rules the site uses (before `offline`)."""
    print(f"{site_dir}: {theme_css.trim(site_dir)}")
    return 0


def offline_site(site_dir: Path, root: Path) -> int:
    """`offline SITE_DIR`: the web app manifest and the offline worker (sw.js), from the site's final files."""
    offline.check_site_dir(site_dir)
    site, _, hb = _built(site_dir, root)
    print(f"{site_dir}: {offline.make_offline(site_dir, site.name, hb.t('Handbook'), site.description, site.language)}")
    return 0
