"""The catalogue of editor mistakes: each one stops the build with one line naming the
file and the key or line, and no traceback. A case is (mutation of a project copy, or
CLINIC_*-style settings, or both; the patterns the output must show).

PRE_RENDER cases are caught before any page renders, so they run in-process through
`python -m handbook check-data` (tests/unit/test_catalogue_pre_render.py); the others
need a build (tests/build/test_catalogue.py)."""

import re
from pathlib import Path

from support import add_page

FM = "description: A scratch page.\nlast_reviewed: 2026-11-01\nnext_review: 2027-11-01\nsources: []\n"


def sub(path: str, pattern: str, repl: str):
    """A mutation: the first match of ``pattern`` in ``path`` (a regular expression) becomes ``repl``."""

    def mutate(project: Path) -> None:
        file = project / path
        text, count = re.subn(pattern, repl, file.read_text(encoding="utf-8"), count=1, flags=re.M)
        assert count, f"{pattern!r} not found in {path}"
        file.write_text(text, encoding="utf-8")

    return mutate


def append(path: str, text: str):
    def mutate(project: Path) -> None:
        with open(project / path, "a", encoding="utf-8") as f:
            f.write(text)

    return mutate


def write(path: str, data: bytes | str):
    def mutate(project: Path) -> None:
        (project / path).write_bytes(data if isinstance(data, bytes) else data.encode())

    return mutate


def page(body: str, meta: str = FM):
    return lambda project: add_page(project, body, meta=meta)


def front(meta: str):
    return page("Text.", meta)


CONTRA = "data/contraindications.yaml"
TREAT = "data/treatments.yaml"
FACTS = "data/facts.yaml"
REFS = "data/references.yaml"
WORDS = "data/search-words.yaml"
QUESTIONS = "data/questions.yaml"
FIRST_ANSWER = r"^  answer: .*$"  # the first question's answer
NEW_CONTRA = ("\n- id: sunburn\n  condition: Sunburn\n  treatments:\n    microneedling:\n      severity: absolute\n"
              "      reason: Burnt skin.\n      instead: Wait.\n      evidence: clinic-practice\n      sources: []\n")
ADVICE = r"^(      severity: \w+\n)"  # the first per-treatment advice block
BOTOX_BOXES = r"\{\{ contraindications\(treatment=\"botox\", severity=\"absolute\", fold_on_phones=True\) \}\}"

