"""The questions patients ask (data/questions.yaml), each mapped to the one section that answers it.

A translation (data/<lang>/questions.yaml) gives the question and its variants as
patients ask them in that language, by the same ids, with ``en_hash`` of the English
it translates (handbook/translations.py); the answer always comes from the English file.

Checks before rendering: the file's shape, unique ids, unique question texts
(``load_questions``) and answers on pages of the nav (``check_pages``). On a built
site: the answering section exists and cites a source (``check_answers``).
"""

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, TypeAdapter

from handbook.errors import HandbookError
from handbook.html_offsets import VOID, OffsetParser
from handbook.messages import validate
from handbook.models import Id, Model, Text
from handbook.yaml12 import Lines, load

QUESTIONS = "questions.yaml"
ANSWER = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.md(#[a-z0-9]+([-_][a-z0-9]+)*)?$")
Answer = Annotated[str, StringConstraints(pattern=ANSWER.pattern)]
Kind = Literal["NHS", "AAD", "BAD", "DermNet", "FDA", "MHRA", "UKHSA", "Mayo Clinic", "MedlinePlus",
               "Cleveland Clinic", "AEMPS", "Ministerio de Sanidad", "AEDV"]


class Question(Model):
    """A question as patients ask it, and the one section of the handbook that answers it."""

    id: Id
    """Short name, lower case with hyphens; the translations use the same id. Keep it once published."""
    question: Text
    """As people type it into a search box or ask a clinician: "does microneedling hurt"."""
    variants: list[Text] = Field(default=[], max_length=3)
    """Other ways people ask the same thing (not misspellings), at most 3."""
    from_: Kind = Field(alias="from")
    """The kind of public patient source whose pages answer or list this question (NHS, AAD, AEMPS, ...)."""
    answer: Answer
    """The page and section that answer it: after-treatment.md#aftercare, or a page's top: cost-and-faq.md."""


class QuestionTranslation(Model):
    """A question in another language: data/<lang>/questions.yaml, by the English id."""

    en_hash: Text
    """The hash of the English question and variants (python -m handbook translations prints it)."""
    question: Text
    variants: list[Text] = Field(max_length=3)
    from_: Kind = Field(alias="from")


KEYS = {Question: ("id", "question", "variants", "from", "answer"),
        QuestionTranslation: ("en_hash", "question", "variants", "from")}


def _keys(entry: object, model, source: str, lines: Lines, at: tuple, where: str) -> None:
    """An unknown key, named as the editor wrote it (``from``, not the model's ``from_``)."""
    for key in entry if isinstance(entry, dict) else ():
        if key not in KEYS[model]:
            raise HandbookError(f"{source}, line {lines.get(at + (key,), '?')}: {where}, key '{key}': unknown key; "
                                f"allowed keys: {', '.join(KEYS[model])}")


def _where(i: int, entry: object) -> str:
    ident = entry.get("id") if isinstance(entry, dict) else None
    return f"entry {i + 1}" + (f" (id '{ident}')" if ident is not None else "")


def json_schema() -> dict:
    """The JSON Schema of data/questions.yaml, for editors' tools (data/schema/questions.schema.json)."""
    schema = TypeAdapter(list[Question]).json_schema(by_alias=True)
    schema["title"] = f"data/{QUESTIONS}"
    return schema


def parse_questions(raw: object, source: str, lines: Lines) -> list[Question]:
    """English questions from raw YAML: shape, answer form, unique ids and unique question texts."""
    if not isinstance(raw, list):
        raise HandbookError(f"{source}: should be a list of questions, each starting with '- id:'")
    for i, entry in enumerate(raw):
        _keys(entry, Question, source, lines, (i,), _where(i, entry))
        answer = entry.get("answer") if isinstance(entry, dict) else None
        if isinstance(answer, str) and not ANSWER.match(answer):
            raise HandbookError(f"{source}, line {lines.get((i, 'answer'), '?')}: {_where(i, entry)}, key 'answer': "
                                f"'{answer}' is not allowed: write a page and a section id, such as "
                                "after-treatment.md#aftercare, or a page alone, such as cost-and-faq.md")
    questions = validate(list[Question], raw, source, lines)
    first: dict[str, int] = {}
    for i, q in enumerate(questions):
        if q.id in first:
            j = first[q.id]
            raise HandbookError(f"{source}, line {lines.get((i,), '?')}: duplicate id '{q.id}' (entry {i + 1}; "
                                f"entry {j + 1}, line {lines.get((j,), '?')}, has it too)")
        first[q.id] = i
    _unique_texts([(q.id, [q.question, *q.variants]) for q in questions], source,
                  {q.id: lines.get((i, "question"), "?") for i, q in enumerate(questions)})
    return questions


def _unique_texts(entries: list[tuple[str, list[str]]], source: str, line_of: dict) -> None:
    """No question or variant is asked twice (letters and digits compared, case ignored)."""
    seen: dict[str, str] = {}
    for ident, texts in entries:
        for text in texts:
            norm = " ".join(re.findall(r"\w+", text.casefold()))
            if norm in seen:
                other = seen[norm]
                raise HandbookError(f"{source}, line {line_of[ident]}: id '{ident}', key 'question': '{text}' is "
                                    f"already asked by id '{other}' (line {line_of[other]}); "
                                    "ask each question once")
            seen[norm] = ident


def translate_questions(english: list[Question], raw: object, source: str, lines: Lines) -> list[Question]:
    """The English questions in another language: same ids, order and answers; the translation's words."""
    if not isinstance(raw, dict):
        raise HandbookError(f"{source}: should be a set of 'id:' blocks, one per English question")
    for ident, entry in raw.items():
        _keys(entry, QuestionTranslation, source, lines, (ident,), f"id '{ident}'")
    known = {q.id for q in english}
    extra = [ident for ident in raw if ident not in known]
    if extra:
        raise HandbookError(f"{source}, line {lines.get((extra[0],), '?')}: id '{extra[0]}': no English question "
                            "with this id in data/questions.yaml; remove it or fix its id")
    missing = [q.id for q in english if q.id not in raw]
    if missing:
        raise HandbookError(f"{source}: no translation for id(s) {', '.join(missing)}; run "
                            "`python -m handbook translations`")
    theirs = validate(dict[Id, QuestionTranslation], raw, source, lines)
    _unique_texts([(q.id, [theirs[q.id].question, *theirs[q.id].variants]) for q in english], source,
                  {q.id: lines.get((q.id, "question"), "?") for q in english})
    return [q.model_copy(update={"question": theirs[q.id].question, "variants": theirs[q.id].variants,
                                 "from_": theirs[q.id].from_}) for q in english]


def load_questions(data_dir: Path, lang: str = "en") -> list[Question]:
    """data/questions.yaml, or in ``lang`` with data/<lang>/questions.yaml over it."""
    label = f"{data_dir.name}/{QUESTIONS}"
    raw, lines = load(data_dir / QUESTIONS, label)
    english = parse_questions(raw, label, lines)
    if lang == "en":
        return english
    their_label = f"{data_dir.name}/{lang}/{QUESTIONS}"
    theirs, their_lines = load(data_dir / lang / QUESTIONS, their_label)
    return translate_questions(english, theirs, their_label, their_lines)


def check_pages(questions: Iterable[Question], pages: Iterable[str], source: str = "data/questions.yaml") -> None:
    """Every answer names a page listed in the nav (``pages``: file names such as after-treatment.md)."""
    pages = set(pages)
    for q in questions:
        page = q.answer.split("#", 1)[0]
        if page not in pages:
            raise HandbookError(f"{source}: id '{q.id}', key 'answer': '{q.answer}' names a page that is not in the "
                                f"nav of mkdocs.yml; allowed pages: {', '.join(sorted(pages))}")


def questions_for(hb_or_questions, src_uri: str) -> dict[str, list[Question]]:
    """A page's questions grouped by section id ("" for the page's top), sections and questions in file order."""
    questions = getattr(hb_or_questions, "questions", hb_or_questions)
    out: dict[str, list[Question]] = {}
    for q in questions:
        page, _, section = q.answer.partition("#")
        if page == src_uri:
            out.setdefault(section, []).append(q)
    return out


# ---- On the built site ----

CITATION = re.compile(r"""<a\s[^>]*href=["'][^"'#]*references(\.html|/)?#[^"']+["']|class=["'][^"']*\bhb-sources\b""")
HEADING = re.compile(r"^h([1-6])$")


class _Tracker:
    """Where the element with one id starts and where its section ends, as character offsets.

    A heading's section runs to the next heading of the same or a higher level (the page's
    own Sources list ends it); any other element's section is the element itself."""

    def __init__(self, ident: str):
        self.ident, self.start, self.end = ident, None, None
        self.level: int | None = None
        self.stack: list[str] = []

    def starttag(self, tag: str, ident: str | None, pos: int) -> None:
        if self.end is not None:
            return
        heading = HEADING.match(tag)
        if self.start is None:
            if ident == self.ident:
                self.start = pos
                if heading:
                    self.level = int(heading.group(1))
                elif tag not in VOID:
                    self.stack = [tag]
            return
        if self.level is not None and heading and int(heading.group(1)) <= self.level:
            self.end = pos
        elif self.stack and tag not in VOID:
            self.stack.append(tag)

    def endtag(self, tag: str, pos: int) -> None:
        if self.end is None and self.stack and tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
            if not self.stack:
                self.end = pos + len(f"</{tag}>")


class _Sections(OffsetParser):
    """The sections of several ids of one page, in one pass over its HTML."""

    def __init__(self, idents: Iterable[str]):
        super().__init__()
        self.trackers = [_Tracker(ident) for ident in dict.fromkeys(idents)]

    def feed_all(self, html: str) -> dict[str, tuple[int, int] | None]:
        self.read_all(html)
        return {t.ident: None if t.start is None else (t.start, len(html) if t.end is None else t.end)
                for t in self.trackers}

    def handle_starttag(self, tag, attrs):
        pos, ident = self.pos(), dict(attrs).get("id")
        for tracker in self.trackers:
            tracker.starttag(tag, ident, pos)

    def handle_endtag(self, tag):
        pos = self.pos()
        for tracker in self.trackers:
            tracker.endtag(tag, pos)


def sections_html(content: str, idents: Iterable[str]) -> dict[str, str | None]:
    """The HTML of each id's section in a page body (None: no such id); for "", the whole body without its
    Sources list."""
    idents = list(idents)
    found = _Sections([*idents, "sources"]).feed_all(content)
    whole = content[:found["sources"][0]] if found["sources"] else content
    return {ident: whole if not ident else None if found[ident] is None else content[slice(*found[ident])]
            for ident in idents}


def check_answers(pages, questions: Iterable[Question], source: str = "data/questions.yaml") -> None:
    """On a built site (``handbook.built.BuiltPage`` records): each answer's section exists and cites a source."""
    by_uri = {p.src_uri: p for p in pages}
    answers = [(q, *q.answer.partition("#")[::2]) for q in questions]  # (question, page, section id)
    wanted: dict[str, list[str]] = {}
    for q, page, ident in answers:
        if page not in by_uri:
            raise HandbookError(f"{source}: id '{q.id}', answer '{q.answer}': the site has no page {page}")
        wanted.setdefault(page, []).append(ident)
    found = {page: sections_html(by_uri[page].content, idents) for page, idents in wanted.items()}  # a pass a page
    for q, page, ident in answers:
        html = found[page][ident]
        if html is None:
            raise HandbookError(f"{source}: id '{q.id}', answer '{q.answer}': {by_uri[page].label} has no section "
                                f"with the id '{ident}'; use a heading id of the page, or fix the answer")
        if not CITATION.search(html):
            raise HandbookError(f"{source}: id '{q.id}', answer '{q.answer}': the section cites no source; cite "
                                "one in it, or answer with a section that does")
