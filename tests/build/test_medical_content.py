"""Medical content rules a test can hold: the corrections of the clinical read stay
corrected, the gaps stay filled, and every source links to its publisher."""

import re

import pytest

from handbook.data import load_handbook
from handbook.yaml12 import loads
from support import ROOT

DATA = ROOT / "data"


def load(name: str):
    return loads((DATA / name).read_text(encoding="utf-8"), f"data/{name}")[0]


def plain(node) -> str:
    """An element's text on one line, without the spaces that inline tags leave before punctuation."""
    return re.sub(r"\s+([,.;:!?)])", r"\1", " ".join(node.get_text(" ").split()))


def article(soup) -> str:
    return plain(soup.select_one("article"))


def section(soup, ident: str) -> str:
    """The text under one h2 of a page's article, up to the next h2."""
    heading = soup.select_one(f"article h2#{ident}")
    assert heading is not None, ident
    parts = []
    for node in heading.find_next_siblings():
        if node.name == "h2":
            break
        parts.append(plain(node))
    return " ".join(parts)


def blocks(soup) -> list[str]:
    """Paragraphs, list items and table cells of a page's article, as plain text: what the handbook says,
    not the patients' questions it lists (they ask "are home devices FDA approved?")."""
    found = soup.select_one("article").find_all(["p", "li", "td", "th", "dd", "dt"])
    return [plain(el) for el in found if not el.find_parent(class_="hb-questions")]


def sentences(soup) -> list[str]:
    return [s for b in blocks(soup) for s in re.split(r"(?<=[.!?])\s+", b) if s]


# ---- Claims the clinical read retired: none may come back ----

RETIRED = [
    "holes close within",                 # too precise for the sources
    "serums that were not sterile",       # granulomas come from products not made for the skin
    "safer than many lasers",             # one trial of one laser
    "did not cause more severe",          # the PRP meta-analysis found no significant difference
    "does not act on muscles and may be an option",
    "slows healing",                      # pregnancy: unsupported as stated
    "many clinics wait 3 to 6 months",    # clinic habit presented as research
    "clinics quote anything from",
    "approved for home",
    "no microneedling device is approved",
]


def test_no_retired_claim_comes_back(html_pages):
    for name, soup in html_pages.items():
        text = article(soup).lower()
        assert [p for p in RETIRED if p in text] == [], name


# ---- FDA wording: devices are authorised one by one, never "approved" as a class ----

def says_devices_approved(sentence: str) -> bool:
    """An 'approve' word within five words of 'device(s)', in a sentence with no negation."""
    words = re.findall(r"[a-z']+", sentence.lower())
    if {"not", "no", "never"} & set(words):
        return False
    approve = [i for i, w in enumerate(words) if w.startswith("approv")]
    device = [i for i, w in enumerate(words) if w in ("device", "devices")]
    return any(abs(a - d) <= 5 for a in approve for d in device)


def test_approval_check_can_fail():
    assert says_devices_approved("The FDA has approved microneedling devices for scars.")
    assert says_devices_approved("Microneedling devices are approved for adults.")
    assert not says_devices_approved("It has not approved microneedling devices as a group.")
    assert not says_devices_approved("The FDA has authorised some microneedling devices.")


def test_no_page_says_devices_are_approved_as_a_class(html_pages):
    for name, soup in html_pages.items():
        assert [s for s in sentences(soup) if says_devices_approved(s)] == [], name


# ---- Pregnancy and breastfeeding: Botox is "do not have" ----

def advice(soup, ident: str) -> dict[str, tuple[str, str]]:
    box = soup.select_one(f"#{ident}")
    assert box is not None, ident
    return {d["data-treatment"]: (d["data-severity"], " ".join(d.get_text(" ").split())) for d in box.select(".hb-advice")}


@pytest.mark.parametrize("ident", ["pregnancy", "breastfeeding"])
def test_botox_page_shows_pregnancy_and_breastfeeding_as_do_not_have(html_pages, ident):
    shown = advice(html_pages["microneedling-vs-botox.html"], ident)
    assert set(shown) == {"botox"}, "the Botox page speaks about Botox only"
    severity, text = shown["botox"]
    assert severity == "absolute" and "Do not have Botox" in text


def test_botox_page_callouts_speak_about_botox_only(html_pages):
    soup = html_pages["microneedling-vs-botox.html"]
    treatments = {d["data-treatment"] for d in soup.select(".hb-contraindication .hb-advice")}
    assert treatments == {"botox"}


