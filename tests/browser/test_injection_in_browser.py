"""In real Chromium, a site built with an attack in every untrusted value opens no dialog and
makes no request to another host."""

from urllib.parse import urlsplit


def test_no_dialog_opens_and_no_request_leaves(browser, injected_site, injected_server):
    context = browser.new_context()
    page = context.new_page()
    dialogs, requests = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    names = sorted(p.relative_to(injected_site).as_posix() for p in injected_site.glob("*.html"))
    assert "injected.html" in names
    for name in names:
        page.goto(injected_server + name)
        page.wait_for_load_state("load")
    page.goto(injected_server + "injected.html?q=script")  # search results render index text as HTML
    page.wait_for_timeout(500)
    context.close()
    assert dialogs == []
    assert {urlsplit(url).hostname for url in requests if not url.startswith("data:")} == {"127.0.0.1"}
