"""Translations that cannot drift from the English they translate.

Every translated text records ``en_hash``: a short hash of the English text it
translates. When the English changes, the hash no longer matches, the build warns
and ``python -m handbook translations`` lists what to re-translate, with the new
hash to write once done. A missing translation stops the build.

Data: ``data/<lang>/*.yaml`` mirror the English files, keyed by the same ids
(lists become mappings by id). Pages: ``docs-<lang>/<page>.md`` mirror ``docs/``
and carry ``translation: {en_hash, reviewed_by, reviewed}`` in their front matter.
"""

import copy
import hashlib
import json
import logging
import re
from pathlib import Path

from handbook.errors import HandbookError
from handbook.messages import validate
from handbook.models import PageTranslation, Text
from handbook.yaml12 import load, read_text

LANGUAGES = {"es": "Spanish"}

# Which English texts are translated, per data file: a path of keys ("*": every id,
# or every entry of a list of entries with ids) and the text fields found there.
UNITS: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "treatments.yaml": [(("attributes", "*"), ("label",)),
                        (("treatments", "*"), ("name", "summary")),
                        (("treatments", "*", "values", "*"), ("text",))],
    "contraindications.yaml": [(("*",), ("condition", "condition_without_medicine")),
                               (("*", "treatments", "*"), ("reason", "instead"))],
    "facts.yaml": [(("*",), ("value",))],
    "countries.yaml": [(("countries", "*"), ("name", "urgent", "emergency")),
                       (("countries", "*", "facts", "*"), ("value",))],
    "questions.yaml": [(("*",), ("question", "variants"))],  # handbook/questions.py; answers stay English
}
# Files a language replaces whole (its own words, nothing to keep in step).
OWN_FILES = ["search-words.yaml"]
# Front-matter lines that are not the page's text: a new review date needs no re-translation.
REVIEW_LINES = re.compile(r"^(last_reviewed|next_review|reviewed_by):.*\n", re.M)

SAME_IN_EVERY_LANGUAGE = ("handout", "audience", "template")  # front matter that makes a handout or a page kind
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
log = logging.getLogger("handbook.translations")
if not log.handlers:  # stale translations are reported but must not fail strict builds
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False



def text_hash(value: object) -> str:
    """Ten hex digits of SHA-256 over the English text (JSON, so lists and numbers hash too)."""
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:10]


def page_hash(text: str) -> str:
    """Hash of an English page: its whole file except the review lines."""
    return text_hash(REVIEW_LINES.sub("", text))


def _walk(node: object, parts: tuple, key: tuple = ()):
    """(ids, node) for every node a unit path reaches in the English data."""
    if not parts:
        yield key, node
        return
    head, rest = parts[0], parts[1:]
    if head == "*":
        items = node.items() if isinstance(node, dict) else ((e.get("id"), e) for e in node or [] if isinstance(e, dict))
        for k, child in items:
            yield from _walk(child, rest, key + (k,))
    elif isinstance(node, dict) and head in node:
        yield from _walk(node[head], rest, key + (head,))


def _numbers(value: object) -> list[str]:
    """The numbers a value states, with a decimal comma read as a point: "0,5 a 2,5" -> ["0.5", "2.5"]."""
    return [n.replace(",", ".") for n in NUMBER.findall(str(value))]


def _find(node: object, key: tuple) -> object:
    for part in key:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def translate_data(raw: dict, lang_dir: Path, label: str) -> tuple[dict, list[str], list[str]]:
    """English raw data with every unit's text replaced by its translation.

    Returns (translated raw data, missing, stale): each a list of "file: path" lines.
    """
    out = copy.deepcopy(raw)
    missing, stale = [], []
    for name, specs in UNITS.items():
        if name not in out:  # a caller that checks only some files
            continue
        source = f"{label}/{name}"
        theirs, _ = load(lang_dir / name, source) if (lang_dir / name).exists() else ({}, {})
        theirs = theirs or {}
        seen: set[tuple] = set()
        for parts, fields in specs:
            for key, node in _walk(out[name], parts):
                where = f"{source}: {'.'.join(map(str, key))}"
                present = [f for f in fields if node.get(f) not in (None, "")]  # a field may be optional
                english = [node[f] for f in present]
                entry = _find(theirs, key)
                seen.add(key)
                if not isinstance(entry, dict) or any(entry.get(f) in (None, "") for f in present):
                    missing.append(f"{where} (missing {', '.join(f for f in present if not isinstance(entry, dict) or entry.get(f) in (None, ''))}; "
                                   f"en_hash: {text_hash(english)})")
                    continue
                if entry.get("en_hash") != text_hash(english):
                    stale.append(f"{where}: the English changed; re-translate, then set en_hash: {text_hash(english)}")
                if name == "facts.yaml" and _numbers(entry["value"]) != _numbers(node["value"]):
                    raise HandbookError(f"{where}: the value '{entry['value']}' does not have the numbers of the "
                                        f"English '{node['value']}' (data/facts.yaml); a fact's numbers are the same in "
                                        "every language")
                for f in present:
                    node[f] = entry[f]
        extra = [".".join(map(str, k)) for k in _translated_keys(theirs, specs) if k not in seen]
        if extra:
            raise HandbookError(f"{source}: no English entry for {', '.join(extra)}; remove it or fix its id")
    for name in OWN_FILES:
        if (lang_dir / name).exists():
            out[name], _ = load(lang_dir / name, f"{label}/{name}")
        else:
            missing.append(f"{label}/{name} (the patients' own words in this language)")
    return out, missing, stale


