"""Patients' own words typed into the search box find the right page, in each language: from a server
and from disk."""

import re

import pytest

from browser_support import open_search, result_pages, search_from_disk, top_results, type_query

# (what a patient types, the page that must be in the top three results)
QUERIES = [
    # Who should not have it
    ("pregnancy", "cost-and-faq.html"),            # its question "Can I have it if I am pregnant...?"
    ("pregnant", "cost-and-faq.html"),
    ("breastfeeding", "is-it-right-for-me.html"),
    ("keloid", "is-it-right-for-me.html"),
    ("accutane", "is-it-right-for-me.html"),
    ("roaccutane", "is-it-right-for-me.html"),     # search word: the pages say isotretinoin
    ("blood thinners", "is-it-right-for-me.html"),
    ("herpes", "is-it-right-for-me.html"),         # search word: the pages say cold sores
    # Before and on the day
    ("cold sore", "before-treatment.html"),
    ("retinol", "before-treatment.html"),          # search word: the pages say retinoids
    ("questions to ask", "before-treatment.html"),
    ("numbing", "on-the-day.html"),
    ("numbing cream", "on-the-day.html"),
    ("does it hurt", "on-the-day.html"),
    ("is it painful", "on-the-day.html"),         # "is" and "it" are stop words, not "isotretinoin" and "itchy"
    ("anesthetic", "on-the-day.html"),             # American spelling
    # Afterwards
    ("aftercare", "after-treatment.html"),
    ("infection", "after-treatment.html"),
    ("infected", "after-treatment.html"),          # another form of the word
    ("make up after", "after-treatment.html"),
    ("makeup", "after-treatment.html"),            # search word: the pages say make-up
    ("redness", "after-treatment.html"),
    ("downtime", "after-treatment.html"),          # search word: the pages say recovery
    ("swollen", "after-treatment.html"),
    ("scabs", "after-treatment.html"),
    ("sunscreen", "after-treatment.html"),
    ("how many sessions", "sessions-and-results.html"),
    ("how long do results last", "sessions-and-results.html"),
    # What it treats, risks and choices
    ("acne scars", "what-it-can-treat.html"),
    ("stretch marks", "what-it-can-treat.html"),
    ("wrinkles", "what-it-can-treat.html"),
    ("collagen", "what-is-microneedling.html"),
    ("home roller", "risks-and-safety.html"),
    ("dermaroller", "risks-and-safety.html"),      # search word: the pages say home roller
    ("dark skin", "risks-and-safety.html"),
    ("skin of color", "risks-and-safety.html"),    # American spelling
    ("vampire facial", "risks-and-safety.html"),
    ("PRP", "risks-and-safety.html"),
    ("RF microneedling", "risks-and-safety.html"),
    ("choose practitioner", "risks-and-safety.html"),
    ("botox", "microneedling-vs-botox.html"),
    ("botx", "microneedling-vs-botox.html"),           # misspelt: found by the forgiving second pass
    ("sunscren", "after-treatment.html"),
    ("price", "cost-and-faq.html"),
    ("how much does it cost", "cost-and-faq.html"),
    ("is it worth it", "cost-and-faq.html"),
    ("print handout", "handouts.html"),
]


# Spanish, as patients in Spain type it
ES_QUERIES = [
    ("embarazo", "cost-and-faq.html"),                  # its question "¿Puedo hacérmelo si estoy embarazada...?"
    ("embarazada", "cost-and-faq.html"),
    ("lactancia", "is-it-right-for-me.html"),           # search word: the pages say "dar el pecho"
    ("queloide", "is-it-right-for-me.html"),
    ("anticoagulantes", "is-it-right-for-me.html"),
    ("herpes labial", "before-treatment.html"),
    ("calentura", "before-treatment.html"),
    ("crema anestésica", "on-the-day.html"),
    ("crema anestesica", "on-the-day.html"),            # no accents, as many people type
    ("¿duele?", "on-the-day.html"),
    ("cuidados", "after-treatment.html"),
    ("infección", "after-treatment.html"),
    ("infeccion", "after-treatment.html"),               # no accent
    ("maquillaje", "after-treatment.html"),
    ("bloqueador solar", "after-treatment.html"),        # search word: the pages say "protector solar"
    ("moratón", "after-treatment.html"),                 # Spain: the pages say "moretón"
    ("hinchazon", "after-treatment.html"),
    ("cuántas sesiones", "sessions-and-results.html"),
    ("cicatrices de acné", "what-it-can-treat.html"),
    ("estrías", "what-it-can-treat.html"),
    ("manchas", "what-it-can-treat.html"),
    ("piel oscura", "risks-and-safety.html"),
    ("facial vampiro", "risks-and-safety.html"),
    ("dermaroller", "risks-and-safety.html"),            # search word: the pages say "rodillo"
    ("radiofrecuencia", "risks-and-safety.html"),
    ("bótox", "microneedling-vs-botox.html"),
    ("botox", "microneedling-vs-botox.html"),
    ("precio", "cost-and-faq.html"),
    ("costo", "cost-and-faq.html"),                       # US Spanish: the pages say "precio"
    ("folleto", "handouts.html"),
]

