"""Content is data, never code: every way a page, a data value or a file could run code, read a file
or stall the build is refused before anything renders, with one line naming the file and the line."""

import os
import re

import markdown
import pytest
from bs4 import BeautifulSoup

from handbook import sandbox
from handbook.data import markdown_literal
from handbook.errors import HandbookError
from handbook.frontmatter import check_meta, read_meta
from handbook.sanitize import clean
from handbook.yaml12 import loads

MACROS = ["comparison_table", "contraindication", "contraindication_links", "contraindications", "handout_table",
          "publisher_details", "reference_list"]
FACTS = ["numbing_minutes", "redness_days"]
NOT_ALLOWED = r"docs/x\.md, line {line}: {what} is not allowed in pages or data; use \{{\{{ facts\.NAME \}}\}} or a macro"

# Page body -> (line of the mistake, what the message names)
PAGE_ATTACKS = {
    "{{ lipsum.__globals__.os.system('touch pwned') }}": (3, "'lipsum'"),
    "Text\n\n{{ cycler.__init__.__globals__.os.popen('echo X').read() }}": (5, "'cycler'"),
    "{{ self.__init__.__globals__.__builtins__.open('/etc/hostname').read() }}": (3, "'self'"),
    "{{ facts.__getattr__.__globals__.Path('/etc/hostname').read_text() }}": (3, r"'\.__getattr__'"),
    "{{ lipsum.__globals__.os.environ.HOME }}": (3, "'lipsum'"),
    "{{ config }}": (3, "'config'"),
    "{{ macros_info() }}": (3, "'macros_info'"),
    "{{ context() }}": (3, "'context'"),
    "{{ environment }}": (3, "'environment'"),
    "{{ git.author_email }}": (3, "'git'"),
    "{{ page.meta }}": (3, "'page'"),
    "{% for i in range(10**9) %}x{% endfor %}": (3, r"\{% for %\}"),
    "{% include '/etc/passwd' %}": (3, r"\{% include %\}"),
    "{% import 'x.html' as x %}": (3, r"\{% import %\}"),
    "{% set x = 1 %}": (3, r"\{% assign %\}"),
    "{% if true %}x{% endif %}": (3, r"\{% if %\}"),
    "{{ facts.numbing_minutes | upper }}": (3, r"the filter \|upper"),
    "{{ contraindications(treatment=config) }}": (3, r"'config' as a macro argument"),
    "{{ contraindications(treatment=facts.redness_days) }}": (3, r"'\.redness_days' as a macro argument"),
    "{{ contraindications(*['botox']) }}": (3, r"'\*' or '\*\*' in a macro call"),
    "{{ 'x' }}": (3, "the value 'x' on its own"),
    "{{ facts.redness_days() }}": (3, r"'\(\.\.\.\)', a call"),
    "{{ facts.redness_days.__class__ }}": (3, r"'\.__class__'"),
    "{{ reference_list.__globals__ }}": (3, r"'\.__globals__'"),
}


@pytest.mark.parametrize("body", sorted(PAGE_ATTACKS))
def test_a_page_template_outside_the_allow_list_is_refused_before_it_renders(body, tmp_path):
    line, what = PAGE_ATTACKS[body]
    os.chdir(tmp_path)  # were anything run, its files would land here
    with pytest.raises(HandbookError, match="^" + NOT_ALLOWED.format(line=line, what=what)):
        sandbox.check_page(body, "docs/x.md", 3, MACROS, FACTS)
    assert list(tmp_path.iterdir()) == []