CASES = {
    # ---- YAML itself ----
    "yaml-syntax": (sub(FACTS, r"^(\w+):\n  value: ", r"\1:\n  value: [unclosed "), [r"data/facts\.yaml, line \d+: YAML syntax error"]),
    "duplicate-top-level-key": (sub(FACTS, r"^(\w+):\n", r"\1:\n  value: 1\n  sources: [x]\n\1:\n"),
                                [r"data/facts\.yaml, line \d+: duplicate key '\w+' \(already set on line \d+\)"]),
    "duplicate-key-in-values": (sub(TREAT, r"^      how_it_works:\n", "      how_it_works:\n        text: x\n        sources: [x]\n      how_it_works:\n"),
                                [r"data/treatments\.yaml, line \d+: duplicate key 'how_it_works'"]),
    "duplicate-key-in-advice": (sub(CONTRA, ADVICE, r"\1      severity: relative\n"), [r"data/contraindications\.yaml, line \d+: duplicate key 'severity'"]),
    "duplicate-key-in-reference": (sub(REFS, r"^(  tier: \w\n)", r"\1  tier: A\n"), [r"data/references\.yaml, line \d+: duplicate key 'tier'"]),
    "duplicate-search-word": (append(WORDS, "\npregnancy: [pregnant]\n"), [r"data/search-words\.yaml, line \d+: duplicate key 'pregnancy'"]),
    "not-utf8": (write(FACTS, "x:\n  value: caf\xe9\n  sources: [x]\n".encode("latin-1")), [r"data/facts\.yaml, line 2: not UTF-8 text"]),
    "tab-indent": (sub(FACTS, r"^  value: ", "\tvalue: "), [r"data/facts\.yaml, line \d+: YAML syntax error"]),
    "missing-data-file": (lambda p: (p / FACTS).unlink(), [r"data/facts\.yaml: file is missing"]),
    "missing-search-words": (lambda p: (p / WORDS).unlink(), [r"data/search-words\.yaml: file is missing"]),
    "empty-data-file": (write(CONTRA, "# nothing yet\n"), [r"data/contraindications\.yaml: top level: should be a list"]),
    # ---- keys and types ----
    "missing-key": (sub(CONTRA, r"^      reason: ", "      why: "),
                    [r"data/contraindications\.yaml, line \d+: entry 1 \(id '[a-z-]+'\), key 'treatments', key '\w+', key 'reason': required key is missing"]),
    "unknown-key": (sub(CONTRA, r"^      instead: ", "      insted: "),
                    [r"key 'insted': unknown key; allowed keys: severity, reason, instead, evidence, sources"]),
    "wrong-type-list": (sub(CONTRA, r"^  treatments:\n", "  treatments: [microneedling]\n  old:\n"),
                        [r"data/contraindications\.yaml, line \d+: entry 1 \(id '[a-z-]+'\), key 'treatments': should be a set of 'key: value' lines"]),
    "wrong-severity": (sub(CONTRA, r"^      severity: \w+", "      severity: mild"),
                       [r"key 'severity': 'mild' is not allowed; allowed values: 'absolute', 'relative'"]),
    "wrong-evidence": (sub(CONTRA, r"^      evidence: [\w-]+", "      evidence: anecdote"), [r"key 'evidence': 'anecdote' is not allowed; allowed values: 'trial'"]),
    "empty-text": (sub(CONTRA, r"^  condition: .*$", "  condition: ''"), [r"data/contraindications\.yaml, line \d+: entry 1 .*key 'condition': is empty"]),
    "number-for-text": (sub(CONTRA, r"^  condition: .*$", "  condition: 12"), [r"key 'condition': should be text"]),
    "list-for-fact": (sub(FACTS, r"^  value: .*$", "  value: [1, 2]"), [r"data/facts\.yaml, line \d+: key '\w+', key 'value': should be text or a number"]),
    "no-sources": (sub(TREAT, r"^        sources: \[.*\]$", "        sources: []"), [r"data/treatments\.yaml, line \d+: .*key 'sources': needs at least one entry"]),
    "no-sources-for-evidence": (append(CONTRA, NEW_CONTRA.replace("clinic-practice", "review")),
                                [r"contraindications\.yaml: id 'sunburn', key 'treatments\.microneedling\.sources': needs at least one source"]),
    "bad-id-pattern": (append(CONTRA, NEW_CONTRA.replace("id: sunburn", "id: Sun Burn")),
                       [r"key 'id': 'Sun Burn' is not allowed: ids are lower-case letters and digits joined by hyphens, e\.g\. cold-sore"]),
    "tier-c": (sub(REFS, r"^  tier: \w$", "  tier: C"), [r"data/references\.yaml, line \d+: entry 1 .*key 'tier': 'C' is not allowed; allowed values: 'A', 'B'"]),
    "copy-not-publisher": (sub(REFS, r"^  url: https://\S+", "  url: https://www.researchgate.net/publication/1"),
                           [r"data/references\.yaml, line \d+: id '[a-z0-9-]+', key 'url': 'www\.researchgate\.net' is not a publisher listed in data/source-hosts\.yaml"]),
    "http-url": (sub(REFS, r"^  url: https://", "  url: http://"), [r"key 'url': 'http://\S+' is not allowed: a web address starting with https://"]),
    # ---- ids across files ----
    "duplicate-contraindication-id": (append(CONTRA, NEW_CONTRA + NEW_CONTRA),
                                      [r"data/contraindications\.yaml, line \d+: duplicate id 'sunburn' \(entry \d+; entry \d+, line \d+, has it too\)"]),
    "duplicate-reference-id": (lambda p: (p / REFS).write_text((p / REFS).read_text() + "\n" + re.search(r"^- id: [\s\S]*?(?=^- id:)", (p / REFS).read_text(), re.M).group(0)),
                               [r"data/references\.yaml, line \d+: duplicate id '[a-z0-9-]+'"]),
    "duplicate-attribute-id": (sub(TREAT, r"^  - id: (\w+)\n    label: ", r"  - id: \1\n    label: Twice\n  - id: \1\n    label: "),
                               [r"data/treatments\.yaml, line \d+: duplicate id '\w+'"]),
    "unknown-treatment-in-contraindication": (sub(CONTRA, r"^    microneedling:\n", "    microneedlng:\n"),
                                              [r"contraindications\.yaml: id '[a-z-]+', key 'treatments': unknown treatment id 'microneedlng'; allowed values: botox, microneedling"]),
    "unknown-source-in-treatment": (sub(TREAT, r"^        sources: \[", "        sources: [no-such-paper, "),
                                    [r"treatments\.yaml: treatment '\w+', values\.\w+\.sources: unknown source id 'no-such-paper'"]),
    "unknown-source-in-advice": (sub(CONTRA, r"^      sources: \[", "      sources: [no-such-paper, "),
                                 [r"contraindications\.yaml: id '[a-z-]+', key 'treatments\.\w+\.sources': unknown source id 'no-such-paper'"]),
    "unknown-source-in-fact": (sub(FACTS, r"^  sources: \[", "  sources: [no-such-paper, "), [r"facts\.yaml: fact '\w+', key 'sources': unknown source id 'no-such-paper'"]),
    "missing-attribute-value": (sub(TREAT, r"^      how_it_works:\n        text: .*\n        sources: .*\n", ""),
                                [r"treatments\.yaml: treatment '\w+', values: missing value for attribute\(s\): how_it_works"]),
    "unknown-attribute": (sub(TREAT, r"^      how_it_works:\n", "      how_it_wrks:\n"), [r"treatments\.yaml: treatment '\w+', values: unknown attribute 'how_it_wrks'"]),
    "unknown-fact-in-data": (sub(CONTRA, r"^      reason: ", "      reason: Because {{ facts.no_such_fact }} "),
                             [r"data/contraindications\.yaml, line \d+, key 'reason': unknown fact 'no_such_fact'; allowed values:"]),
    "template-error-in-data": (sub(TREAT, r"^        text: ", "        text: About {{ facts.x "), [r"data/treatments\.yaml, line \d+, key 'text': .*(expected|unexpected)"]),
    "unquoted-fact-at-start": (sub(CONTRA, r"^      reason: ", "      reason: {{ facts.x }} "),
                               [r"data/contraindications\.yaml, line \d+: YAML syntax error: .*; a value that starts with \{\{ must be in quotes"]),
    "search-word-unused": (append(WORDS, "\nzzqx: [qqzzx]\n"), [r"data/search-words\.yaml: no page uses 'qqzzx'"]),
    "search-word-empty": (append(WORDS, "\nzzqx: ['']\n"), [r"data/search-words\.yaml, line \d+: key 'zzqx', entry 1: is empty"]),
    "contraindication-shown-nowhere": (lambda p: (sub(CONTRA, r"\Z", NEW_CONTRA.replace("microneedling:", "botox:"))(p),
                                                  sub("docs/microneedling-vs-botox.md", BOTOX_BOXES, "")(p)),
                                       [r"data/contraindications\.yaml: no page shows .*'sunburn' for botox"]),
    # The Botox page shows its "do not have" boxes: a "talk first" one needs a place of its own.
    "talk-first-botox-shown-nowhere": (sub(CONTRA, r"\Z", NEW_CONTRA.replace("microneedling:", "botox:").replace("absolute", "relative")),
                                       [r"data/contraindications\.yaml: no page shows .*'sunburn' for botox"]),
    # ---- front matter ----
    "missing-next-review": (front("description: x.\nlast_reviewed: 2026-11-01\nsources: []\n"),
                            [r"docs/scratch\.md front matter: key 'next_review': required key is missing"]),
    "unknown-page-source": (front(FM.replace("sources: []", "sources: [nobody]")), [r"docs/scratch\.md front matter, key 'sources': unknown source id 'nobody'"]),
    "not-a-date": (front(FM.replace("last_reviewed: 2026-11-01", "last_reviewed: soon")),
                   [r"docs/scratch\.md front matter: key 'last_reviewed': should be a real date written as YYYY-MM-DD"]),
    "impossible-date": (front(FM.replace("last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30")), [r"key 'last_reviewed': should be a real date"]),
    "colon-in-description": (front(FM.replace("description: A scratch page.", "description: Botox: what it is")),
                             [r"docs/scratch\.md front matter, line 2: YAML syntax error: mapping values are not allowed"]),
    "review-in-future": (front(FM.replace("last_reviewed: 2026-11-01", "last_reviewed: 2099-01-01").replace("2027-11-01", "2099-06-01")),
                         [r"docs/scratch\.md front matter, key 'last_reviewed': 2099-01-01 is in the future"]),
    "next-review-too-late": (front(FM.replace("next_review: 2027-11-01", "next_review: 2028-06-01")),
                             [r"docs/scratch\.md front matter, key 'next_review': at most 12 months after last_reviewed"]),
    "next-review-before-last": (front(FM.replace("next_review: 2027-11-01", "next_review: 2026-10-01")), [r"key 'next_review': must be after last_reviewed"]),
    "duplicate-front-matter-key": (front(FM + "description: Again.\n"), [r"docs/scratch\.md front matter, line 6: duplicate key 'description' \(already set on line 2\)"]),
    "bad-handout-slug": (front(FM + "handout: Scratch Page\n"), [r"key 'handout': 'Scratch Page' is not allowed: ids are lower-case"]),
    "duplicate-handout": (front(FM + "handout: is-it-right-for-me\n"), [r"docs/\S+\.md front matter, key 'handout': 'is-it-right-for-me' is also the handout of docs/\S+\.md"]),
    "no-front-matter": (lambda p: (page("Text.")(p), (p / "docs/scratch.md").write_text("# Scratch\n\nText.\n")),
                        [r"docs/scratch\.md: no front matter"]),
    # ---- pages and macros ----
    "unknown-contraindication": (page('{{ contraindication("pregnancy-test") }}'),
                                 [r"docs/scratch\.md, line 10: contraindication\(\): unknown contraindication id 'pregnancy-test'; allowed values: "]),
    "unknown-treatment": (page('{{ comparison_table("microneedling", "botx") }}'),
                          [r"docs/scratch\.md, line 10: comparison_table: unknown treatment id 'botx'; allowed values: botox, microneedling"]),
    "one-treatment-compared": (page('{{ comparison_table("microneedling") }}'), [r"docs/scratch\.md, line 10: comparison_table needs at least two treatment ids"]),
    "unknown-fact": (page("Numbing takes {{ facts.numbing_minuts }} minutes."), [r"docs/scratch\.md, line 10: unknown fact 'numbing_minuts'; allowed values: "]),
    "undefined-variable": (page("Hello {{ clinic_nme }}."),
                           [r"docs/scratch\.md, line 10: 'clinic_nme' is not allowed in pages or data; use \{\{ facts\.NAME \}\} or a macro with plain values: cite, comparison_table, contraindication, "]),
    "unknown-macro": (page('{{ comparsion_table("microneedling", "botox") }}'), [r"docs/scratch\.md, line 10: 'comparsion_table' is not allowed in pages or data; use \{\{ facts\.NAME \}\} or a macro with plain values: "]),
    "wrong-keyword": (page('{{ contraindications(treatmnt="botox") }}'),
                      [r"docs/scratch\.md, line 10: contraindications\(treatment: str \| None = None, severity: str \| None = None, fold_on_phones: bool = False\): got an unexpected keyword argument 'treatmnt'"]),
    "fold-not-true-or-false": (page('{{ contraindications(treatment="botox", fold_on_phones="yes") }}'),
                               [r"docs/scratch\.md, line 10: contraindications\(fold_on_phones=\.\.\.\): write True or False, not 'yes'"]),
    "too-many-arguments": (page('{{ contraindication("pregnancy", "botox", "x") }}'), [r"docs/scratch\.md, line 10: contraindication\(ident: str, treatment: .*too many positional arguments"]),
    "unknown-severity": (page("{{ contraindications(severity='severe') }}"), [r"docs/scratch\.md, line 10: contraindications\(severity=\.\.\.\): unknown severity 'severe'"]),
    "selects-nothing": (page('{{ contraindications(treatment="botox", severity="relative") }}'),
                        [r"docs/scratch\.md, line 10: contraindications\(treatment='botox', severity='relative'\) selects nothing"]),
    "callout-for-other-treatment": (page('{{ contraindication("botox-allergy", treatment="microneedling") }}'),
                                    [r"docs/scratch\.md, line 10: contraindication\('botox-allergy', treatment=\.\.\.\): unknown treatment id 'microneedling'"]),
    "template-syntax": (page("Numbing takes {{ facts.numbing_minutes  minutes."), [r"docs/scratch\.md, line 10: "]),
    "unclosed-block": (page("{% if true %}\n\nText."), [r"docs/scratch\.md, line \d+: .*(endif|end of template)"]),
    "broken-link": (page("See [aftercare](after-treatmnt.md)."), [r"'scratch\.md' contains a link 'after-treatmnt\.md', but the target is not found"]),
    "broken-anchor": (page("See [pregnancy](is-it-right-for-me.md#pregnant)."), [r"'scratch\.md' contains a link '.*#pregnant', but .*does not contain an anchor"]),
    "duplicate-html-id": (page('## Pregnancy { #pregnancy }\n\n{{ contraindication("pregnancy") }}'),
                          [r"docs/scratch\.md: the id 'pregnancy' is used twice on the page"]),
    "two-tables-one-page": (page('{{ comparison_table("microneedling", "botox") }}\n\n{{ comparison_table("botox", "microneedling") }}'),
                            [r"docs/scratch\.md: the id 'compare-[\w-]+' is used twice on the page"]),
    "unprintable-character": ((page("Keep the cream cool 🧴."), {"HANDOUTS": "1"}),
                              [r"docs/scratch\.md: the handouts cannot print '🧴' \(U\+1F9F4 LOTION BOTTLE\); use words instead"]),
    # ---- editions: another country's own words, country words ----
    "foreign-word-on-web": (sub("docs/after-treatment.md", r"^(Outside .*)$", r"\1 In Spain, call 112."),
                            [r"docs/after-treatment\.md \(en-GB web edition\): '112' belongs to Spain \(in \"\.\.\..*In Spain, call 112"]),
    "foreign-word-on-paper": ((sub("docs/cost-and-faq.md", r"^(For comparison, .*)$", r"\1 It costs £40."),
                               {"HANDOUTS": "1", "CLINIC_COUNTRY": "US", "CLINIC_NAME": "Lone Star Skin", "CLINIC_PHONE": "512 555 0100"}),
                              [r"docs/cost-and-faq\.md \(en-US paper edition\): '£' belongs to the UK"]),
    "country-word-missing": (sub("data/countries.yaml", r"^      a_doctor: \{value: your doctor\}\n", ""),
                             [r"data/countries\.yaml: country '\w\w', key 'facts': missing a_doctor; every country needs the same words"]),
    "country-word-is-a-fact": (append(FACTS, "help_same_day:\n  value: a GP\n  sources: [nhs-botox]\n"),
                               [r"data/countries\.yaml: help_same_day is both a country's word and a fact in data/facts\.yaml"]),
    "web-country-unknown": (sub("data/countries.yaml", r"^  es: ES$", "  es: MX"),
                            [r"data/countries\.yaml, key 'web_country', 'es': 'MX' is not a country of the file"]),
    "unknown-medium": (page('Print this.\n{: data-medium="fax" }'), [r'docs/scratch\.md: data-medium="fax" is not a medium; use web or paper']),
    # ---- the questions patients ask ----
    "question-mark-unquoted": (append(QUESTIONS, "- id: zz-safe\n  question: zz is it safe\n  variants: [zz is it safe?]\n"
                                                 "  from: NHS\n  answer: on-the-day.md\n"),
                               [r'data/questions\.yaml, line \d+: YAML syntax error: .*put a question that ends with \? in quotes']),
    "question-asked-twice": (append(QUESTIONS, "- id: zz-a\n  question: zz can I swim\n  from: NHS\n  answer: on-the-day.md\n"
                                               "- id: zz-b\n  question: ZZ can I swim?\n  from: NHS\n  answer: on-the-day.md\n"),
                             [r"data/questions\.yaml, line \d+: id 'zz-b', key 'question': 'ZZ can I swim\?' is already asked by id 'zz-a'"]),
    "question-not-translated": (append(QUESTIONS, "- id: zz-new\n  question: zz can I swim\n  from: NHS\n  answer: on-the-day.md\n"),
                                [r"data/es/questions\.yaml: zz-new \(missing question; en_hash: \w+\)"]),
    "answer-not-a-section": (sub(QUESTIONS, FIRST_ANSWER, "  answer: on-the-day.md#no-such-section"),
                             [r"data/questions\.yaml: id '[a-z0-9-]+', answer 'on-the-day\.md#no-such-section': docs/on-the-day\.md has no section with the id 'no-such-section'"]),
    "answer-page-not-in-nav": (sub(QUESTIONS, FIRST_ANSWER, "  answer: no-such-page.md"),
                               [r"data/questions\.yaml: id '[a-z0-9-]+', key 'answer': 'no-such-page\.md' names a page that is not in the nav"]),
    "answer-cites-nothing": (sub(QUESTIONS, FIRST_ANSWER, "  answer: handouts.md"),
                             [r"data/questions\.yaml: id '[a-z0-9-]+', answer 'handouts\.md': the section cites no source"]),
    # ---- build settings ----
    "logo-missing": ({"CLINIC_LOGO": "no-such-logo.png"}, [r"settings: CLINIC_LOGO \(or extra\.clinic\.logo\) file not found: no-such-logo\.png"]),
    "logo-not-an-image": ((write("logo.png", "<svg onload=alert(1)>"), {"CLINIC_LOGO": "logo.png"}),
                          [r"settings: CLINIC_LOGO must be a PNG or JPEG image, and logo\.png is not one"]),
    "page-size": ({"HANDOUT_PAGE_SIZE": "A5"}, [r"settings: HANDOUT_PAGE_SIZE must be A4 or Letter, got 'A5'"]),
    "workers": ({"HANDOUT_WORKERS": "two"}, [r"settings: HANDOUT_WORKERS must be a whole number of 1 or more, got 'two'"]),
    "handouts-only-unknown": ({"HANDOUTS": "1", "HANDOUTS_ONLY": "after-treatment, aftercare"},
                              [r"settings: HANDOUTS_ONLY names 'aftercare', which no page's `handout:` is; the handouts are after-treatment, before-treatment"]),
    "handouts-flag": ({"HANDOUTS": "maybe"}, [r"settings: HANDOUTS must be 1 or 0 \(or yes/no, true/false\), got 'maybe'"]),
    "blank-clinic-name": ({"CLINIC_NAME": "   ", "CLINIC_PHONE": "020 7946 0001"}, [r"settings: CLINIC_NAME \(or extra\.clinic\.name\) is blank"]),
    "blank-clinic-phone": ({"CLINIC_NAME": "Riverside", "CLINIC_PHONE": ""}, [r"settings: CLINIC_PHONE \(or extra\.clinic\.phone\) is blank"]),
    "clinic-name-too-long": ({"CLINIC_NAME": "R" * 61, "CLINIC_PHONE": "020 7946 0001"}, [r"settings: CLINIC_NAME is 61 characters; at most 60 fit"]),
    "placeholder-phone": ({"CLINIC_NAME": "Riverside"}, [r"settings: CLINIC_NAME is 'Riverside' but the phone is still the placeholder"]),
    "unprintable-clinic-name": ({"CLINIC_NAME": "Riverside 💉", "CLINIC_PHONE": "020 7946 0001", "HANDOUTS": "1"},
                                [r"settings: CLINIC_NAME: the handouts cannot print '💉'"]),
    "source-date-epoch": ({"SOURCE_DATE_EPOCH": "yesterday"}, [r"settings: SOURCE_DATE_EPOCH must be whole seconds since 1970, got 'yesterday'"]),
}