def _translated_keys(theirs: dict, specs) -> set[tuple]:
    """Every id path the translation file has, for the unit paths of its file."""
    keys: set[tuple] = set()
    for parts, _ in specs:
        keys |= {k for k, node in _walk(theirs, parts) if isinstance(node, dict)}
    # A path one level up (e.g. a treatment) also holds deeper units; keep only unit-shaped ones.
    return {k for k in keys if len(k) in {len(p) for p, _ in specs}}


def check_data(raw: dict, lang_dir: Path, label: str) -> dict:
    """Translated raw data; missing translations fail, stale ones warn."""
    out, missing, stale = translate_data(raw, lang_dir, label)
    if missing:
        raise HandbookError(f"{label}: missing translation(s), run `python -m handbook translations`:\n  "
                            + "\n  ".join(missing))
    for line in stale:
        log.warning("Translation out of date: %s", line)
    return out


# ---- Pages ----


def page_status(root: Path, lang: str) -> tuple[list[str], list[str]]:
    """(missing, stale) translated pages of ``docs-<lang>/`` against ``docs/``."""
    from handbook.frontmatter import read_meta

    english, theirs = root / "docs", root / f"docs-{lang}"
    missing, stale = [], []
    names = {p.relative_to(english).as_posix() for p in english.rglob("*.md")}
    extra = sorted(p.relative_to(theirs).as_posix() for p in theirs.rglob("*.md")
                   if p.relative_to(theirs).as_posix() not in names) if theirs.exists() else []
    for name in extra:
        missing.append(f"docs-{lang}/{name}: no English page docs/{name}; remove it or rename it")
    for name in sorted(names):
        current = page_hash(read_text(english / name, f"docs/{name}"))
        path = theirs / name
        if not path.exists():
            missing.append(f"docs-{lang}/{name} (translates docs/{name}; en_hash: {current})")
            continue
        label = f"docs-{lang}/{name}"
        meta = read_meta(path, label)
        if "translation" not in meta:
            missing.append(f"{label} front matter: no 'translation:' (en_hash: {current}, reviewed_by, reviewed)")
            continue
        record = validate(PageTranslation, meta["translation"], f"{label} front matter, key 'translation'")
        for key in SAME_IN_EVERY_LANGUAGE:
            english_value = read_meta(english / name, f"docs/{name}").get(key)
            if meta.get(key) != english_value:
                missing.append(f"{label} front matter, key '{key}': must be {english_value!r}, as in docs/{name}")
        if record.en_hash != current:
            stale.append(f"{label}: docs/{name} changed; re-translate, then set translation.en_hash: {current}")
    return missing, stale


def status(root: Path, lang: str) -> tuple[list[str], list[str]]:
    """Everything missing or out of date in one language: data and pages."""
    from handbook.models import DATA_FILES

    raw = {f: load(root / "data" / f, f"data/{f}")[0] for f in {**DATA_FILES, **UNITS}}
    _, missing, stale = translate_data(raw, root / "data" / lang, f"data/{lang}")
    pmissing, pstale = page_status(root, lang)
    return missing + pmissing, stale + pstale


def main(root: Path, strict: bool = False) -> int:
    """Print what needs translating; 1 if anything is missing (or, with ``strict``, out of date)."""
    bad = 0
    for lang, name in LANGUAGES.items():
        missing, stale = status(root, lang)
        for line in missing:
            print(f"MISSING  {line}")
        for line in stale:
            print(f"STALE    {line}")
        print(f"{name} ({lang}): {len(missing)} missing, {len(stale)} out of date")
        bad += len(missing) + (len(stale) if strict else 0)
    return 1 if bad else 0


def strings(lang_dir: Path, label: str) -> dict[str, str]:
    """The words of the macro and theme templates in one language: ``strings.yaml``, English text -> translation."""
    data, lines = load(lang_dir / "strings.yaml", f"{label}/strings.yaml")
    words = validate(dict[str, str], data.get("macros") or {}, f"{label}/strings.yaml, key 'macros'")  # spaces kept
    for english, translated in words.items():  # placeholders are filled with str.format: only plain names
        if set(PLACEHOLDER.findall(translated)) - set(PLACEHOLDER.findall(english)) - {"{lname}"} or re.search("[<>]", translated):
            raise HandbookError(f"{label}/strings.yaml, line {lines.get(('macros', english), '?')}, key 'macros': "
                                f"the translation of {english!r} may use only the English text's {{placeholders}} (and {{lname}}), and no markup")
        if len(translated) > 4 * len(english) + 40:
            raise HandbookError(f"{label}/strings.yaml, line {lines.get(('macros', english), '?')}, key 'macros': "
                                f"the translation of {english!r} is {len(translated):,} characters, far longer than the English")
    return words


def checklist_strings(lang_dir: Path, label: str) -> dict[str, str]:
    """The private checklist's words (docs/javascripts/checklist.js): ``strings.yaml`` key ``checklist``."""
    data, _ = load(lang_dir / "strings.yaml", f"{label}/strings.yaml")
    return validate(dict[Text, Text], data.get("checklist") or {}, f"{label}/strings.yaml, key 'checklist'")
