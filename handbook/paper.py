"""Page bodies rewritten for paper: wording, links, citations, help numbers and medicine names.

Pure functions on BeautifulSoup trees. The website keeps the pages as written;
only the PDFs go through here.

- Web-only instructions (search box, hover, click, tap, this site) are left out,
  sentence by sentence.
- A link to another page becomes a reference a reader can follow on paper:
  "the leaflet 'Is it right for me?'" in a handout, "(see page 8)" in the handbook.
- Citation marks and the source list agree: in a handout both are numbered 1, 2, 3
  in reading order; in the handbook both use the References chapter's numbers.
- Nothing here changes a country's words: each edition's pages are rendered for its
  country (handbook/editions.py).
- Where a clinic-branded leaflet may not name a prescription-only medicine, every
  sentence, box, row or section naming one (or its price) is left off.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from handbook.sentences import BLOCKS, drop_block, drop_sentences, leave_out


@dataclass(frozen=True)
class Rules:
    """What one PDF's paper edition changes."""

    kind: str = "handout"  # or "handbook"
    left_out_report: list[str] = field(default_factory=list, compare=False)
    """What leaving out the medicines removed, block by block, as it read (written next to the PDFs)."""
    medicines: tuple[str, ...] = ()
    """Names this paper may not print (empty where naming is allowed)."""
    leaflets: dict = field(default_factory=dict)
    """Page file (e.g. 'is-it-right-for-me.html') -> title, for pages issued as leaflets with this one."""
    chapters: dict = field(default_factory=dict)
    """Page file -> chapter id, for pages in the handbook PDF."""
    titles: dict = field(default_factory=dict)
    """Page file -> title, for every page of the site."""
    left_out: frozenset = frozenset()
    """Page files not on paper (meant for clinics, or not issued): sentences linking to them go too."""
    references: dict = field(default_factory=dict)
    """Source id -> (number in the References list, citation, url)."""
    contact: str = ""
    site_url: str = ""
    """The handbook's address: a page named on paper gets its address too."""
    words: Callable[[str], str] = str
    """The edition's words (Handbook.t): what paper writes in place of a link is in its language."""
    """Clinic name and phone, added to the 'contact the clinic' card."""

    def medicine_pattern(self) -> re.Pattern | None:
        if not self.medicines:
            return None
        return re.compile(r"\b(" + "|".join(re.escape(m) for m in self.medicines) + r")\b", re.I)


# ---- Medicines, links ----


def _mentions(pattern: re.Pattern) -> Callable[[str], bool]:
    return lambda text: bool(pattern.search(text))


def without_medicines(body: Tag, rules: Rules, treatment_ids: Iterable[str]) -> None:
    """No sentence, box, row, column or section naming a prescription-only medicine, or its price."""
    pattern = rules.medicine_pattern()
    if pattern is None:
        return
    for named in body.select("[data-names-medicine]"):  # marked in the page: the words that name one
        named.decompose()
    for element in body.select("[data-without-medicine]"):  # a box's title as data words it without one
        element.clear()
        element.append(element["data-without-medicine"])
    ids = set(treatment_ids)
    for advice in body.select(".hb-advice[data-treatment]"):
        if advice["data-treatment"] in ids:
            advice.decompose()
    for box in body.select(".hb-contraindication"):
        if not box.select(".hb-advice"):
            box.decompose()
    for table in body.find_all("table"):
        header = table.find("tr")
        cols = [i for i, cell in enumerate(header.find_all(["th", "td"]) if header else []) if pattern.search(cell.get_text())]
        for row in table.find_all("tr"):
            cells = row.find_all(["th", "td"], recursive=False)
            for i in reversed(cols):
                if i < len(cells):
                    cells[i].decompose()
        if header is not None and len(header.find_all(["th", "td"])) < 3 and table.select("tbody th[scope=row]"):
            table.decompose()  # a comparison left with one treatment compares nothing
    leave_out(body, _mentions(pattern), whole_block_if_first=True, report=rules.left_out_report)


def _page_file(href: str) -> tuple[str, str]:
    path, _, anchor = href.partition("#")
    return path.rsplit("/", 1)[-1], anchor


