"""Helpers every test tier shares: the project root, builds, and private project copies."""

import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from handbook.frontmatter import pages, read_meta

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# What a project copy needs to build; everything an editor can change.
PROJECT_PARTS = ["docs", "data", "overrides", "includes", "handbook", "macros.py", "mkdocs.yml",
                 "docs-es", "includes-es", "mkdocs.es.yml"]  # the Spanish edition


@functools.cache
def site_config():
    """mkdocs.yml as MkDocs reads it (defaults, !ENV and plugins resolved)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


def page_front_matter() -> dict[str, dict]:
    """Every page's front matter, read by the build's own reader, keyed by docs/<page>.md."""
    return {label: read_meta(path, label) for label, path in pages(ROOT / "docs").items()}


def mkdocs_env(**extra: str) -> dict:
    """Environment for a build: quiet banners, no clinic overrides leaking in, and no offline step (the trimmed
    stylesheets and sw.js, made with Node: 4 s of a 7 s build) unless asked for with OFFLINE="1", as the
    shared site and the injected builds do."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLINIC_", "HANDOUT", "OFFLINE"))}
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PATH=f"{BIN}:{env.get('PATH', '')}",
               OFFLINE="0")
    env.update(extra)
    return env


def build(project: Path, site_dir: Path, config: str = "mkdocs.yml", **env: str) -> subprocess.CompletedProcess:
    """Run a strict `mkdocs build` (mkdocs.es.yml: the Spanish edition); return the finished process (never raises)."""
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--config-file", config, "--site-dir", str(site_dir)],
        cwd=project, env=mkdocs_env(**env), capture_output=True, text=True, timeout=600,
    )


def build_ok(project: Path, site_dir: Path, config: str = "mkdocs.yml", **env: str) -> Path:
    result = build(project, site_dir, config, **env)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


