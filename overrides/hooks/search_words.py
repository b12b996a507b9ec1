"""Build hook: the words patients type, in the search index beside the words the pages use.

``data/search-words.yaml`` maps a patient's word ("makeup", "downtime") to words the
handbook uses ("make-up", "recovery"). Every search-index section that uses one of
those words gets the patient's word in an extra ``keywords`` field, which search
reads but never shows. The pages themselves are not changed. A word in the file
that no page uses is a build warning, so `--strict` keeps the list honest.
"""

import html
import logging
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search_words")

FILE = "data/search-words.yaml"
FIELD = "keywords"
BOOST = 1.0  # the same weight as the page text: a synonym is as good as the word itself

_state: dict = {}


def pattern(word: str) -> re.Pattern:
    """A regular expression for one word (or phrase) from the right-hand side of the file."""
    prefix = word.endswith("*")
    parts = [re.escape(part) for part in re.split(r"[\s\-]+", word.rstrip("*").strip()) if part]
    end = r"\w*" if prefix else r"(?:e?s)?\b"
    return re.compile(r"\b" + r"[\s\-]+".join(parts) + end, re.IGNORECASE)


def load(path: Path) -> dict[str, list[re.Pattern]]:
    """The file as {patient word: [patterns]}, or a PluginError that names the problem."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"{FILE}: cannot read it: {error}") from error
    if not isinstance(data, dict) or not data:
        raise PluginError(f"{FILE}: expected lines like 'makeup: [make-up]'")
    words = {}
    for typed, used in data.items():
        if not isinstance(typed, str) or not typed.strip():
            raise PluginError(f"{FILE}: '{typed}' is not a word")
        if not isinstance(used, list) or not used or not all(isinstance(w, str) and w.strip("* ") for w in used):
            raise PluginError(f"{FILE}: '{typed}' needs a list of words the pages use, like [make-up]")
        # Each word keeps its first letters too: a quick test that skips most regular expressions.
        words[typed.strip().lower()] = [(w, re.split(r"[\s\-*]", w.strip().lower())[0], pattern(w)) for w in used]
    return words


def keywords(text: str, words: dict) -> tuple[list[str], set[str]]:
    """Patient words for one section's text, and the page words that matched."""
    found, matched, lowered = [], set(), text.lower()
    for typed, used in words.items():
        hits = [word for word, start, regex in used if start in lowered and regex.search(text)]
        if hits:
            found.append(typed)
            matched.update(hits)
    return found, matched


def plain_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def on_config(config):
    search = config.plugins.get("material/search")
    if search is None:
        return config
    _state["words"] = load(Path(config.config_file_path).parent / FILE)
    search.config.fields.setdefault(FIELD, {"boost": BOOST})
    return config


@event_priority(50)  # before the search plugin writes the index
def on_post_build(config):
    search = config.plugins.get("material/search")
    if search is None or "words" not in _state:
        return
    words, used = _state["words"], set()
    for entry in search.search_index.entries:
        found, matched = keywords(plain_text(entry["title"] + " " + entry["text"]), words)
        if found:
            entry[FIELD] = " ".join(found)
            used |= matched
    unused = sorted({word for entries in words.values() for word, _, _ in entries} - used)
    if unused:
        log.warning(f"{FILE}: no page uses {', '.join(repr(w) for w in unused)}; "
                    "change the word to one the pages use, or remove it")
