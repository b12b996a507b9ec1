"""Shared fixtures: one strict build per session, a real HTTP server, project copies,
and real headless Chromium (Debian's), driven by Playwright."""

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# What a project copy needs to build; everything an editor can change.
PROJECT_PARTS = ["docs", "data", "overrides", "includes", "macros.py", "mkdocs.yml"]


@functools.cache
def site_config():
    """mkdocs.yml as MkDocs reads it (defaults, !ENV and plugins resolved)."""
    from mkdocs.config import load_config  # noqa: PLC0415

    return load_config(str(ROOT / "mkdocs.yml"))


def mkdocs_env(**extra: str) -> dict:
    """Environment for a build: quiet banners, no clinic overrides leaking in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLINIC_", "HANDOUT_"))}
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PATH=f"{BIN}:{env.get('PATH', '')}")
    env.update(extra)
    return env


def build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """Run a strict `mkdocs build`; return the finished process (never raises)."""
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=mkdocs_env(**env),
        capture_output=True,
        text=True,
        timeout=600,
    )


def build_ok(project: Path, site_dir: Path, **env: str) -> Path:
    result = build(project, site_dir, **env)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The handbook, built once per session with `mkdocs build --strict`."""
    if prebuilt := os.environ.get("HANDBOOK_SITE"):
        return Path(prebuilt)
    return build_ok(ROOT, tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, BeautifulSoup]:
    """Every content page of the built site, parsed, keyed by its path in the site."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text or rel == "404.html":
            continue  # redirect stubs and the 404 page are checked separately
        pages[rel] = BeautifulSoup(text, "html.parser")
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def server(site_dir):
    """A real HTTP server on 127.0.0.1 serving the built site; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


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


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project that a test may break on purpose."""
    return copy_project(tmp_path)


# ---- Browser ----

CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium from calling home on a closed network.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-default-apps"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    """A fresh page the size of a phone, recording every request it makes."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()