PAGE_MISTAKES = {
    '--8<-- ".git/config"': r"docs/x\.md, line 3: '--8<--' \(including a file\) is not allowed in pages",
    'Text\n;--8<-- "/etc/passwd"': r"docs/x\.md, line 4: '--8<--'",
    "<div>" * 5_000: rf"docs/x\.md, line 3: HTML nested more than {sandbox.MAX_HTML_DEPTH} levels deep",
    "{{ handout_table() }}" * 100_000: r"docs/x\.md: the page has 2,100,000 characters, more than 200,000",
    "{{ reference_list() }}\n" * (sandbox.MAX_MACRO_CALLS + 1):
        rf"docs/x\.md, line {sandbox.MAX_MACRO_CALLS + 3}: more than {sandbox.MAX_MACRO_CALLS} macro calls on one page",
    "Numbing takes \u202e06 ot 03 minutes.": r"docs/x\.md, line 3: invisible character U\+202E",
    "A\u200bB": r"docs/x\.md, line 3: invisible character U\+200B",
    "Text\n\nA\0B": r"docs/x\.md, line 5: a NUL character",
    "{{ facts.numbing_minuts }}": r"docs/x\.md, line 3: unknown fact 'numbing_minuts'; allowed values: numbing_minutes",
    "{{ facts.numbing_minutes ": r"docs/x\.md, line 3: template syntax error: unexpected end of template",
    '{# x #}--8<-- "abbreviations.md"': r"docs/x\.md, line 3: '--8<--' \(including a file\) is not allowed",
    "<div></i>" * 5_000: rf"docs/x\.md, line 3: HTML nested more than {sandbox.MAX_HTML_DEPTH} levels deep",
    "[a" * 2_000: rf"docs/x\.md: more than {sandbox.MAX_BRACKETS:,} '\[' on one page",
    '<div class="hb-contraindication" id="pregnancy"><div class="hb-advice" data-treatment="botox"></div></div>':
        r"docs/x\.md, line 3: the handbook's own markup \(hb- classes, data-treatment\) is written by its macros only",
    "{{ " + "(" * 3000 + "x" + ")" * 3000 + " }}": r"docs/x\.md, line 3: brackets nested too deeply",
}


@pytest.mark.parametrize("body", sorted(PAGE_MISTAKES, key=lambda b: b[:40]))
def test_a_page_that_could_stall_the_build_or_mislead_is_refused(body):
    with pytest.raises(HandbookError, match="^" + PAGE_MISTAKES[body]):
        sandbox.check_page(body, "docs/x.md", 3, MACROS, FACTS)


def test_what_pages_need_passes():
    sandbox.check_page('Numbing: {{ facts.numbing_minutes }}.\n\n{{ contraindications(treatment="botox", '
                       'severity="absolute", fold_on_phones=True) }}\n\n{% raw %}{{ x }}{% endraw %} {# note #}',
                       "docs/x.md", 3, MACROS, FACTS)


def test_data_text_cannot_publish_template_code_even_inside_raw():
    with pytest.raises(HandbookError, match=r"^data/references\.yaml, line 4, key 'citation': '\{\{', '\{%' and '\{#' "
                                            r"are not allowed in data text, even inside \{% raw %\}"):
        sandbox.render_data_text("{% raw %}{{ lipsum.__globals__.os.popen('id').read() }}{% endraw %} AAD.", {},
                                 "data/references.yaml", 4, "citation")


@pytest.mark.parametrize("text", ["{{ lipsum.__globals__.os.system('id') }}", "{% for i in range(10**9) %}x{% endfor %}",
                                  "{% include '/etc/passwd' %}", "{{ handout_table() }}", "{{ facts.x.__class__ }}"])
def test_data_text_may_show_only_facts(text):
    with pytest.raises(HandbookError, match=r"^data/treatments\.yaml, line 7, key 'reason': .* is not allowed in "
                                            r"pages or data; data text may use only \{\{ facts\.NAME \}\}"):
        sandbox.render_data_text(text, {"x": "1"}, "data/treatments.yaml", 7, "reason")


def test_data_text_shows_facts():
    assert sandbox.render_data_text("About {{ facts.x }} days.", {"x": "3"}, "data/t.yaml", 1, "k") == "About 3 days."


YAML_MISTAKES = {
    "a: !ENV X": r"t, line 1: YAML tag !ENV is not allowed",
    "a: !!python/object/apply:os.system [touch pwned]": r"t, line 1: YAML tag !!python/object/apply:os\.system",
    "a: &x [1, 2]\nb: *x": r"t, line 1: YAML aliases \(\*name\) are not allowed",
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b]":
        r"t, line 1: YAML aliases",
    "a: " + "[" * 50_000: r"t, line 1: nested more than 20 levels deep",
    "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 30)): r"t, line \d+: nested more than 20 levels deep",
    "a: '\u202e06 ot 03'": r"t, line 1: invisible character U\+202E",
    "id: cold\u200bsore": r"t, line 1: invisible character U\+200B",
    "a: 1\nb: x\0": r"t, line 2: a NUL character",
    "zzz:\n  " + "- " * 30_000 + "x\n": r"t, line 2: nested more than 20 levels deep",
}


@pytest.mark.parametrize("text", sorted(YAML_MISTAKES, key=lambda t: t[:30]))
def test_yaml_that_could_run_code_or_explode_is_refused(text, tmp_path):
    os.chdir(tmp_path)
    with pytest.raises(HandbookError, match="^" + YAML_MISTAKES[text]):
        loads(text, "t")
    assert list(tmp_path.iterdir()) == []


