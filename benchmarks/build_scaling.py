"""Build time of the handbook against a plain Material build of the same pages,
at the real size and at 10, 100 and 1,000 generated pages.

Usage: .venv/bin/python benchmarks/build_scaling.py   (or `make bench-build`)
PDFs are off (HANDOUTS=0) so both builds do the same work: site pages only.
"""

import shutil
import tempfile
from pathlib import Path

import yaml
from machine import BIN, ROOT, SMOKE, median, timed, write

PLAIN = """site_name: Plain Material
theme: {name: material}
use_directory_urls: false
markdown_extensions: [admonition, attr_list, md_in_html, tables, toc, pymdownx.details, pymdownx.superfences]
"""
PAGE = """---
description: Generated page {n}.
last_reviewed: 2026-11-20
next_review: 2027-11-20
sources: []
---

# Generated page {n}

## Section one

Microneedling uses fine needles to make small wounds that heal and build collagen.
Read more on [the home page](../index.md).

## Section two

- Point one about aftercare.
- Point two about sessions.
"""


def project(tmp: Path, generated: int) -> Path:
    dest = tmp / f"ours-{generated}"
    for part in ["docs", "data", "overrides", "includes", "handbook", "macros.py", "mkdocs.yml"]:
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, dest / part)
    if generated:
        gen = dest / "docs" / "generated"
        gen.mkdir()
        for n in range(generated):
            (gen / f"page-{n:04}.md").write_text(PAGE.format(n=n))
        config = (dest / "mkdocs.yml").read_text()
        # Topics of ten pages each, as a large handbook would be organised.
        entries = "".join(
            (f"      - Topic {n // 10}:\n" if n % 10 == 0 else "") + f"          - Page {n}: generated/page-{n:04}.md\n"
            for n in range(generated))
        config = config.replace("  - Help:\n", f"  - Generated:\n{entries}  - Help:\n")
        (dest / "mkdocs.yml").write_text(config)
    return dest


def plain(ours: Path) -> Path:
    """The same pages rendered by plain Material: macros already expanded by our build."""
    dest = ours.parent / (ours.name.replace("ours", "plain"))
    nav = yaml.safe_load(((ours / "mkdocs.yml").read_text().split("nav:\n", 1)[1]).replace("!ENV", ""))
    shutil.copytree(ours / "docs", dest / "docs")
    for md in (dest / "docs").rglob("*.md"):  # drop macros; plain Material cannot render them
        text = md.read_text()
        # and the handbook's own home template (overrides/home.html), which plain Material does not have
        md.write_text("\n".join(line for line in text.splitlines()
                                if "{{" not in line and not line.startswith("template:")))
    (dest / "mkdocs.yml").write_text(PLAIN + yaml.safe_dump({"nav": nav}, sort_keys=False))
    return dest


def seconds(folder: Path, runs: int, **env: str) -> float:
    cmd = [str(BIN / "mkdocs"), "build", "--site-dir", str(folder / "site")]
    return median([timed(cmd, folder, HANDOUTS="0", **env) for _ in range(runs)])


def summary(figures: list[tuple[int, float, float]], web: float) -> str:
    """What the figures say about the two targets; ``web``: the real size without the offline step."""
    (real, ours, plain_s), (big, ours_big, plain_big) = figures[0], figures[-1]
    hundred = next((f for f in figures if 100 <= f[0] < 1000), figures[0])
    met = "meets" if ours <= 1.2 * plain_s else "misses"
    first_met = next((f"{n} pages" for n, a, b in figures if a <= 1.2 * b), "no size measured")
    return (
        f"At the real size ({real} pages) the handbook takes {ours:.2f} s against {plain_s:.2f} s: it {met} the\n"
        f"1.2x target (first met at {first_met}). The difference is a fixed start-up cost of\n"
        f"about {ours - plain_s:.2f} s that plain Material does not pay. Of it, {ours - web:.2f} s is the offline "
        "step\n(Node, started with the build so that PurgeCSS and Workbox load while the pages are made; then\n"
        "PurgeCSS trims the theme's stylesheets and Workbox writes sw.js); the other "
        f"{web - plain_s:.2f} s is\nthe plugin and its imports, pydantic, loading and cross-checking `data/`, "
        "the page sandbox and\nsanitiser, both editions of each page, the patients' search words and "
        "questions, and the redirect pages.\n\n"
        f"Growth: from {hundred[0]} to {big} pages the handbook goes from {hundred[1]:.2f} s to {ours_big:.2f} s\n"
        f"({(ours_big - hundred[1]) / (big - hundred[0]) * 1000:.1f} ms a page), plain Material from "
        f"{hundred[2]:.2f} s to {plain_big:.2f} s\n"
        f"({(plain_big - hundred[2]) / (big - hundred[0]) * 1000:.1f} ms a page). With `navigation.prune` each "
        "page carries only its own part\nof the navigation, so the handbook grows linearly; plain Material "
        "writes the whole navigation\ninto every page and grows faster than the page count.\n")


def main() -> None:
    rows, figures, webs = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for generated, runs in ((0, 1), (10, 1)) if SMOKE else ((0, 3), (10, 3), (100, 3), (1000, 1)):
            ours = project(Path(tmp), generated)
            a, b = seconds(ours, runs), seconds(plain(ours), runs)
            # The same build without the offline step (Node); smoke mode has no offline step, so `a` is it.
            web = a if SMOKE else seconds(ours, runs, OFFLINE="0")
            pages = len(list((ours / "docs").rglob("*.md")))
            rows.append(f"| {pages} | {a:.2f} s | {web:.2f} s ({web / b:.2f}x) | {b:.2f} s | {a / b:.2f}x "
                        f"| {a / pages * 1000:.0f} ms |")
            figures.append((pages, a, b))
            webs.append(web)
            print(rows[-1], flush=True)
    write("build.md", "Build time and growth", f"""
Handbook (strict, macros, validation, search, offline, redirects; PDFs off) against plain
Material with the same pages and nav. Median of 3 runs (1 run at 1,000 pages).

The third column is the handbook without its offline step (OFFLINE=0: no trimmed theme
stylesheets and no sw.js, both made with Node), which plain Material does not have either.

| Pages | Handbook | Without the offline step | Plain Material | Ratio | Handbook per page |
|---|---|---|---|---|---|
{chr(10).join(rows)}

Target: at most 1.2x plain Material at the real size, and linear growth.

{summary(figures, webs[0])}
""")


if __name__ == "__main__":
    main()
