"""Helpers the browser tests share across pages and languages: the pages, search, axe."""

from axe_playwright_python.sync_playwright import Axe

from support import ROOT

PAGES = sorted(p.name for p in (ROOT / "docs").glob("*.md"))


def type_query(page, query: str, pasted: bool = False) -> None:
    """Open search with the keyboard shortcut and type, key by key, as a reader does; or paste the query
    (a question copied or dictated) and press End: Material searches when a key comes up."""
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    if pasted:
        box.fill(query)
        box.press("End")
    else:
        box.press_sequentially(query)


def result_pages(page) -> list[str]:
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href)")
    pages = [link.split("/")[-1].split("?")[0].split("#")[0] for link in links]
    return list(dict.fromkeys(pages))  # distinct pages, best first


def top_results(page, query: str, count: int = 3, pasted: bool = False) -> list[str]:
    type_query(page, query, pasted)
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    # Results change as each key is typed; read them once they stop changing.
    previous, current = None, result_pages(page)
    while current != previous:
        page.wait_for_timeout(150)
        previous, current = current, result_pages(page)
    return current[:count]


def open_search(browser, url: str):
    """A page at ``url`` whose search form is ready (close its context after)."""
    page = browser.new_context().new_page()
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.md-search__form') !== null")
    return page


def search_from_disk(browser, site_dir, query: str, expected: str):
    """Search from file:// with every other request blocked; return the result page opened, and what was blocked."""
    context = browser.new_context()
    blocked = []
    context.route(lambda url: not url.startswith(("file:", "data:", "blob:", "about:")),
                  lambda route: (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto((site_dir / "index.html").as_uri())
    type_query(page, query)
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    assert expected in result_pages(page)
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state()
    return page, blocked


# resultTypes: axe details only the violations, not every node that passes (the same findings, sooner).
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
        "resultTypes": ["violations"]}
# The WCAG rules a change of palette can break: contrast, and links told apart by colour alone.
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
                "resultTypes": ["violations"]}
AXE_SCRIPT = Axe().axe_script  # axe-core as axe-playwright-python pins it


def axe(page, options: dict | None = None, context: str | None = None) -> dict:
    """axe's results on the page as it is now; axe is put in a document once, not on every run."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate("([context, options]) => axe.run(context || document, options || {})", [context, options])


def violations(page, options: dict = WCAG) -> list[str]:
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in axe(page, options)["violations"]]


def start_theme(page) -> None:
    """Material's script, which waits for the reader's first touch, key or scroll, loaded and running."""
    page.evaluate("dispatchEvent(new Event('scroll'))")
    page.wait_for_function("typeof window.component$ !== 'undefined'")