def test_a_byte_order_mark_is_named(tmp_path):
    (tmp_path / "x.md").write_text("\ufeff---\ntitle: X\n---\n", encoding="utf-8")
    with pytest.raises(HandbookError, match=r"^docs/x\.md, line 1: the file starts with a byte-order mark"):
        read_meta(tmp_path / "x.md", "docs/x.md")


META = {"description": "D.", "last_reviewed": "2026-11-01", "next_review": "2027-11-01", "sources": []}
FRONT_MATTER_MISTAKES = {
    "handuot": ("x", r"key 'handuot': unknown key"),
    "audiance": ("clinics", r"key 'audiance': unknown key"),
    "facts": ({"numbing_minutes": "5 to 10"}, r"key 'facts': unknown key"),
    "render_macros": (False, r"key 'render_macros': unknown key"),
    "title": (["<script>alert(1)</script>"], r"key 'title': should be text"),
    "subtitle": ({"a": "<script>"}, r"key 'subtitle': unknown key"),
    "template": ("../../../etc/passwd", r"key 'template': "),
    "search": ({"boost": "high"}, r"key 'search', key 'boost': "),
    "journey": ([{"page": "index.md", "icon": "../../../../etc/passwd", "text": "x"}], r"key 'journey', entry 1, key 'icon'"),
    "worried": ({"title": "t", "text": "t", "link": "javascript:alert(1)", "link_text": "t"}, r"key 'worried', key 'link'"),
}


@pytest.mark.parametrize("key", sorted(FRONT_MATTER_MISTAKES))
def test_front_matter_takes_only_known_keys_of_the_right_type(key):
    value, message = FRONT_MATTER_MISTAKES[key]
    with pytest.raises(HandbookError, match=r"^docs/x\.md front matter.*" + message):
        check_meta({**META, key: value}, "docs/x.md")


def test_front_matter_is_never_a_template(tmp_path):
    (tmp_path / "x.md").write_text("---\ntitle: Hi\ndescription: \"{{ lipsum.__globals__ }}\"\n---\n", encoding="utf-8")
    with pytest.raises(HandbookError, match=r"^docs/x\.md front matter, line 3, key 'description': '\{\{', '\{%' "
                                            r"and '\{#' are not allowed in front matter"):
        read_meta(tmp_path / "x.md", "docs/x.md")


def test_a_fact_value_is_shown_as_written_never_as_markup():
    value = "[NHS](https://evil.example) 2*3*4 <b>x</b> & 'q' _a_ `c`"
    html = markdown.markdown(f"Value: {markdown_literal(value)}")
    assert html.startswith("<p>") and not re.search(r"<(a|em|strong|b|code)\b", html), html
    assert BeautifulSoup(html, "html.parser").get_text() == f"Value: {value}"


@pytest.mark.parametrize("markup", ['<form action="https://evil.example"><input name="card"></form>',
                                    "<div hidden><p>Do not have it</p></div>", '<button type="submit">Pay</button>'])
def test_forms_and_hidden_text_do_not_reach_readers(markup):
    cleaned = clean(markup)
    assert not re.search(r"<(form|input|button)|hidden", cleaned), cleaned


def make(root, *parts):
    path = root.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.mark.parametrize("where", ["docs/leak.txt", "docs/assets/logo.png", "docs/page.md", "includes/abbreviations.md",
                                   "data/facts.yaml", "docs-es/assets"])
def test_a_symbolic_link_in_a_content_folder_stops_the_build(tmp_path, where):
    make(tmp_path, "docs", "index.md").write_text("x")
    os.symlink("/etc", make(tmp_path, *where.split("/")))
    with pytest.raises(HandbookError, match=f"^{re.escape(where)}: is a symbolic link"):
        sandbox.check_project_files(tmp_path)


@pytest.mark.parametrize("name", ["x'\"><img src=x onerror=alert(1)>.md", "Cold Sores.md", "cold_sores.md"])
def test_page_file_names_follow_the_id_rule(tmp_path, name):
    make(tmp_path, "docs", name).write_text("x")
    with pytest.raises(HandbookError, match=r"^docs/.*: (file names may use only|page file names are lower-case)"):
        sandbox.check_project_files(tmp_path)