def test_microneedling_in_pregnancy_is_wait_until_after_the_baby_is_born(html_pages):
    soup = html_pages["is-it-right-for-me.html"]
    severity, text = advice(soup, "pregnancy")["microneedling"]
    assert severity == "absolute" and "Wait until after your baby is born" in text


# ---- Koebner response: psoriasis, vitiligo and lichen planus only ----

def test_koebner_response_is_not_applied_to_eczema_rosacea_or_dermatitis(html_pages):
    for name, soup in html_pages.items():
        for sentence in sentences(soup):
            if "koebner" in sentence.lower():
                wrong = re.findall(r"eczema|rosacea|dermatitis", sentence.lower())
                assert wrong == [], f"{name}: {sentence}"


# ---- Evidence labels: one study, one label ----

def contraindication_advice():
    for entry in load("contraindications.yaml"):
        for treatment, a in entry["treatments"].items():
            yield entry["id"], treatment, a


def test_a_source_standing_alone_carries_one_evidence_label():
    labels: dict[str, set[str]] = {}
    for _, _, a in contraindication_advice():
        if len(a["sources"]) == 1:
            labels.setdefault(a["sources"][0], set()).add(a["evidence"])
    assert {s: kinds for s, kinds in labels.items() if len(kinds) > 1} == {}


def test_the_vitiligo_trial_is_labelled_a_trial_everywhere():
    cited = [(i, t, a["evidence"]) for i, t, a in contraindication_advice() if "esmat-2022" in a["sources"]]
    assert cited and all(label == "trial" for _, _, label in cited), cited


def test_clinic_habit_is_labelled_as_such(html_pages):
    assert "from clinic instructions rather than research" in article(html_pages["before-treatment.html"])
    assert "not from research" in article(html_pages["after-treatment.html"])
    aftercare = section(html_pages["botox-safety.html"], "aftercare")
    assert "we found no study" in aftercare and "clinic habit" in aftercare


def test_the_isotretinoin_wait_gives_both_the_product_information_and_the_review(html_pages):
    # The product information gives a wait; the 2017 review found too little evidence for it.
    # Neither is "just clinic habit", and the review did not study microneedling on its own.
    isotretinoin = " ".join(advice(html_pages["is-it-right-for-me.html"], "isotretinoin")["microneedling"][1:])
    for text in (isotretinoin,):
        assert "product information" in text and "6 months" in text
        assert "2017 expert review found too little evidence" in text
        assert "clinic habit" not in text
    assert "microneedling on its own" in isotretinoin


# ---- When to get help: the same on every page, and cold sores the same day ----

def card(soup, kind: str) -> str:
    found = soup.select(f".admonition.{kind}")
    return " ".join(" ".join(c.get_text(" ").split()) for c in found).lower()


def test_home_and_aftercare_pages_say_what_is_normal_and_what_is_not_the_same_way(html_pages):
    facts = load("facts.yaml")
    normal = f"{facts['redness_days']['value']} days"
    not_normal = "more painful, hot or swollen instead of better"
    for name in ("index.html", "after-treatment.html"):
        text = article(html_pages[name])
        assert normal in text and not_normal in text, name
    assert "painful, hot and swollen" not in article(html_pages["index.html"])


def test_a_possible_cold_sore_needs_same_day_help(html_pages):
    soup = html_pages["after-treatment.html"]
    assert "blisters" in card(soup, "urgent")
    assert "blister" not in card(soup, "non-urgent")


def test_spreading_botox_means_999(html_pages):
    soup = html_pages["microneedling-vs-botox.html"]
    emergency = card(soup, "emergency")
    assert "999" in emergency
    for sign in ("swallowing", "speaking", "breathing", "vision"):
        assert sign in emergency, sign


# ---- Gaps the handbook fills (each a section with a stable address) ----

GAPS = {
    "risks-and-safety.html": ["who-can-do-it", "how-to-check", "complain", "prp"],
    "on-the-day.html": ["numbing-cream-safety"],
    "microneedling-vs-botox.html": ["botox-and-microneedling", "help-after-botox"],
    "is-it-right-for-me.html": ["who-it-may-suit"],
    "what-it-can-treat.html": ["evidence-overall"],
    "cost-and-faq.html": ["cost"],
}


@pytest.mark.parametrize("page", sorted(GAPS))
def test_gap_sections_are_there(html_pages, page):
    soup = html_pages[page]
    assert [a for a in GAPS[page] if soup.find(id=a) is None] == []


