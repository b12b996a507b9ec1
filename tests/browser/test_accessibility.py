"""axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) on every page of each language, the 404 page too, in both
palettes, and keyboard use."""

from urllib.parse import urlparse

import pdfread
import pytest

from browser_support import COLOUR_RULES, PAGES, axe, violations

# Our own colours, and the page that shows each: the care cards, the contraindication callouts, the key
# points and the comparison table. axe must have measured every one of them (not skipped it) and passed it.
OWN_COLOURS = {
    ("en", "after-treatment.md"): [".non-urgent > .admonition-title", ".urgent > .admonition-title",
                                   ".emergency > .admonition-title", ".key-points > .admonition-title"],
    ("en", "is-it-right-for-me.md"): [".hb-contraindication.danger > .admonition-title",
                                      ".hb-contraindication.warning > .admonition-title"],
    ("en", "microneedling-vs-botox.md"): [".hb-comparison th"],
    ("es", "after-treatment.md"): [".key-points li"],
}
assert {md for _, md in OWN_COLOURS} <= set(PAGES), "OWN_COLOURS names a page that is not in docs/"


def own_colours_pass(page, selectors: list[str]) -> None:
    for selector in selectors:
        count = page.locator(selector).count()
        assert count, f"{selector} is no longer on the page; update OWN_COLOURS"
        results = axe(page, {"runOnly": {"type": "rule", "values": ["color-contrast"]}}, context=selector)
        assert results["violations"] == [], selector
        passes = results["passes"]
        assert passes and len(passes[0]["nodes"]) >= count, f"axe did not measure every {selector}"


@pytest.mark.parametrize("md", PAGES)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_wcag_violations_in_either_palette(request, reader, lang, md):
    """Every WCAG rule in the light palette; after the reader switches to dark, the rules that
    depend on colour (the palette changes nothing else). Our own coloured parts pass in both."""
    base = request.getfixturevalue("server" if lang == "en" else "es_server")
    page = reader("light")
    page.goto(base + md.replace(".md", ".html"))
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert violations(page) == []
    own_colours_pass(page, OWN_COLOURS.get((lang, md), []))
    page.locator("label.md-header__button[for^='__palette']:visible").click()  # "Switch to dark mode"
    # The tap also starts Material's script, which applies the choice once it runs.
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.mouse.move(0, 600)  # off the toggle: its tooltip fades out, then Material removes it (axe reads a fading one)
    page.wait_for_function("() => !document.querySelector('.md-tooltip')")
    assert violations(page, COLOUR_RULES) == []
    own_colours_pass(page, OWN_COLOURS.get((lang, md), []))


def test_folded_topics_on_a_phone_have_no_wcag_violations(phone, server):
    """The comparison page at 390 px, folded and then with a topic and a box open."""
    phone.goto(server + "microneedling-vs-botox.html", wait_until="networkidle")
    assert phone.locator(".hb-fold > summary").first.is_visible()
    assert violations(phone) == []
    phone.locator(".hb-comparison .hb-fold > summary").first.tap()
    phone.locator(".hb-contraindication .hb-fold > summary").first.tap()
    assert phone.locator(".hb-comparison td").first.is_visible() and phone.locator(".hb-advice").first.is_visible()
    assert violations(phone) == []


@pytest.fixture
def not_found(browser, site_dir):
    """The 404 page as a host serves it for a missing address under the site's path
    (/handbook/...): its links are absolute, so they resolve there and nowhere else."""
    from support import site_config

    base = urlparse(site_config()["site_url"]).path  # "/handbook/"

    def serve(route):
        path = urlparse(route.request.url).path
        file = site_dir / path.removeprefix(base) if path.startswith(base) else None
        if file is not None and file.is_file():
            route.fulfill(path=file)
        else:
            route.fulfill(path=site_dir / "404.html", status=404)

    def open_page(scheme: str):
        context = browser.new_context(color_scheme=scheme)
        context.route("http://handbook.test/**", serve)
        page = context.new_page()
        page.goto(f"http://handbook.test{base}no-such-page.html")
        page.wait_for_load_state("networkidle")
        return page

    return open_page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_404_page_has_no_wcag_violations(not_found, scheme):
    page = not_found(scheme)
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") != "static", "unstyled"
    assert page.locator(".md-header a.hb-header-help").get_attribute("href").endswith("after-treatment.html#when-to-get-help")
    assert "missing+page" in page.locator(".md-footer a.hb-report-problem").get_attribute("href")
    assert violations(page) == []
    full = axe(page)["violations"]  # best practices too: landmarks, the dialog's name
    assert [v["id"] for v in full] == []
    page.context.close()


def test_search_dialog_has_an_accessible_name(phone_reader, server):
    phone_reader.goto(server)
    results = axe(phone_reader, {"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert results["violations"] == []
    assert results["passes"], "the rule did not find the dialog"


def test_axe_finds_a_planted_violation(phone_reader, server):
    phone_reader.goto(server)
    phone_reader.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=x.png>')")
    assert any(v.startswith("image-alt") for v in violations(phone_reader))


def test_skip_link_moves_focus_to_the_content(reader, server):
    page = reader()
    page.goto(server + "after-treatment.html")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert "md-skip" in skip.get_attribute("class").split() and skip.is_visible()
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**/after-treatment.html" + target)  # the jump is asynchronous under load
    page.wait_for_function("id => document.getElementById(id).getBoundingClientRect().top < 200", arg=target[1:])


def test_focus_is_visible(reader, server):
    page = reader()
    page.goto(server + "before-treatment.html")
    page.locator("article a").first.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def test_slash_opens_search(reader, server):
    page = reader()
    page.goto(server)
    page.keyboard.press("/")  # the first key also starts Material's script, which then takes the key
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")


def test_printing_a_web_page_gives_clean_paper(reader, server, tmp_path):
    """Browser printing: no sidebars or header, and no blank last page."""

    page = reader()
    page.goto(server + "after-treatment.html")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = pdfread.page_texts(pdf)
    assert "When to get help" in " ".join(pages)
    assert pages[-1], "blank last page"
