"""The website as a patient meets it, in real Chromium: the home page's first screen on a
phone, readable callouts and sources, comparisons that work at 390 px, the private
checklist, help and feedback links, no editors' pencil, and structured data."""

import json
import re
from urllib.parse import parse_qs, urlparse

import pdfread
import pytest

from browser_support import PAGES, start_theme
from support import build_ok, page_front_matter, sub

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
ISSUE_FORM = "https://github.com/microneedling-handbook/handbook/issues/new"
HELP = "after-treatment.html#when-to-get-help"
# The comparison page at 390 px was 7,681 px before the cards (the table in three
# columns of about 100 px). See benchmarks/results/web.md for the figures since.
COMPARISON_HEIGHT_BEFORE = 7_681


def html(md: str) -> str:
    return md.replace(".md", ".html")


def px(value: str) -> float:
    return float(value.removesuffix("px"))


# ---- Home page: a phone's first screen ----


def test_home_first_screen_has_review_line_notice_search_and_help(phone_reader, server):
    phone_reader.goto(server + "index.html")
    first_screen = 844
    for selector in (".hb-home h1", ".hb-review", ".hb-notice", ".hb-home__search input", ".hb-worried"):
        box = phone_reader.locator(selector).first.bounding_box()
        assert box and box["y"] + box["height"] <= first_screen, f"{selector} is below the first screen: {box}"
    review = phone_reader.locator(".hb-home .hb-review").inner_text()
    assert "Page last updated:" in review and "Next review due:" in review
    assert "Not yet reviewed by a clinician." in review  # no review is recorded (data/reviews.yaml)
    assert "not medical advice" in phone_reader.locator(".hb-home .hb-notice").inner_text()
    assert phone_reader.locator(".hb-worried").get_attribute("href").endswith(HELP)


LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__shifts.push(e.value)))
  .observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("md", ["index.md", "microneedling-vs-botox.md"])
def test_nothing_moves_as_a_page_loads_on_a_phone(phone, server, md):
    """What needs scripts (the search buttons, the home page's search box) is laid out from the first paint,
    not added when Material's bundle runs at the end of the page: the home page's cards jumped 90 px."""
    phone.add_init_script(LAYOUT_SHIFTS)
    slow = phone.context.new_cdp_session(phone)  # a weak mobile signal: the page paints before the bundle arrives
    slow.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150, "downloadThroughput": 100_000,
                                                   "uploadThroughput": 50_000})
    phone.goto(server + html(md), wait_until="networkidle")
    phone.wait_for_timeout(500)
    assert sum(phone.evaluate("window.__shifts")) < 0.01


def test_home_page_search_box_runs_a_search(phone_reader, server):
    phone_reader.goto(server + "index.html")
    phone_reader.locator("#hb-home-query").fill("numbing")
    phone_reader.locator(".hb-home__search button").click()
    phone_reader.wait_for_selector(".md-search-result__item a", timeout=10_000)
    assert any("on-the-day.html" in a for a in phone_reader.locator(".md-search-result__item > a").evaluate_all(
        "els => els.map(a => a.href)"))