# Caught before any page renders: data, front matter and page templates.
PRE_RENDER = {
    "question-mark-unquoted",
    "question-asked-twice",
    "question-not-translated",
    "country-word-missing",
    "country-word-is-a-fact",
    "web-country-unknown",
    "bad-handout-slug",
    "bad-id-pattern",
    "colon-in-description",
    "copy-not-publisher",
    "duplicate-attribute-id",
    "duplicate-contraindication-id",
    "duplicate-front-matter-key",
    "duplicate-key-in-advice",
    "duplicate-key-in-reference",
    "duplicate-key-in-values",
    "duplicate-reference-id",
    "duplicate-search-word",
    "duplicate-top-level-key",
    "empty-data-file",
    "empty-text",
    "http-url",
    "impossible-date",
    "list-for-fact",
    "missing-attribute-value",
    "missing-data-file",
    "missing-key",
    "missing-next-review",
    "missing-search-words",
    "next-review-before-last",
    "next-review-too-late",
    "no-front-matter",
    "no-sources",
    "no-sources-for-evidence",
    "not-a-date",
    "not-utf8",
    "number-for-text",
    "review-in-future",
    "search-word-empty",
    "tab-indent",
    "template-error-in-data",
    "template-syntax",
    "tier-c",
    "unclosed-block",
    "undefined-variable",
    "unknown-attribute",
    "unknown-fact",
    "unknown-fact-in-data",
    "unknown-key",
    "unknown-macro",
    "unknown-page-source",
    "unknown-source-in-advice",
    "unknown-source-in-fact",
    "unknown-source-in-treatment",
    "unknown-treatment-in-contraindication",
    "unquoted-fact-at-start",
    "wrong-evidence",
    "wrong-severity",
    "wrong-type-list",
    "yaml-syntax",
}
# A few of those through a real build too: the build stops on them the same way.
BUILD_SAMPLES = {"yaml-syntax", "unknown-key", "not-a-date", "unknown-fact", "undefined-variable"}
