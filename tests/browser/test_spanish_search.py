"""The Spanish edition in Chromium: patients' Spanish words find the right Spanish page, from a
server and from disk; axe on every Spanish page in both palettes; the language selector."""

import pytest

from browser_support import PAGES, open_search, open_themed, search_from_disk, top_results, type_query, violations

# (what a patient types, the page that must be in the top three results)
QUERIES = [
    ("embarazo", "is-it-right-for-me.html"),
    ("embarazada", "is-it-right-for-me.html"),
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


@pytest.fixture(scope="module")
def es_search(browser, es_server):
    yield from open_search(browser, es_server)


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_spanish_query_finds_the_spanish_page(es_search, es_server, query, expected):
    top = top_results(es_search, query)
    print(f"{query!r}: {top}")
    assert expected in top
    links = es_search.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href)")
    assert links and all(link.startswith(es_server) for link in links), "only Spanish pages"


def test_spanish_search_from_disk_with_no_network(browser, es_site_dir):
    page, blocked = search_from_disk(browser, es_site_dir, "cuidados", "after-treatment.html")
    assert page.url.startswith(es_site_dir.as_uri()) and page.locator("html").get_attribute("lang") == "es"
    assert blocked == []
    page.context.close()


def test_a_nonsense_query_says_so_in_spanish(es_search):
    type_query(es_search, "zzqxv")
    es_search.wait_for_function(
        "() => document.querySelector('.md-search-result__meta')?.textContent.includes('No se encontraron')")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("md", PAGES)
def test_no_wcag_violations_in_spanish(browser, es_server, md, scheme):
    page = open_themed(browser, es_server + md.replace(".md", ".html"), scheme)
    assert page.locator("html").get_attribute("lang") == "es"
    assert violations(page) == []
    page.context.close()


def test_the_language_selector_keeps_the_page_from_disk(browser, site_dir):
    """English and Spanish side by side on disk, as `make build` writes them: each selector link opens the
    same page in the other language."""
    both = site_dir
    page = browser.new_page()
    page.goto((both / "on-the-day.html").as_uri())
    page.locator(".md-select button").hover()
    page.locator('a.md-select__link[hreflang="es"]').click()
    page.wait_for_url("**/es/on-the-day.html")
    assert page.locator("h1").inner_text().startswith("El día del tratamiento")
    page.locator(".md-select button").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(both.as_uri() + "/on-the-day.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.close()


def test_the_private_checklist_speaks_spanish(browser, es_server):
    page = browser.new_page()
    page.goto(es_server + "is-it-right-for-me.html")
    tick = page.locator(".hb-checklist-tick").first
    assert tick.inner_text().strip() == "Me pasa esto, o no estoy seguro"
    tick.locator("input").check()
    panel = page.locator("#hb-checklist")
    panel.locator("li").first.wait_for()
    text = panel.inner_text()
    for words in ["Su lista para la cita", "Cuente al profesional", "Preguntas que hacer", "1 cosa en su lista.",
                  "Solo usted ve esta lista", "Imprimir mi lista"]:
        assert words in text, words
    assert panel.locator(".hb-checklist__from").text_content().startswith("De «¿Es adecuado para mí?")
    assert page.locator(".hb-checklist-intro").inner_text().startswith("Marque «Me pasa esto»")
    page.close()