def test_gaps_say_what_they_must(html_pages):
    risks = article(html_pages["risks-and-safety.html"])
    for phrase in ("General Medical Council", "Nursing and Midwifery Council", "Check a practitioner",
                   "licensing scheme", "Yellow Card", "Who should not have PRP?", "roller heads and stamps"):
        assert phrase in risks, phrase
    assert "Hair loss" in article(html_pages["what-it-can-treat.html"])
    assert "written quote" in article(html_pages["cost-and-faq.html"])
    assert "roller heads and stamps" in article(html_pages["what-is-microneedling.html"])


# ---- The comparison table ----

def comparison_row(soup, label: str) -> list[str]:
    for row in soup.select("table tr"):
        cells = [" ".join(c.get_text(" ").split()) for c in row.find_all(["th", "td"])]
        if cells and cells[0] == label:
            return cells[1:]
    raise AssertionError(f"no row {label!r}")


def test_comparison_gives_how_long_microneedling_results_last(html_pages):
    microneedling, _ = comparison_row(html_pages["microneedling-vs-botox.html"], "How long results last")
    assert re.search(r"\d+ to \d+ months", microneedling), microneedling


def test_botox_drooping_and_crooked_smile_are_not_listed_as_common(html_pages):
    _, botox = comparison_row(html_pages["microneedling-vs-botox.html"], "Common side effects")
    lower = botox.lower()
    assert "less common" in lower
    assert lower.index("less common") < lower.index("eyelid") and lower.index("less common") < lower.index("smile")


def test_insurance_is_said_once_in_the_words_of_its_fact(html_pages):
    fact = load_handbook(ROOT / "data").local["cosmetic_funding"]
    for name, soup in html_pages.items():
        for sentence in sentences(soup):
            if "health insurance" in sentence.lower():
                assert sentence.rstrip(".") in fact, f"{name}: {sentence}"


def test_device_table_compares_settings_not_a_pen_with_a_roller(html_pages):
    headers = [th.get_text(" ", strip=True) for th in html_pages["what-is-microneedling.html"].select("table th")]
    assert "Clinic pen" not in headers


# ---- Sources: publisher of record, https, DOIs ----

# Papers that carry no DOI we could confirm, and where they are linked instead.
NO_DOI = {
    "ablon-2018": "Journal of Clinical and Aesthetic Dermatology: no DOI; linked at PMC",
    "vaghela-2021": "Journal of Clinical and Aesthetic Dermatology supplement: no DOI; linked at the publisher",
    "jdd-2024": "Journal of Drugs in Dermatology: no DOI found; linked at the publisher",
    "goodman-qualitative-2006": "DOI not confirmed; linked at PubMed",
}
# Hosts that hold copies of other people's text: never a publisher of record.
COPY_HOSTS = re.compile(r"researchgate|scribd|vdocuments|docksci|zendy|ouci\.dntb|api\.|developer\.|mirror")


def references():
    return load("references.yaml")


def test_allowed_hosts_name_no_copy_sites():
    assert [h for h in load("source-hosts.yaml") if COPY_HOSTS.search(h)] == []


def is_journal_paper(ref) -> bool:
    """Tier A with a year;volume citation, e.g. '2015;1(2):77-81', or a journal and year."""
    return ref["tier"] == "A" and bool(re.search(r"\b(19|20)\d\d;\d|\bJournal\b.*\b(19|20)\d\d\b", ref["citation"]))


@pytest.mark.parametrize("ref", [r for r in references() if is_journal_paper(r)], ids=lambda r: r["id"])
def test_papers_link_their_doi(ref):
    if ref["id"] in NO_DOI and not ref["url"].startswith("https://doi.org/"):
        assert NO_DOI[ref["id"]], f"{ref['id']}: say why it has no DOI link"
        return
    assert re.fullmatch(r"https://doi\.org/10\.\d{4,9}/\S+", ref["url"]), ref["id"]


def test_doi_check_can_fail():
    paper = {"id": "x", "tier": "A", "citation": "A B. Title. Journal of Things 2020;1:1-2.",
             "url": "https://www.researchgate.net/publication/1"}
    assert is_journal_paper(paper)
    assert not re.fullmatch(r"https://doi\.org/10\.\d{4,9}/\S+", paper["url"])


def test_references_page_links_only_https(html_pages):
    links = [a["href"] for a in html_pages["references.html"].select("article a[href^='http']")]
    assert links and [h for h in links if not h.startswith("https://")] == []
