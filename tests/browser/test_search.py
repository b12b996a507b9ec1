"""Patients' own words typed into the search box find the right page."""

import pytest

# (what a patient types, the page that must be in the top three results)
QUERIES = [
    ("pregnancy", "is-it-right-for-me.html"),
    ("pregnant", "is-it-right-for-me.html"),
    ("breastfeeding", "is-it-right-for-me.html"),
    ("numbing", "on-the-day.html"),
    ("does it hurt", "on-the-day.html"),
    ("cold sore", "before-treatment.html"),
    ("aftercare", "after-treatment.html"),
    ("infection", "after-treatment.html"),
    ("make-up", "after-treatment.html"),
    ("redness", "after-treatment.html"),
    ("how many sessions", "sessions-and-results.html"),
    ("price", "cost-and-faq.html"),
    ("cost", "cost-and-faq.html"),
    ("botox", "microneedling-vs-botox.html"),
    ("home roller", "what-is-microneedling.html"),
    ("acne scars", "what-it-can-treat.html"),
    ("stretch marks", "what-it-can-treat.html"),
    ("dark skin", "risks-and-safety.html"),
    ("vampire facial", "risks-and-safety.html"),
    ("radiofrequency", "risks-and-safety.html"),
    ("keloid", "is-it-right-for-me.html"),
    ("accutane", "is-it-right-for-me.html"),
    ("collagen", "what-is-microneedling.html"),
    ("questions to ask", "before-treatment.html"),
]


def type_query(page, query: str) -> None:
    """Open search with the keyboard shortcut and type, key by key, as a reader does."""
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.press_sequentially(query)


def result_pages(page) -> list[str]:
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href)")
    pages = [link.split("/")[-1].split("?")[0].split("#")[0] for link in links]
    return list(dict.fromkeys(pages))  # distinct pages, best first


def top_results(page, query: str, count: int = 3) -> list[str]:
    type_query(page, query)
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    # Results change as each key is typed; read them once they stop changing.
    previous, current = None, result_pages(page)
    while current != previous:
        page.wait_for_timeout(300)
        previous, current = current, result_pages(page)
    return current[:count]


@pytest.fixture(scope="module")
def search_page(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server)
    page.wait_for_function("() => document.querySelector('.md-search__form') !== null")
    yield page
    context.close()


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_patient_query_finds_the_page(search_page, query, expected):
    assert expected in top_results(search_page, query)


def test_search_has_enough_patient_queries():
    assert len(QUERIES) >= 15


def test_a_nonsense_query_finds_nothing(search_page):
    type_query(search_page, "zzqxv")
    search_page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta')?.textContent.includes('No matching')")
    assert search_page.locator(".md-search-result__item").count() == 0