def build_both_ok(project: Path, site_dir: Path, **env: str) -> Path:
    """Both languages as `make build` builds them: `python -m handbook build`, English, then Spanish into es/."""
    result = subprocess.run([str(BIN / "python"), "-m", "handbook", "build", str(site_dir)], cwd=project,
                            env=mkdocs_env(**env), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


def copy_project(parent: Path) -> Path:
    """Copy what a build needs into ``parent/project``."""
    dest = parent / "project"
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def build_in_process(project: Path, site_dir: Path, config: str = "mkdocs.yml", **env: str):
    """The same strict build as `build`, in this process (no interpreter start-up): what it printed, and 1 if it
    failed. The environment and the working folder are the build's own for its duration (as `build` gives the
    subprocess); a traceback is printed as one would be."""
    import contextlib
    import io
    import logging
    import traceback

    from mkdocs.commands.build import build as run_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    printed = io.StringIO()
    handler = logging.StreamHandler(printed)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    loggers = [logging.getLogger(name) for name in ("mkdocs", "handbook.review", "handbook.translations")]
    saved, build_env = dict(os.environ), mkdocs_env(**env)
    os.environ.clear()
    os.environ.update(build_env)
    for logger in loggers:
        logger.addHandler(handler)
    code, config_obj = 0, None
    try:
        with contextlib.chdir(project), contextlib.redirect_stderr(printed), contextlib.redirect_stdout(printed):
            config_obj = load_config(str(project / config), site_dir=str(site_dir), strict=True)
            config_obj.plugins.on_startup(command="build", dirty=False)
            run_build(config_obj)
    except (Abort, ConfigurationError) as exc:
        code = 1
        printed.write(f"{exc}\n")
    except SystemExit as exc:  # mkdocs-macros stops the build with exit() after printing its line
        code = exc.code if isinstance(exc.code, int) and exc.code else 1
    except Exception:  # what a person would see: a traceback, which the tests refuse
        code = 1
        printed.write(traceback.format_exc())
    finally:
        if config_obj is not None:
            config_obj.plugins.on_shutdown()
        for logger in loggers:
            logger.removeHandler(handler)
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess([], code, printed.getvalue(), "")


def fails_with(project: Path, tmp_path: Path, *patterns: str, **env: str) -> str:
    """Build in-process (no PDFs unless asked); assert it fails, prints every pattern and no traceback."""
    result = build_in_process(project, tmp_path / "out", **{"HANDOUTS": "0", **env})
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"build passed but should fail:\n{output}"
    assert "Traceback" not in output, f"an editor would see a traceback:\n{output}"
    for pattern in patterns:
        assert re.search(pattern, output), f"{pattern!r} not in build output:\n{output}"
    return output


def add_page(project, body: str, name: str = "scratch.md", meta: str | None = None) -> None:
    meta = meta or ("description: A scratch page.\nlast_reviewed: 2026-11-01\nnext_review: 2027-11-01\n"
                    "sources: []\n")
    (project / "docs" / name).write_text(f"---\n{meta}---\n\n# Scratch\n\n{body}\n", encoding="utf-8")
    edit(project / "mkdocs.yml", "      - References: references.md", f"      - References: references.md\n      - Scratch: {name}")


def sub(path: Path, pattern: str, repl: str) -> None:
    """Replace the first match of a regular expression in a file (``re.M``); fail if there is none."""
    text, count = re.subn(pattern, repl, path.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert count, f"{pattern!r} not found in {path}"
    path.write_text(text, encoding="utf-8")


# An attack a pull request could carry: break out of an attribute, run a script, fire an event
# handler, and ask the PDF maker to attach a local file.
PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)><a rel="attachment" href="file:///etc/hostname">f</a>'
SHORT_PAYLOAD = "<img src=x onerror=alert(3)>"  # fits the clinic name limit


def inject_everywhere(project: Path) -> dict:
    """Put the payload into every kind of untrusted value; return the CLINIC_* environment that carries it too."""
    quoted = f"'{PAYLOAD}'"
    sub(project / "data/facts.yaml", r"^(  value: ).*$", rf"\g<1>{quoted}")
    sub(project / "data/treatments.yaml", r"^(        text: ).*$", rf"\g<1>{quoted}")
    sub(project / "data/treatments.yaml", r"^(    name: ).*$", rf"\g<1>{quoted}")
    sub(project / "data/contraindications.yaml", r"^(  condition: ).*$", rf"\g<1>{quoted}")
    sub(project / "data/contraindications.yaml", r"^(      reason: ).*$", rf"\g<1>{quoted}")
    sub(project / "data/references.yaml", r"^(  citation: ).*$", rf"\g<1>{quoted}")
    sub(project / "data/treatments.yaml", r"^(    label: ).*$", rf"\g<1>{quoted}")
    meta = (f"title: {quoted}\ndescription: {quoted}\nlast_reviewed: 2026-11-01\nnext_review: 2027-11-01\n"
            f"sources: []\nhandout: injected\n")
    body = PAYLOAD.replace("src=x", 'src="assets/favicon.svg"')  # an image that exists: only the handler is bad
    add_page(project, f"{body}\n\n<link rel=\"attachment\" href=\"../.git/config\">\n\n"
                      "{{ facts." + re.search(r"^(\w+):", (project / "data/facts.yaml").read_text(), re.M).group(1) + " }}",
             name="injected.md", meta=meta)
    return {"CLINIC_NAME": SHORT_PAYLOAD, "CLINIC_PHONE": PAYLOAD, "CLINIC_EMAIL": PAYLOAD,
            "CLINIC_WEBSITE": PAYLOAD, "CLINIC_ADDRESS": PAYLOAD}


INJECTED_EPOCH = 1700000000  # SOURCE_DATE_EPOCH of the injected build: 2023-11-14


def build_injected(parent: Path) -> Path:
    """A project copy in ``parent`` with the payload everywhere (inject_everywhere), built with PDFs; its site."""
    project = copy_project(parent)
    clinic = inject_everywhere(project)
    return build_ok(project, project / "site", SOURCE_DATE_EPOCH=str(INJECTED_EPOCH), OFFLINE="1", **clinic)


UNITS = {"_hours": "hour", "_days": "day", "_weeks": "week", "_months": "month", "_minutes": "minute", "_mm": "mm", "_years": "year"}


def fact_phrases(key: str, value) -> list[str]:
    """What a retyped copy of a fact looks like: the value, with its unit when the value is a bare number."""
    value = str(value)
    unit = next((u for suffix, u in UNITS.items() if key.endswith(suffix)), None)
    if re.fullmatch(r"[\d.]+", value):
        return [rf"\b{re.escape(value)}\s+{unit}s?\b"] if unit else []
    if " to " in value and unit:
        return [rf"\b{re.escape(value)}\s+{unit}s?\b"]
    return [rf"(?<![\w£]){re.escape(value)}(?!\w)"]
