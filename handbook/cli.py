"""One command line for people, CI and pre-commit: `python -m handbook <task>`."""

import argparse
import datetime as dt
import sys
from pathlib import Path

from handbook.errors import HandbookError

ROOT = Path.cwd()


def _overdue(args) -> int:
    from handbook import overdue

    return overdue.main(ROOT, dt.date.fromisoformat(args.today) if args.today else None)


def _schemas(args) -> int:
    from handbook import schemas

    schemas.write(ROOT)
    return 0


def _links(args) -> int:
    from handbook import links

    return links.main(Path(args.site))


def _readability(args) -> int:
    from handbook import textcheck

    return textcheck.main(Path(args.site))


def _check_data(args) -> int:
    from handbook import sandbox
    from handbook.data import load_handbook
    from handbook.frontmatter import pages, read_page, split
    from handbook.page_macros import macro_names
    from handbook.translations import LANGUAGES
    from handbook.yaml12 import read_text

    sandbox.check_project_files(ROOT)
    for tooltips in sorted(ROOT.glob("includes*/abbreviations.md")):
        sandbox.check_abbreviations(tooltips.read_text(encoding="utf-8"), tooltips.relative_to(ROOT).as_posix())
    for lang, docs in [("en", "docs"), *((code, f"docs-{code}") for code in LANGUAGES)]:
        hb = load_handbook(ROOT / "data", lang)
        names = macro_names()
        for label, path in pages(ROOT / docs).items():
            label = label.replace("docs/", f"{docs}/", 1)
            read_page(path, label, references=hb.references)
            text = read_text(path, label)
            _, front_lines = split(text)
            body = "".join(text.splitlines(keepends=True)[front_lines:])
            sandbox.check_page(body, label, front_lines + 1, names, hb.fact_texts())
        print(f"{lang}: data/ and {docs}/ are valid: {len(hb.treatments)} treatments, "
              f"{len(hb.contraindications)} contraindications, {len(hb.references)} references, {len(hb.facts)} facts")
    return 0


def _readability_es(args) -> int:
    from handbook import reading_es

    return reading_es.main(Path(args.site))


def _build(args) -> int:
    from handbook.adapter import build

    return build.main(ROOT, Path(args.site))


def _step(name: str):
    def run(args) -> int:
        from handbook import steps

        return getattr(steps, name)(Path(args.site), ROOT)

    return run


def _translations(args) -> int:
    from handbook import translations

    return translations.main(ROOT, strict=args.strict)


def _review_status(args) -> int:
    from handbook import review_cli

    return review_cli.status(ROOT, Path(args.site))


def _review_sign(args) -> int:
    from handbook import review_cli

    return review_cli.sign(ROOT, Path(args.site), args.page, args.reviewer, args.lang)


def _review_pack(args) -> int:
    from handbook import review_cli

    return review_cli.pack(ROOT, Path(args.site), Path(args.out))


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m handbook", description=__doc__)
    tasks = top.add_subparsers(dest="task", required=True)
    task = tasks.add_parser("overdue", help="list pages overdue for clinical review; fails if any")
    task.add_argument("--today", help="check as if today were this date (YYYY-MM-DD)")
    task.set_defaults(run=_overdue)
    tasks.add_parser("schemas", help="regenerate data/schema/*.json from the models").set_defaults(run=_schemas)
    tasks.add_parser("check-data", help="validate data/, front matter and page templates, every language, without building").set_defaults(run=_check_data)
    task = tasks.add_parser("translations", help="list missing and out-of-date translations; fails if any is missing")
    task.add_argument("--strict", action="store_true", help="fail on out-of-date translations too")
    task.set_defaults(run=_translations)
    for name, run, text in [("links", _links, "every internal link and anchor in a built site resolves"),
                            ("readability", _readability, "reading grade of every built page (8 or lower)")]:
        task = tasks.add_parser(name, help=text)
        task.add_argument("site", nargs="?", default="site")
        task.set_defaults(run=run)
    for name, func, text in [("pdfs", "pdfs", "the PDF handouts of a built site (one language's folder)"),
                             ("check-site", "check_site", "whole-site checks of a built site"),
                             ("sitemap", "sitemap", "every page's languages in a built site's sitemap"),
                             ("minify", "minify_site", "minify a built site's own styles and scripts"),
                             ("search-worker", "search_worker_site", "the search worker beside Material's (stop words)"),
                             ("theme-css", "trim_theme_css", "trim the theme's stylesheets to the rules the site uses"),
                             ("offline", "offline_site", "the web app manifest and offline worker (sw.js), last")]:
        task = tasks.add_parser(name, help=text)
        task.add_argument("site", help="a built site's folder: site, or site/es")
        task.set_defaults(run=_step(func))
    task = tasks.add_parser("build", help="strict build of every language in one process: English, then es/")
    task.add_argument("site", nargs="?", default="site")
    task.set_defaults(run=_build)
    task = tasks.add_parser("readability-es", help="reading ease of every built Spanish page (fairly easy or easier)")
    task.add_argument("site", nargs="?", default="site/es")
    task.set_defaults(run=_readability_es)
    review = tasks.add_parser("review", help="clinical review: each page's status, and signing a review")
    steps = review.add_subparsers(dest="step", required=True)
    task = steps.add_parser("status", help="every page and language with its clinical review status")
    task.add_argument("site", nargs="?", default="site", help="a built site (./task build)")
    task.set_defaults(run=_review_status)
    task = steps.add_parser("sign", help="record a review of PAGE as it is in the built site, today")
    task.add_argument("page", help="the page file, e.g. after-treatment.md")
    task.add_argument("--reviewer", required=True, help="an id from data/reviewers.yaml")
    task.add_argument("--lang", default="en", choices=["en", "es"])
    task.add_argument("--site", default="site", help="the built site the reviewer read (./task build)")
    task.set_defaults(run=_review_sign)
    task = steps.add_parser("pack", help="a readable pack (HTML and PDF) per language of every page to review")
    task.add_argument("site", nargs="?", default="site", help="a built site (./task build)")
    task.add_argument("--out", default="review-pack", help="folder for review-pack-<lang>.html and .pdf")
    task.set_defaults(run=_review_pack)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except HandbookError as exc:
        print(f"ERROR   -  {exc}", file=sys.stderr)
        return 1
