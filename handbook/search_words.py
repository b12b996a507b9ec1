"""The words patients type, in the search index beside the words the pages use.

``data/search-words.yaml`` maps a patient's word ("makeup", "downtime") to words the
handbook uses ("make-up", "recovery"). Every search-index section that uses one of
those words gets the patient's word in an extra ``keywords`` field, which search
reads but never shows. A word in the file that no page uses is a build warning.
"""

import html
import re

FIELD = "keywords"
BOOST = 1.0  # the same weight as the page text: a synonym is as good as the word itself
QUESTIONS = "questions"  # the questions a section answers (data/questions.yaml), also read and never shown
QUESTIONS_BOOST = 1000.0  # as a heading: a whole question leads to the section that answers it
FULL_TEXT = "full_text"  # a long section's whole text, searched but not shown: a result shows its first lines
SHOWN = 200  # characters of a section a result shows at most, about four lines on a phone
LEAD_IN = re.compile(r"<p>([^<]*[^<\s.!?:])</p>\s*<(ul|ol)>")  # a paragraph that introduces a list
BARE_ITEM = re.compile(r"([^<>\s.!?:;,])\s*</li>")  # a list item that ends without punctuation


def pattern(word: str) -> re.Pattern:
    """A regular expression for one word (or phrase) from the right-hand side of the file."""
    prefix = word.endswith("*")
    parts = [re.escape(part) for part in re.split(r"[\s\-]+", word.rstrip("*").strip()) if part]
    end = r"\w*" if prefix else r"(?:e?s)?\b"
    return re.compile(r"\b" + r"[\s\-]+".join(parts) + end, re.IGNORECASE)


def compile_words(data: dict[str, list[str]]) -> dict[str, list[tuple[str, str, re.Pattern]]]:
    """{patient word: [(page word, its first letters, pattern)]}; the letters are a quick pre-test."""
    return {typed.strip().lower(): [(w, re.split(r"[\s\-*]", w.strip().lower())[0], pattern(w)) for w in used]
            for typed, used in data.items()}


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


def add_to_index(entries: list[dict], words: dict) -> list[str]:
    """Add patient words to each index entry; return the page words no page uses."""
    used: set[str] = set()
    for entry in entries:
        found, matched = keywords(plain_text(entry["title"] + " " + entry["text"]), words)
        if found:
            entry[FIELD] = html.escape(" ".join(found))  # data is untrusted text, even where unseen
            used |= matched
    return sorted({word for entries_ in words.values() for word, _, _ in entries_} - used)


def add_questions(entries: list[dict], questions, urls: dict[str, str]) -> list[str]:
    """Each question and its variants in the index entry of the section that answers it.

    ``urls`` maps a page file to its address (after-treatment.md -> after-treatment.html);
    returns the answers that have no index entry."""
    by_location = {entry["location"]: entry for entry in entries}
    missing = []
    for q in questions:
        page, _, section = q.answer.partition("#")
        entry = by_location.get(urls.get(page, page) + (f"#{section}" if section else ""))
        if entry is None:
            missing.append(q.answer)
            continue
        asked = html.escape(" ".join([q.question, *q.variants]))  # data is untrusted text, even where unseen
        entry[QUESTIONS] = f"{entry[QUESTIONS]} {asked}" if QUESTIONS in entry else asked
    return missing


def readable(text: str) -> str:
    """A section's text as one plain paragraph, its lists kept readable."""
    text = LEAD_IN.sub(r"<p>\1:</p> <\2>", text)  # "Key points" before its list reads "Key points: ..."
    text = BARE_ITEM.sub(r"\1;</li>", text)  # list items without a full stop do not run together
    return " ".join(plain_text(text).split()).removesuffix(";")


def summary(text: str, limit: int = SHOWN) -> str:
    """The start of a section's text (``readable``): the whole sentences that fit in ``limit``, never half
    of one; a first sentence longer than that is cut at a word, with an ellipsis."""
    return cut(readable(text), limit)


def cut(plain: str, limit: int) -> str:
    if len(plain) <= limit:
        return plain
    head = plain[:limit + 1]
    ends = [m.end() for m in re.finditer(r"[.!?](?= )", head)]
    return head[:ends[-1]] if ends else head[:head.rfind(" ")].rstrip(",;:") + "…"


def shorten_shown_text(entries: list[dict]) -> None:
    """A result shows a section's first lines, not the whole section: drawing whole sections made every
    keystroke slow on a phone and put two results on its screen. The whole text stays searchable."""
    for entry in entries:
        plain = readable(entry["text"])
        shown = cut(plain, SHOWN)
        if shown != plain:
            entry[FULL_TEXT] = entry["text"]
        entry["text"] = f"<p>{html.escape(shown, quote=False)}</p>" if shown else ""  # in a paragraph, as Material's
