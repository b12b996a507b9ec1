"""The handbook works opened from disk, and asks nothing of another host (each page over HTTP: test_patient_web)."""

from browser_support import PAGES


def test_the_file_only_search_shim_is_not_loaded_over_http(phone, server):
    phone.goto(server + "index.html", wait_until="networkidle")
    assert phone.requests and not [url for url in phone.requests if "iframe-worker" in url]
    assert phone.evaluate("typeof window.IFrameWorker") == "undefined"


def test_every_page_works_from_disk_with_no_network(browser, site_dir):
    """Opened as files (a clinic tablet with no internet): styled, scripted, nothing fetched from afar."""
    context = browser.new_context()
    blocked = []
    context.route(lambda url: not url.startswith(("file:", "data:", "blob:", "about:")),
                  lambda route: (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    failed = []
    # The next page's navigation cancels a late request (the tab's icon) with ERR_ABORTED;
    # a file that is missing fails with ERR_FILE_NOT_FOUND.
    page.on("requestfailed", lambda request: request.failure == "net::ERR_ABORTED"
            or failed.append(f"{request.url}: {request.failure}"))
    for md in PAGES:
        page.goto((site_dir / md.replace(".md", ".html")).as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.classList.contains('js')"), f"{md}: scripts did not run"
        assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") != "static", md
        assert page.locator("h1").count() == 1, md
    assert blocked == [] and failed == []
    context.close()