CASES = [("en", q, page) for q, page in QUERIES] + [("es", q, page) for q, page in ES_QUERIES]
NOTHING_FOUND = {"en": "No matching", "es": "No se encontraron"}
FROM_DISK = {"en": ("aftercare", "after-treatment.html"), "es": ("cuidados", "after-treatment.html")}


@pytest.fixture(scope="session")
def search_pages(request, browser):
    """Each language's search box, opened once a worker: tests spread one by one over the workers
    would otherwise open it again each time the language changes."""
    opened = {}

    def get(lang: str):
        if lang not in opened:
            base = request.getfixturevalue("server" if lang == "en" else "es_server")
            opened[lang] = open_search(browser, base)
            opened[lang].lang, opened[lang].base = lang, base
        return opened[lang]

    yield get
    for page in opened.values():
        page.context.close()


@pytest.fixture
def search_page(request, search_pages):
    """The search box of one language's site (the test's parameter), on a real server."""
    return search_pages(request.param)


@pytest.mark.parametrize("search_page, query, expected", CASES, indirect=["search_page"],
                         ids=[f"{lang}-{q}" for lang, q, _ in CASES])
def test_patient_query_finds_the_page(search_page, query, expected):
    # Ranking, not typing: one search for the whole query (key-by-key typing is tested below, misspelt).
    assert expected in top_results(search_page, query, pasted=True)
    links = search_page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href)")
    assert links and all(link.startswith(search_page.base) for link in links), "only this language's pages"


@pytest.mark.parametrize("search_page, typed, meant", [("en", "microneedeling", "microneedling"),
                                                      ("es", "microagujs", "microagujas")], indirect=["search_page"])
def test_a_misspelt_word_finds_what_the_word_finds(search_page, typed, meant):
    assert top_results(search_page, typed) == top_results(search_page, meant)


def asked(lang: str, every: int = 20) -> list[tuple[str, str, str]]:
    """Every twentieth question of the inventory (data/questions.yaml) as patients type it, and its answer:
    the search box shows what the site's search finds (every question: tests/build/test_questions_found.py)."""
    from handbook.data import load_handbook
    from support import ROOT

    found = load_handbook(ROOT / "data", lang).questions[::every]
    return [(lang, q.question, q.answer.replace(".md", ".html")) for q in found]


def found(page, question: str, answer: str) -> bool:
    """The answer's page is among the first five and a result links to its section."""
    if answer.split("#")[0] not in top_results(page, question, count=5, pasted=True):
        return False
    links = page.locator(".md-search-result__item a").evaluate_all("els => els.map(a => a.href)")
    return any(re.sub(r"\?[^#]*", "", link.split("/")[-1]) == answer for link in links)


@pytest.mark.parametrize("search_page", ["en", "es"], indirect=True)
def test_whole_questions_find_the_sections_that_answer_them(search_page):
    sample = asked(search_page.lang)
    assert [(q, a) for _, q, a in sample if not found(search_page, q, a)] == []


@pytest.mark.parametrize("search_page", ["en", "es"], indirect=True)
def test_a_nonsense_query_finds_nothing(search_page):
    type_query(search_page, "zzqxv")
    search_page.wait_for_function(
        "(words) => document.querySelector('.md-search-result__meta')?.textContent.includes(words)",
        arg=NOTHING_FOUND[search_page.lang])
    assert search_page.locator(".md-search-result__item").count() == 0


@pytest.mark.parametrize("lang", ["en", "es"])
def test_search_works_from_disk_with_no_network(browser, site_dir, lang):
    folder = site_dir if lang == "en" else site_dir / "es"
    page, blocked = search_from_disk(browser, folder, *FROM_DISK[lang])
    assert page.url.startswith(folder.as_uri()) and page.locator("html").get_attribute("lang") == lang
    assert blocked == []
    page.context.close()


def search_files(urls: list[str]) -> list[str]:
    return [url for url in urls if "search_index" in url or "workers/search" in url]


def test_search_loads_on_first_use_not_on_every_page_view(phone, server):
    phone.goto(server + "on-the-day.html", wait_until="networkidle")
    assert search_files(phone.requests) == [], "the index and worker load before anyone searches"
    phone.locator('label.md-header__button[for="__search"]').click()  # the magnifier on a phone
    phone.locator("input.md-search__input").press_sequentially("numbing")
    phone.wait_for_selector(".md-search-result__item a", timeout=10_000)
    loaded = search_files(phone.requests)
    assert any("search_index.json" in url for url in loaded) and any("workers/search" in url for url in loaded)
    assert "on-the-day.html" in result_pages(phone)


def test_a_search_result_link_highlights_the_words_on_arrival(reader, server):
    page = reader()
    page.goto(server + "on-the-day.html?h=numbing")
    page.wait_for_selector("article mark[data-md-highlight]", timeout=10_000)
    assert "numbing" in page.locator("article mark[data-md-highlight]").first.inner_text().lower()