def rewrite_links(body: Tag, rules: Rules, own_file: str) -> None:
    """Links to other pages become references a reader can follow on paper."""
    gone = {f for f in rules.left_out if f != own_file}
    if gone:
        for a in body.find_all("a", href=True):
            if a.parent is not None and _page_file(a["href"])[0] in gone and not a["href"].startswith("http"):
                block = a.find_parent(BLOCKS)
                if block is None:
                    a.decompose()
                    continue
                marker = "\u2063"  # an invisible mark to find the link's sentence
                a.insert(0, NavigableString(marker))
                drop_sentences(block, lambda t, m=marker: m in t)
                if marker in block.get_text():
                    drop_block(block)
    for a in body.find_all("a", href=True):
        href = a["href"]
        if href.startswith(("http://", "https://", "mailto:")) or a.find_parent(class_="hb-sources") \
                or a.find_parent(class_="hb-references"):
            continue
        page, anchor = _page_file(href)
        before = a.previous_sibling
        titled = page in rules.titles and a.get_text(" ", strip=True).casefold().rstrip("?") == \
            rules.titles[page].casefold().rstrip("?")
        if page and page != own_file and not titled and isinstance(before, NavigableString) \
                and re.search(r"\bRead\s+$", str(before)):
            before.replace_with(re.sub(r"\bRead\s+$", "Read about ", str(before)))  # "Read home rollers"
        if not page or page == own_file:
            if rules.kind == "handbook" and anchor:
                a["href"] = f"#{anchor}"
            continue
        if rules.kind == "handbook" and page in rules.chapters:
            a["href"] = f"#{anchor}" if anchor else f"#{rules.chapters[page]}"
            a["class"] = [*a.get("class", []), "xref"]  # CSS adds "(see page N)"
        elif rules.kind == "handout" and page in rules.leaflets:
            title = rules.leaflets[page]
            label = a.get_text(" ", strip=True)
            if label.casefold().rstrip("?") == title.casefold().rstrip("?"):
                a.string = rules.words("the leaflet “{title}”").format(title=title)
                if isinstance(before, NavigableString) and re.search(r"\bthe\s+$", str(before)):
                    before.replace_with(re.sub(r"\bthe\s+$", "", str(before)))  # "on the Is it right..."
                after = a.next_sibling
                if isinstance(after, NavigableString) and re.match(r"\s+page\b", str(after)):
                    after.replace_with(re.sub(r"^\s+page\b", "", str(after)))  # "... page."
            else:
                a.insert_after(NavigableString(" " + rules.words("in the leaflet “{title}”").format(title=title)))
        elif page in rules.titles:
            title = rules.titles[page]
            where = f" ({rules.site_url}{page})" if rules.site_url else ""
            if a.get_text(" ", strip=True).casefold().rstrip("?") == title.casefold().rstrip("?"):
                a.string = rules.words("“{title}” in the handbook online").format(title=title) + where
            else:
                a.insert_after(NavigableString(
                    " " + rules.words("in “{title}”, in the handbook online").format(title=title) + where))


# ---- Citations ----


def number_citations(body: Tag, rules: Rules, listed: list[str], own_file: str) -> None:
    """Citation marks and the Sources list agree in this PDF.

    Handout: marks are renumbered 1, 2, 3 in reading order and the list holds
    exactly those, then the page's other sources. Handbook: marks and every list
    keep the numbers of the References chapter.
    """
    pattern = rules.medicine_pattern()
    if pattern is not None:  # a source whose citation names the medicine is not printed, nor its marks
        for a in body.select(".hb-sources a[href]"):
            ref = rules.references.get(_page_file(a["href"])[1])
            if ref and pattern.search(f"{ref[1]} {ref[2]}"):
                group = a.find_parent(class_="hb-sources")
                a.decompose()
                kept = group.find_all("a")
                group.clear()
                if not kept:
                    group.decompose()
                    continue
                group.append(NavigableString("(Sources: "))
                for n, link in enumerate(kept):
                    group.append(NavigableString(", ") if n else NavigableString(""))
                    group.append(link)
                group.append(NavigableString(")"))
        listed = [r for r in listed if not pattern.search(" ".join(map(str, rules.references[r][1:])))]
    marks = body.select(".hb-sources a[href]")
    heading = body.find(id="sources")
    if rules.kind == "handbook":
        for a in marks:
            a["href"] = "#" + _page_file(a["href"])[1]
        for li in body.select("ol.hb-references > li"):
            _number(li, li.get("value") or str(rules.references.get(li.get("id"), ("",))[0]))
            if own_file != "references.html":  # the References chapter holds the anchors
                del li["id"]
        return
    order: list[str] = []
    for a in marks:
        ref = _page_file(a["href"])[1]
        if ref not in order:
            order.append(ref)
    order += [r for r in listed if r not in order]
    numbers = {ref: i for i, ref in enumerate(order, 1)}
    for a in marks:
        ref = _page_file(a["href"])[1]
        a.string = str(numbers[ref])
        a["href"] = f"#source-{ref}"
    old = body.select_one("ol.hb-references")
    if not order:
        return
    soup = BeautifulSoup("", "html.parser")
    new = soup.new_tag("ol", attrs={"class": "hb-references"})
    for ref in order:
        _, citation, url = rules.references[ref]
        li = soup.new_tag("li", attrs={"id": f"source-{ref}"})
        _number(li, str(numbers[ref]))
        li.append(NavigableString(citation + " "))
        link = soup.new_tag("a", href=url)
        link.string = url.removeprefix("https://")
        li.append(link)
        new.append(li)
    if old is not None:
        old.replace_with(new)
    elif heading is not None:
        heading.insert_after(new)


def _number(li: Tag, number: str) -> None:
    """The entry's number as text: WeasyPrint ignores <li value> (a presentational hint, left off)."""
    label = BeautifulSoup("", "html.parser").new_tag("span", attrs={"class": "ref-number"})
    label.string = f"{number}."
    li.insert(0, label)
    li.insert(1, NavigableString(" "))
    li["class"] = [*li.get("class", []), "numbered"]


def contact_in_card(body: Tag, contact: str) -> None:
    """The clinic's name and number inside the 'contact the clinic' card (`!!! non-urgent`), in every language."""
    if not contact:
        return
    for card in body.select(".admonition.non-urgent"):
        p = BeautifulSoup("", "html.parser").new_tag("p", attrs={"class": "card-contact"})
        p.string = contact
        card.append(p)


def for_paper(content: str, own_file: str, rules: Rules, listed: Iterable[str] = (),
              medicine_treatments: Iterable[str] = ()) -> BeautifulSoup:
    body = BeautifulSoup(content, "html.parser")
    for node in body.select("form, button, input, label, .hb-handout-link, .headerlink"):
        node.decompose()
    without_medicines(body, rules, medicine_treatments)
    rewrite_links(body, rules, own_file)
    number_citations(body, rules, list(listed), own_file)
    contact_in_card(body, rules.contact)
    return body
