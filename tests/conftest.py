"""Shared fixtures: one strict build per session, a real HTTP server, project copies,
and real headless Chromium (Debian's), driven by Playwright. Helpers are in support.py."""

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from support import ROOT, build_both_ok, build_injected, copy_project


def shared(tmp_path_factory, worker_id, name: str, make) -> Path:
    """``make(folder)``'s result, made once for the whole run: with several workers (pytest -n), the first
    worker that asks makes it and the others wait for it (a file lock), so a fixture used by tests on two
    workers costs one build, not two."""
    base = tmp_path_factory.getbasetemp()
    base = base if worker_id == "master" else base.parent
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _made(base, name, make)


def _made(base: Path, name: str, make) -> Path:
    folder, done = base / name, base / f"{name}.done"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        make(folder)
        done.touch()
    return folder


def make_site(site: Path) -> None:
    """Both languages, as `make build` makes them."""
    build_both_ok(ROOT, site, OFFLINE="1")


class _OneProcess:
    """What pytest-xdist gives a run with it turned off (`-p no:xdist`): the worker's name."""

    @pytest.fixture(scope="session")
    def worker_id(self) -> str:
        return "master"


def pytest_configure(config):
    if not config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_OneProcess())


_early: list[threading.Thread] = []


def pytest_sessionstart(session):
    """Under pytest -n, the controller starts the shared site's build at once, holding its lock, while the
    workers run the tests that need no build (they come first); a worker that needs the site waits for it.
    If this build fails, the first worker that needs the site builds it again and reports why."""
    config = session.config
    tiers = {Path(arg.split("::")[0]).resolve().relative_to(ROOT).parts[:2] for arg in config.args
             if Path(arg.split("::")[0]).resolve().is_relative_to(ROOT)}
    needs_site = any(len(t) < 2 or t[1] in ("build", "browser") for t in tiers)
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None) or not needs_site \
            or os.environ.get("HANDBOOK_SITE"):
        return
    base = config._tmp_path_factory.getbasetemp()
    lock = open(base / "shared-site.lock", "w")  # noqa: SIM115 (released by the thread)
    fcntl.flock(lock, fcntl.LOCK_EX)

    def build():
        with lock:
            with contextlib.suppress(AssertionError):
                _made(base, "shared-site", make_site)

    _early.append(threading.Thread(target=build, daemon=True))
    _early[-1].start()


def pytest_sessionfinish(session):
    for thread in _early:
        thread.join()


@pytest.fixture(scope="session")
def once(tmp_path_factory, worker_id):
    """``once(name, make)``: a build that several modules or workers use, made once per run (see shared).
    Module fixtures build through it too: a module's tests can be interleaved with another's, and pytest
    then sets the module's fixtures up again."""
    return functools.partial(shared, tmp_path_factory, worker_id)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, worker_id) -> Path:
    """The handbook, built once per run with `mkdocs build --strict`, the Spanish edition into es/ (as `make build`)."""
    if prebuilt := os.environ.get("HANDBOOK_SITE"):
        return Path(prebuilt)

    return shared(tmp_path_factory, worker_id, "shared-site", make_site)


@pytest.fixture(scope="session")
def es_site_dir(site_dir) -> Path:
    """The Spanish edition (mkdocs.es.yml), in es/ of the built site."""
    return site_dir / "es"


@pytest.fixture(scope="session")
def es_server(es_site_dir):
    """The Spanish edition on a real HTTP server on 127.0.0.1; yields its base URL."""
    with serve(es_site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def injected_site(tmp_path_factory, worker_id) -> Path:
    """The handbook built with an attack in every data value, front-matter value, page body and CLINIC_* value."""

    return shared(tmp_path_factory, worker_id, "injected", build_injected) / "project" / "site"


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, BeautifulSoup]:
    """Every content page of the built site, parsed, keyed by its path in the site."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text or rel == "404.html" or rel.startswith("es/"):  # es/: tests/*/test_spanish*
            continue  # redirect stubs and the 404 page are checked separately
        pages[rel] = BeautifulSoup(text, "html.parser")
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a browser that stops reading mid-file is not an error
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path):
    """A real HTTP server on 127.0.0.1 serving ``directory``; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site_dir):
    """The built site on a real HTTP server on 127.0.0.1; yields its base URL."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def injected_server(injected_site):
    with serve(injected_site) as url:
        yield url


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project that a test may break on purpose."""
    return copy_project(tmp_path)


# ---- Browser ----

CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium from calling home on a closed network.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-default-apps"]


TIER_ORDER = ("tests/unit/", "tests/repo/", "tests/build/", "tests/browser/")


def pytest_collection_modifyitems(items):
    """Browser tests spread one by one over the workers (each worker starts its own Chromium);
    every other module stays on one worker, so its module fixtures (builds) run once. The tiers that
    need no build run first, while the shared site is built."""
    items.sort(key=lambda item: next((i for i, tier in enumerate(TIER_ORDER) if tier in str(item.fspath)), 9))
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
        elif not getattr(item.module, "SPREAD", False):  # a module whose tests share nothing may opt out
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 720}}  # Playwright's default


class _KeptPages:
    """A page kept open on a worker, one for a desktop and one for a phone, for the tests that read pages
    as they are: each new browser context starts a renderer process and a cold JavaScript engine (axe
    compiled again), about a second of CPU a test."""

    def __init__(self, browser):
        self.browser, self.pages, self.used = browser, {}, None

    def fresh(self, scheme: str = "light", phone: bool = False):
        page = self.pages.get(phone)
        if page is None or page.is_closed():
            page = self.pages[phone] = self.browser.new_context(service_workers="block", **(PHONE if phone else DESKTOP)).new_page()
        page.emulate_media(media="screen", color_scheme=scheme)
        if page.viewport_size != (size := (PHONE if phone else DESKTOP)["viewport"]):
            page.set_viewport_size(size)
        self.used = page
        return page

    def forget(self) -> None:
        """What a test's reader chose (the palette) is stored by the site; clear it, or start again."""
        if (page := self.used) is None:
            return
        self.used = None
        try:
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            page.goto("about:blank")
        except Exception:  # noqa: BLE001 (a page a failed test left broken: the next test opens a new one)
            page.context.close()

    def close(self) -> None:
        for page in self.pages.values():
            page.context.close()


@pytest.fixture(scope="session")
def _kept(browser):
    kept = _KeptPages(browser)
    yield kept
    kept.close()


@pytest.fixture
def reader(_kept):
    """``reader(scheme, phone=False)``: a page in the light or dark colour scheme, on a desktop or a
    phone (390 px), with nothing stored and no service worker, for tests that open pages and read or use
    them; not for what a first visit loads or what is stored (`phone` and new contexts are fresh)."""
    yield _kept.fresh
    _kept.forget()


@pytest.fixture
def phone(browser):
    """A fresh page the size of a phone, recording every request it makes."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


@pytest.fixture
def phone_reader(reader):
    """`reader` on a phone, in the light colour scheme."""
    return reader(phone=True)
