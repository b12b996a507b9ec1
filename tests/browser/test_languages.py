"""The two languages side by side in Chromium: the language selector, and the private checklist in
Spanish (search and axe run in each language in test_search.py and test_accessibility.py)."""


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


def test_the_private_checklist_speaks_spanish(reader, es_server):
    page = reader()
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
