"""A page's questions, and the questions in the search index: plain functions, input and output."""

import pytest
from bs4 import BeautifulSoup

from handbook import search_words
from handbook.data import load_handbook
from handbook.page_macros import as_asked, questions_section
from handbook.questions import Question
from support import ROOT

HB = load_handbook(ROOT / "data")


def ask(ident: str, question: str, answer: str, variants=()) -> Question:
    return Question.model_validate({"id": ident, "question": question, "variants": list(variants), "from": "NHS",
                                    "answer": answer})


@pytest.mark.parametrize("typed, shown", [
    ("does microneedling hurt", "Does microneedling hurt?"),
    ("Is it safe?", "Is it safe?"),
    ("¿duele el microneedling?", "¿Duele el microneedling?"),
])
def test_a_question_is_shown_as_a_question(typed, shown):
    assert as_asked(typed) == shown


def test_a_page_lists_its_questions_each_linking_to_its_section():
    hb = HB.model_copy(update={"questions": [
        ask("a", "does it hurt", "on-the-day.md#does-it-hurt"), ask("b", "can i <b>drive</b>", "on-the-day.md"),
        ask("c", "how long is recovery", "after-treatment.md#recovery")]})
    html = BeautifulSoup(questions_section(hb, "on-the-day.md"), "html.parser")
    block = html.select_one("details.hb-questions[data-medium=web][data-search-exclude]")
    assert block.summary.get_text() == "Questions this page answers (2)"
    assert [(a["href"], a.get_text()) for a in block.select("li a")] == [
        ("#does-it-hurt", "Does it hurt?"), ("#", "Can i <b>drive</b>?")]  # data text stays text
    assert questions_section(hb, "glossary.md") == ""


def test_each_question_goes_to_the_index_entry_of_its_section():
    entries = [{"location": "on-the-day.html", "title": "On the day", "text": ""},
               {"location": "on-the-day.html#does-it-hurt", "title": "Does it hurt?", "text": ""}]
    missing = search_words.add_questions(
        entries, [ask("a", "is it painful", "on-the-day.md#does-it-hurt", ["does it sting"]),
                  ask("b", "what <happens>", "on-the-day.md"), ask("c", "x", "on-the-day.md#gone")],
        {"on-the-day.md": "on-the-day.html"})
    assert [e.get(search_words.QUESTIONS) for e in entries] == ["what &lt;happens&gt;", "is it painful does it sting"]
    assert missing == ["on-the-day.md#gone"]