def project_data(tmp_path, edit_file: str, old: str, new: str):
    """A copy of data/ with one edit; returns its folder."""
    import shutil

    from support import ROOT

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / edit_file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def test_a_fact_cannot_use_another_fact(tmp_path):
    from handbook.data import load_handbook

    data = project_data(tmp_path, "facts.yaml", "value: 30 to 60", "value: '{{ facts.redness_days }}'")
    with pytest.raises(HandbookError, match=r"^data/facts\.yaml, line \d+, fact 'numbing_minutes', key 'value': a fact "
                                            r"is plain text and cannot use another fact"):
        load_handbook(data)


def test_a_translated_fact_keeps_the_english_numbers(tmp_path):
    from handbook.data import load_handbook

    data = project_data(tmp_path, "facts.yaml", "value: 30 to 60", "value: 5 to 10")
    with pytest.raises(HandbookError, match=r"^data/es/facts\.yaml: numbing_minutes: the value '30 a 60' does not have "
                                            r"the numbers of the English '5 to 10'"):
        load_handbook(data, "es")


@pytest.mark.parametrize(("section", "english", "translated", "message"), [
    ("macros", "Tel", 'Tel. <a href="https://evil.example/phish">LLAME</a>', "and no markup"),
    ("macros", "Page not found", "No encontramos la página" + "X" * 100_000, "far longer than the English"),
    ("macros", "Get help", "Pedir ayuda<script>alert(1)</script>", "and no markup"),
    ("macros", "Do not have {lname}", "No {name.__class__.__mro__}", r"may use only the English text's \{placeholders\}"),
    ("macros", "Handout", "<b>Folleto</b>", "and no markup"),
])
def test_translated_words_are_words(tmp_path, section, english, translated, message):
    from handbook import translations

    (tmp_path / "strings.yaml").write_text(f"{section}:\n  {english!r}: {translated!r}\n", encoding="utf-8")
    read = translations.strings
    with pytest.raises(HandbookError, match=rf"^data/es/strings\.yaml, line 2, key '{section}': .*{message}"):
        read(tmp_path, "data/es")


def test_check_data_finds_a_page_attack_in_any_language_without_building(tmp_path, monkeypatch, capsys):
    import shutil

    from handbook import cli, page_macros
    from support import ROOT

    for part in ("docs", "docs-es", "data", "includes", "includes-es"):
        shutil.copytree(ROOT / part, tmp_path / part)
    page = tmp_path / "docs-es" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ lipsum.__globals__ }}\n", encoding="utf-8")
    monkeypatch.setattr(cli, "ROOT", tmp_path)
    assert cli.main(["check-data"]) == 1
    lines = page.read_text(encoding="utf-8").count("\n")
    assert capsys.readouterr().err == (f"ERROR   -  docs-es/glossary.md, line {lines}: 'lipsum' is not allowed in pages or "
                                       "data; use {{ facts.NAME }} or a macro with plain values: "
                                       f"{', '.join(sorted(page_macros.macro_names()))}; see CONTRIBUTING.md, "
                                       "'Macros you can use'\n")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("docs/offer.html", "<script>alert(1)</script>", r"docs/ may hold only \.md files"),
    ("docs/CNAME", "evil.example", r"docs/ may hold only \.md files"),
    ("docs/tracker.js", "x", r"docs/ may hold only \.md files"),
    ("docs/handouts/consent-form.pdf", "%PDF", r"docs/ may hold only \.md files"),
    ("docs/assets/badge.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     r"the image has a script, an event handler or an outside link"),
    ("docs/assets/badge.svg", '<svg onload="alert(1)"/>', r"the image has a script"),
])
def test_content_folders_hold_only_files_readers_can_safely_get(tmp_path, name, content, message):
    make(tmp_path, *name.split("/")).write_text(content)
    with pytest.raises(HandbookError, match=f"^{re.escape(name)}: " + message):
        sandbox.check_project_files(tmp_path)


@pytest.mark.parametrize("src", ["/\\evil.example/t.png", "\\\\evil.example/t.png", " //evil.example/t.png",
                                 "https://evil.example/t.png"])
def test_an_image_from_another_host_is_removed_however_its_address_is_written(src):
    assert "evil" not in clean(f'<img src="{src}" alt="a">')


@pytest.mark.parametrize("line", ["*[numbing]: \u202e06 ot 03 setunim", "<div>extra</div>", "Some text"])
def test_the_tooltips_file_holds_only_tooltips(line):
    with pytest.raises(HandbookError, match=r"^includes/abbreviations\.md, line 2: "):
        sandbox.check_abbreviations(f"*[NHS]: National Health Service\n{line}\n", "includes/abbreviations.md")