def test_home_journey_cards_lead_to_each_step(phone_reader, server):
    phone_reader.goto(server + "index.html")
    links = phone_reader.locator(".hb-journey a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    journey = [card["page"] for card in page_front_matter()["docs/index.md"]["journey"]]
    assert links == [html(md) for md in journey]
    for step in ("before-treatment", "on-the-day", "after-treatment", "sessions-and-results", "risks-and-safety",
                 "microneedling-vs-botox", "cost-and-faq"):
        assert f"{step}.html" in links, step
    # Only one notice and one review line: at the top, not again at the bottom.
    assert phone_reader.locator(".hb-notice").count() == 1 and phone_reader.locator(".hb-review").count() == 1


# ---- Readable text ----


def test_callout_text_is_body_size_and_sources_at_least_14px(phone_reader, server):
    for name in ("is-it-right-for-me.html", "after-treatment.html", "microneedling-vs-botox.html"):
        phone_reader.goto(server + name)
        sizes = phone_reader.evaluate("""() => {
          const size = el => parseFloat(getComputedStyle(el).fontSize);
          const body = size(document.querySelector('article > p'));
          const callouts = [...document.querySelectorAll(
            'article .admonition p:not(.hb-contraindication__evidence)')].map(size);
          const small = [...document.querySelectorAll(
            'article .hb-sources, article .hb-contraindication__evidence')].map(size);
          return {body, callouts, small};
        }""")
        assert sizes["body"] == 16, name
        assert sizes["callouts"] and min(sizes["callouts"]) >= sizes["body"], (name, sorted(set(sizes["callouts"])))
        assert min(sizes["small"], default=14) >= 14, (name, sorted(set(sizes["small"])))
        if name != "after-treatment.html":
            assert sizes["small"], name


def contrast(page, selector: str) -> float:
    """WCAG contrast ratio of an element's text against the page behind it (alpha blended)."""
    return page.evaluate("""selector => {
      const rgba = s => s.match(/[\\d.]+/g).map(Number).concat([1]).slice(0, 4);
      const blend = (fg, bg) => fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i] * (1 - fg[3]));
      const lum = rgb => { const [r, g, b] = rgb.map(c => { c /= 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const el = document.querySelector(selector);
      let bg = [255, 255, 255];
      const layers = [];
      for (let node = el; node; node = node.parentElement) layers.push(rgba(getComputedStyle(node).backgroundColor));
      for (const layer of layers.reverse()) bg = blend(layer, bg);
      const fg = blend(rgba(getComputedStyle(el).color), bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    }""", selector)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_body_text_and_links_reach_7_to_1(reader, server, scheme):
    page = reader(scheme)
    for name, selector in [("after-treatment.html", "article > p"), ("after-treatment.html", "article li"),
                           ("after-treatment.html", "article p a"),
                           ("is-it-right-for-me.html", ".hb-contraindication p:not(.admonition-title)"),
                           ("microneedling-vs-botox.html", ".hb-comparison td")]:
        page.goto(server + name)
        ratio = contrast(page, selector)
        assert ratio >= 7, f"{name} {selector}: {ratio:.2f}:1 in the {scheme} palette"


def test_contrast_check_measures_a_pale_colour(reader, server):
    page = reader()
    page.goto(server + "after-treatment.html")
    page.add_style_tag(content="article > p { color: #777 !important }")
    assert contrast(page, "article > p") < 7


def test_focus_is_never_hidden_under_the_sticky_header(phone_reader, server):
    """Tabbing back up a long page: every focused element sits below the header (WCAG 2.4.11)."""
    phone_reader.goto(server + "is-it-right-for-me.html")
    phone_reader.keyboard.press("End")
    phone_reader.locator(".md-footer a").last.focus()
    header = phone_reader.locator(".md-header").bounding_box()
    hidden = []
    for _ in range(40):
        phone_reader.keyboard.press("Shift+Tab")
        box = phone_reader.evaluate("""() => { const el = document.activeElement;
            if (!el || !el.closest('article')) return null;
            const r = el.getBoundingClientRect(); return {top: r.top, text: el.textContent.trim().slice(0, 40)}; }""")
        if box and box["top"] < header["y"] + header["height"]:
            hidden.append(box)
    assert hidden == []


def test_touch_targets_are_at_least_24px(phone_reader, server):
    phone_reader.goto(server + "is-it-right-for-me.html")
    small = phone_reader.evaluate("""() => [...document.querySelectorAll(
        '.md-header a, .md-header label, .md-footer a, .hb-contraindication-links a, .hb-checklist-tick')]
      .filter(el => el.offsetParent !== null)
      .map(el => { const r = el.getBoundingClientRect(); return [el.textContent.trim().slice(0, 30), r.width, r.height]; })
      .filter(([, w, h]) => w < 24 || h < 24)""")
    assert small == []


# ---- Comparisons on a phone ----


def test_comparison_page_is_half_as_long_on_a_phone(phone_reader, server):
    phone_reader.goto(server + "microneedling-vs-botox.html")
    # Without what came after the measure: its Sources list, which now names every source the page cites (20,
    # where it once listed 3), the folded list of the questions it answers, the Key points box on top and the
    # figure of how each treatment works.
    height = phone_reader.evaluate("document.documentElement.scrollHeight - ['#sources + div', '.hb-questions', '.key-points',"
                            " '.hb-figure']"
                            ".reduce((sum, s) => sum + document.querySelector(s).getBoundingClientRect().height, 0)")
    assert height <= COMPARISON_HEIGHT_BEFORE / 2, height
    # Folded topics against the same cards all open.
    folded = phone_reader.locator(".hb-comparison").evaluate("el => el.getBoundingClientRect().height")
    open_all(phone_reader, ".hb-comparison")
    unfolded = phone_reader.locator(".hb-comparison").evaluate("el => el.getBoundingClientRect().height")
    assert folded * 2 < unfolded, (folded, unfolded)


def open_all(page, scope: str) -> int:
    """Tap every folded title in ``scope``, as a reader would; returns how many there were."""
    titles = page.locator(f"{scope} .hb-fold > summary")
    for i in range(titles.count()):
        titles.nth(i).tap()
    return titles.count()


def test_a_folded_topic_opens_and_closes_on_a_tap(phone_reader, server):
    phone_reader.goto(server + "microneedling-vs-botox.html")
    row = phone_reader.locator(".hb-comparison tbody tr").first
    assert row.locator("th").is_visible() and not row.locator("td").first.is_visible()
    row.locator("th").tap()  # anywhere on the title; the first tap also starts Material's script
    assert [td.is_visible() for td in row.locator("td").all()] == [True, True]
    row.locator("th").tap()
    assert not row.locator("td").first.is_visible()


def test_a_folded_topic_opens_from_the_keyboard_and_is_named_by_its_title(phone_reader, server):
    phone_reader.goto(server + "microneedling-vs-botox.html")
    row = phone_reader.locator(".hb-comparison tbody tr").nth(1)
    summary = row.locator("summary")
    title = row.locator(f"#{summary.get_attribute('aria-labelledby')}")
    assert title.inner_text() == row.locator("th").inner_text() != ""
    summary.focus()
    phone_reader.keyboard.press("Enter")
    assert row.locator("td").first.is_visible()
    assert summary.evaluate("el => el.parentElement.open")


def test_comparison_names_both_treatments_beside_every_value(phone_reader, server):
    phone_reader.goto(server + "microneedling-vs-botox.html")
    assert not phone_reader.locator(".hb-comparison thead").is_visible()  # cards, not columns
    assert open_all(phone_reader, ".hb-comparison") >= 10
    cells = phone_reader.evaluate("""() => {
      const names = [...document.querySelectorAll('.hb-comparison thead th')].slice(1).map(th => th.textContent.trim());
      return [...document.querySelectorAll('.hb-comparison tbody tr')].map(tr => ({
        row: tr.querySelector('th').textContent.trim(),
        cells: [...tr.querySelectorAll('td')].map((td, i) => {
          const before = getComputedStyle(td, '::before');
          const r = td.getBoundingClientRect();
          return {expected: names[i], shown: before.display === 'none' ? '' : before.content,
                  left: r.left, right: r.right, height: r.height};
        })
      }));
    }""")
    assert len(cells) >= 10
    for row in cells:
        assert len(row["cells"]) == 2, row["row"]
        for cell in row["cells"]:
            assert cell["shown"] == f'"{cell["expected"]}: "', (row["row"], cell)
            assert cell["left"] >= 0 and cell["right"] <= 390 and cell["height"] > 0, (row["row"], cell)
    assert phone_reader.evaluate("document.documentElement.scrollWidth") <= 390


def test_botox_boxes_fold_on_a_phone_and_show_whole_on_a_wide_screen(reader, phone_reader, server):
    phone_reader.goto(server + "microneedling-vs-botox.html")
    boxes = phone_reader.locator("#who-should-not-have-botox ~ .hb-contraindications .hb-contraindication")
    assert boxes.count() >= 5
    assert not boxes.locator(".hb-advice").first.is_visible()
    assert open_all(phone_reader, "#who-should-not-have-botox ~ .hb-contraindications") == boxes.count()
    assert all(advice.is_visible() for advice in boxes.locator(".hb-advice").all())
    wide = reader()
    wide.goto(server + "microneedling-vs-botox.html")
    assert not wide.locator(".hb-fold").first.is_visible()
    assert all(advice.is_visible() for advice in wide.locator(".hb-advice").all())


def test_boxes_on_is_it_right_for_me_do_not_fold(phone_reader, server):
    # Each box holds a checklist tick: folding would hide it (13,364 px at 390 px).
    phone_reader.goto(server + "is-it-right-for-me.html")
    assert phone_reader.locator(".hb-fold").count() == 0
    assert all(advice.is_visible() for advice in phone_reader.locator(".hb-advice").all())


def target(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_get_help_and_source_numbers_are_big_enough_targets(phone_reader, server):
    phone_reader.goto(server + "after-treatment.html")
    help_box = target(phone_reader, ".hb-header-help")
    assert help_box["width"] >= 44 and help_box["height"] >= 44, help_box
    cite = target(phone_reader, ".hb-cite a")
    assert cite["width"] >= 24 and cite["height"] >= 24, cite


@pytest.mark.parametrize("path", ["index.html", "es/index.html", "after-treatment.html", "es/is-it-right-for-me.html"])
def test_no_sideways_scrolling_at_390px_without_scripts(browser, server, path):
    page = browser.new_page(**PHONE, java_script_enabled=False)
    page.goto(server + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if path.endswith("index.html"):
        assert not page.locator(".hb-home__search").is_visible()  # no search to send it to
    page.close()


def test_closed_language_links_are_not_in_the_tab_order(phone_reader, server):
    phone_reader.goto(server + "after-treatment.html")
    assert phone_reader.evaluate("getComputedStyle(document.querySelector('.md-select__inner')).display") == "none"
    # Tabbing reaches the language button before any language link: a link is
    # focusable only once its menu is open.
    seen = []
    for _ in range(12):
        phone_reader.keyboard.press("Tab")
        seen.append(phone_reader.evaluate("document.activeElement.closest('.md-select') ? "
                                   "document.activeElement.className : ''"))
    in_menu = [name for name in seen if name]
    assert in_menu and "md-select__link" not in in_menu[0], seen


def test_on_this_page_on_a_long_page_only(phone_reader, server):
    phone_reader.goto(server + "after-treatment.html")
    toc = phone_reader.locator(".hb-page-toc")
    assert toc.is_visible() and toc.get_attribute("data-medium") == "web"
    assert toc.locator("a").count() >= 3
    phone_reader.goto(server + "404.html")
    assert phone_reader.locator(".hb-page-toc").count() == 0


def test_comparison_stays_a_table_on_a_wide_screen(reader, server):
    page = reader()
    page.goto(server + "microneedling-vs-botox.html")
    assert page.locator(".hb-comparison thead").is_visible()
    assert page.locator(".hb-comparison td").first.evaluate("td => getComputedStyle(td).display") == "table-cell"
    assert page.locator(".hb-comparison td").first.evaluate("td => getComputedStyle(td, '::before').content") == "none"


# ---- The private checklist ----

# Records any attempt to store anything, before the page's own scripts run.
WATCH_STORAGE = """
window.__writes = [];
for (const name of ['setItem', 'removeItem', 'clear']) {
  const real = Storage.prototype[name];
  Storage.prototype[name] = function (key) { window.__writes.push('storage.' + name + ' ' + key); return real.apply(this, arguments); };
}
const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
Object.defineProperty(document, 'cookie', {
  get() { return cookie.get.call(document); },
  set(value) { window.__writes.push('cookie'); cookie.set.call(document, value); },
});
window.__printed = 0;
window.print = () => { window.__printed += 1; window.__printClass = document.documentElement.className; };
"""


STORED = "JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"


@pytest.fixture
def checklist(browser, server):
    context = browser.new_context(**PHONE)
    context.add_init_script(WATCH_STORAGE)
    page = context.new_page()
    page.goto(server + "is-it-right-for-me.html", wait_until="networkidle")
    # Material itself keeps the reader's palette choice in localStorage on every page, once its script
    # runs (on the reader's first touch); from here on, anything written is the checklist's.
    start_theme(page)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__writes = []")
    page.stored = page.evaluate(STORED)
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def tick(page, *ids: str) -> None:
    for ident in ids:
        page.locator(f"#{ident} .hb-checklist-tick input").check()


def test_checklist_lists_what_the_reader_ticks(checklist):
    callouts = checklist.locator(".hb-contraindication")
    assert checklist.locator(".hb-checklist-tick input").count() == callouts.count() > 10
    ids = callouts.evaluate_all("els => els.map(el => el.id)")
    names = callouts.evaluate_all("els => els.map(el => el.querySelector('.admonition-title').textContent.trim())")
    tick(checklist, ids[0], ids[-1])
    told = checklist.locator(".hb-checklist__tell li").all_inner_texts()
    assert told == [names[0], names[-1]]
    assert checklist.locator(".hb-checklist__ask li").count() >= 2
    assert "2 things" in checklist.locator(".hb-checklist__status").inner_text()
    checklist.locator(f"#{ids[0]} .hb-checklist-tick input").uncheck()
    assert checklist.locator(".hb-checklist__tell li").all_inner_texts() == [names[-1]]


def test_checklist_sends_nothing_and_stores_nothing(checklist):
    ids = checklist.locator(".hb-contraindication").evaluate_all("els => els.map(el => el.id)")
    tick(checklist, *ids[:4])
    checklist.locator(".hb-checklist button").click()
    checklist.wait_for_timeout(300)
    assert [url for url in checklist.requests if not url.endswith("favicon.svg")] == []
    assert checklist.evaluate("window.__writes") == []
    assert checklist.evaluate(STORED) == checklist.stored
    assert checklist.evaluate("[document.cookie, sessionStorage.length]") == ["", 0]
    assert checklist.context.cookies() == []


def test_checklist_never_gives_a_verdict(checklist):
    ids = checklist.locator(".hb-contraindication").evaluate_all("els => els.map(el => el.id)")
    tick(checklist, *ids)
    text = checklist.locator(".hb-checklist").inner_text().lower()
    for verdict in ("do not have", "don't have", "cannot have", "can have", "you can", "you cannot", "safe for you",
                    "not suitable", "suitable for you"):
        assert verdict not in text, verdict


def test_print_my_list_prints_the_list_alone(checklist, tmp_path):
    callouts = checklist.locator(".hb-contraindication")
    ids = callouts.evaluate_all("els => els.map(el => el.id)")
    names = callouts.evaluate_all("els => els.map(el => el.querySelector('.admonition-title').textContent.trim())")
    tick(checklist, ids[1])
    checklist.locator(".hb-checklist button").click()
    assert checklist.evaluate("window.__printed") == 1
    assert "hb-print-checklist" in checklist.evaluate("window.__printClass")
    # What the printer gets while the class is on.
    checklist.evaluate("document.documentElement.classList.add('hb-print-checklist')")
    checklist.emulate_media(media="print")
    pdf = tmp_path / "list.pdf"
    checklist.pdf(path=str(pdf), format="A4")
    flat = pdfread.text(pdf)
    assert "Tell your practitioner about" in flat and names[1] in flat and "Questions to ask" in flat
    assert "is-it-right-for-me.html" in flat, "the paper says where it came from"
    assert names[2] not in flat and "What to do:" not in flat, "the rest of the page was printed too"
    assert len(pdfread.page_texts(pdf)) == 1


def test_checklist_works_from_disk_with_no_network(browser, site_dir):
    context = browser.new_context()
    context.route(lambda url: not url.startswith(("file:", "data:", "blob:", "about:")), lambda route: route.abort())
    page = context.new_page()
    page.goto((site_dir / "is-it-right-for-me.html").as_uri())
    first = page.locator(".hb-contraindication").first
    first.locator(".hb-checklist-tick input").check()
    assert page.locator(".hb-checklist__tell li").all_inner_texts() == [
        first.locator(".admonition-title").inner_text().strip()]
    context.close()


def test_without_javascript_the_plain_list_remains(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "is-it-right-for-me.html")
    assert page.locator(".hb-contraindication").count() > 10
    assert page.locator(".hb-contraindication-links a").count() == page.locator(".hb-contraindication").count()
    assert page.locator(".hb-checklist, .hb-checklist-tick").count() == 0
    context.close()


def test_checklist_script_loads_only_where_it_is_used(site_dir):
    using = {p.name for p in site_dir.glob("*.html") if "javascripts/checklist.js" in p.read_text(encoding="utf-8")}
    assert using == {"is-it-right-for-me.html"}


def test_is_it_right_for_me_groups_boxes_by_verdict(phone_reader, server):
    phone_reader.goto(server + "is-it-right-for-me.html")
    order = phone_reader.locator(".hb-contraindication").evaluate_all("els => els.map(el => el.dataset.severity)")
    assert order == sorted(order), "every 'do not have' box comes before every 'talk first' box"
    assert set(order) == {"absolute", "relative"}
    links = phone_reader.locator(".hb-contraindication-links a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    ids = phone_reader.locator(".hb-contraindication").evaluate_all("els => els.map(el => '#' + el.id)")
    assert links == ids


# ---- Help, feedback and editors' tools ----


@pytest.mark.parametrize("md", PAGES)
def test_every_page_on_a_phone_fits_asks_only_the_site_and_offers_help(phone, server, md):
    """Each page, opened once at 390 px: no sideways scrolling, no request to another host, the help
    and feedback links, and no editors' pencil."""
    phone.goto(server + html(md), wait_until="networkidle")
    width = phone.evaluate("document.documentElement.scrollWidth")
    wide = phone.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter(el => el.getBoundingClientRect().right > innerWidth + 1 && getComputedStyle(el).position !== 'fixed')
        .slice(0, 3).map(el => el.tagName + '.' + el.className)""")
    assert width <= 390 and wide == [], ("sideways scrolling", width, wide)
    hosts = {urlparse(url).netloc for url in phone.requests if not url.startswith("data:")}
    assert hosts == {urlparse(server).netloc}, "a request left the site"
    assert phone.locator(".md-content__button, a[rel='edit']").count() == 0, "an edit pencil"
    help_link = phone.locator(".md-header a.hb-header-help")
    assert help_link.is_visible() and help_link.get_attribute("href").endswith(HELP)
    report = urlparse(phone.locator(".md-footer a.hb-report-problem").get_attribute("href"))
    query = parse_qs(report.query)
    assert f"{report.scheme}://{report.netloc}{report.path}" == ISSUE_FORM
    assert query["template"] == ["content-change.yml"]
    title = phone.title().split(" - ")[0]
    if md != "index.md":
        assert title in query["title"][0] and title in query["page"][0]
    assert query["page"][0].endswith(html(md) + ")")
    suggest = phone.locator(".md-footer a.hb-suggest-change").get_attribute("href")
    assert "/edit/" in suggest and suggest.endswith("docs/" + md)


def test_get_help_leads_to_when_to_get_help(phone_reader, server):
    phone_reader.goto(server + "cost-and-faq.html")
    phone_reader.locator(".hb-header-help").click()
    phone_reader.wait_for_url("**/" + HELP)
    heading = phone_reader.locator("#when-to-get-help")
    assert "When to get help" in heading.inner_text()
    assert heading.bounding_box()["y"] >= phone_reader.locator(".md-header").bounding_box()["height"]


# ---- Structured data ----


@pytest.mark.parametrize("md", PAGES)
def test_structured_data_matches_the_front_matter(site_dir, md):
    meta = page_front_matter()[f"docs/{md}"]
    text = (site_dir / html(md)).read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert len(blocks) == 1, md
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
    assert data["description"] == meta["description"]
    assert "lastReviewed" not in data and "reviewedBy" not in data  # only from a recorded review
    assert data["audience"] == "https://schema.org/Patient"
    assert data["about"]["@type"] == "MedicalProcedure" and data["about"]["name"] == "Microneedling"
    assert data["url"].endswith(html(md))
    if md != "index.md":
        assert data["name"] == meta.get("title", data["name"]) and data["name"] in text


def test_structured_data_is_read_by_the_browser(phone_reader, server):
    phone_reader.goto(server + "after-treatment.html")
    data = phone_reader.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["name"] == "After your treatment" and data["@type"] == "MedicalWebPage"


@pytest.mark.slow
def test_front_matter_cannot_break_out_of_the_structured_data(project, tmp_path, browser):
    hostile = "Ends here </script><script>window.hacked = 1</script> & <b>bold</b> 'quoted'"
    sub(project / "docs/glossary.md", r"^description: .*$", f'description: "{hostile}"')
    site = build_ok(project, tmp_path / "site", HANDOUTS="0")
    text = (site / "glossary.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert len(blocks) == 1 and json.loads(blocks[0])["description"] == hostile
    page = browser.new_page()
    page.goto((site / "glossary.html").as_uri())
    assert page.evaluate("window.hacked") is None
    page.close()


def test_a_device_set_to_dark_gets_dark_colours_and_its_switch_before_any_touch(browser, server):
    """Material's script waits for the reader's first touch; the colours follow the device from the first paint."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server + "index.html", wait_until="load")
    assert page.evaluate("typeof window.component$") == "undefined", "no touch yet, so Material's script has not run"
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert page.locator("label[for^='__palette']:visible").get_attribute("title") == "Switch to light mode"
    context.close()
