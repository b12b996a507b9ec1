"""What the build publishes is what the editor wrote, and a failed build publishes nothing."""

import os
import re
import shutil
import subprocess
from pathlib import Path

from pdfread import page_texts

from support import BIN, ROOT, add_page, build_ok, fails_with


def test_values_are_published_as_written(project, tmp_path):
    """YAML 1.1 would publish 1:30 as 90 and 010 as 8; the handbook reads YAML 1.2 and keeps the text."""
    facts = project / "data/facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + "\nclock_time:\n  value: 1:30\n  sources: [nhs-botox]\n"
                     "leading_zero:\n  value: 010\n  sources: [nhs-botox]\nanswer:\n  value: yes\n  sources: [nhs-botox]\n",
                     encoding="utf-8")
    add_page(project, "At {{ facts.clock_time }}, code {{ facts.leading_zero }}, answer {{ facts.answer }}.",
             meta="description: 1:30 and 010\nlast_reviewed: 2026-11-01\nnext_review: 2027-11-01\n"
                  "sources: []\n")
    html = (build_ok(project, tmp_path / "out", HANDOUTS="0") / "scratch.html").read_text(encoding="utf-8")
    assert "At 1:30, code 010, answer yes." in html
    assert '<meta name="description" content="1:30 and 010">' in html


def test_a_quoted_date_in_front_matter_is_a_date(project, tmp_path):
    add_page(project, "Text.", meta="description: A page.\nlast_reviewed: '2026-11-01'\nnext_review: \"2027-11-01\"\n"
                                    "sources: []\n")
    html = (build_ok(project, tmp_path / "out", HANDOUTS="0") / "scratch.html").read_text(encoding="utf-8")
    assert "1 November 2026" in html and "1 November 2027" in html


def test_failed_build_publishes_nothing(project, tmp_path):
    """`make build` replaces site/ only when the strict build passes; MkDocs itself must be what fails."""
    for name in ("Makefile", "requirements.lock", "requirements-compat.lock", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build")
    add_page(project, "{{ undefined_thing }}")
    # -o: the venv and node packages are the test's own; make must not install them, only run the build.
    result = subprocess.run(["make", "-o", f"{BIN}/.installed", "-o", "node_modules/.installed", "build", f"VENV={BIN.parent}", "HANDOUTS=0"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    assert "docs/scratch.md, line 10: 'undefined_thing' is not allowed" in result.stdout + result.stderr
    assert (site / "index.html").read_text() == "last good build"


def node_children() -> list[str]:
    """The Node processes this process started and has not ended."""
    found = []
    for pid in Path("/proc").glob("[0-9]*"):
        try:
            comm, ppid = (pid / "comm").read_text().strip(), int((pid / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue  # ended meanwhile
        if ppid == os.getpid() and comm == "node":
            found.append(pid.name)
    return found


def test_a_failed_build_leaves_no_node_step_running(tmp_path):
    """The offline steps start with the build, to load while the pages are made; a build that fails ends them.
    The project as it is, failing once every page is built: the handouts asked for do not exist."""
    fails_with(ROOT, tmp_path, r"settings: HANDOUTS_ONLY names 'aftercare'", OFFLINE="1", HANDOUTS="1",
               HANDOUTS_ONLY="aftercare")
    assert node_children() == []


def test_long_words_wrap_and_a_box_taller_than_a_page_prints_whole(project, tmp_path):
    """HANDOUTS_ONLY: only that handout is made, in both print sizes, for the clinic and for patients, also for
    a clinic in another country than the language's own."""
    word = "Supercalifragilistic" * 15
    add_page(project, f"Word: {word} end.\n\n!!! warning \"Long box\"\n    " + "A long line of quokka advice. " * 400,
             meta="description: A page.\nlast_reviewed: 2026-11-01\nnext_review: 2027-11-01\n"
                  "sources: []\nhandout: scratch\n")
    site = build_ok(project, tmp_path / "out", HANDOUTS_ONLY="scratch", CLINIC_COUNTRY="US")
    assert sorted(p.relative_to(site / "handouts").as_posix() for p in site.rglob("*.pdf")) == [
        "large-print/scratch.pdf", "patient/large-print/scratch.pdf", "patient/scratch.pdf", "scratch.pdf"]
    pages = page_texts(site / "handouts/scratch.pdf")
    text = " ".join(pages)
    assert len(pages) >= 2 and "Long box" in pages[0]
    # A page break can fall mid-sentence, between running headers: count one word of each sentence.
    assert len(re.findall(r"\bquokka\b", text)) == 400, "part of the box was cut off"
    assert "".join(text.split()).count(word) == 1, "the long word was cut off"
