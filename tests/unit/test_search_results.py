"""What a search result shows of a section: its first whole sentences, escaped; the rest stays searchable."""

import pytest

from handbook.search_words import FULL_TEXT, shorten_shown_text, summary


def test_a_result_shows_the_whole_sentences_that_fit_never_half_of_one():
    text = "<p>Redness is normal.</p> <ul><li>It lasts 1 to 3 days.</li><li>Call 111 if it spreads.</li></ul>"
    assert summary(text, limit=50) == "Redness is normal. It lasts 1 to 3 days."


def test_a_label_before_a_list_leads_into_it():
    assert summary("<p>Key points</p> <ul><li>Botox is a medicine.</li></ul>") == "Key points: Botox is a medicine."


def test_list_items_without_full_stops_stay_apart():
    text = "<p>We use:</p> <ul><li>regulators, such as the FDA</li><li>national health services</li></ul>"
    assert summary(text) == "We use: regulators, such as the FDA; national health services"


def test_a_first_sentence_longer_than_a_result_is_cut_at_a_word():
    assert summary("<p>Swelling, redness and soreness, then peeling</p>", limit=30) == "Swelling, redness and…"


def test_a_short_section_is_shown_whole_and_searched_once():
    entries = [{"location": "a.html#b", "title": "B", "text": "<p>Wear sunscreen &amp; a hat.</p>"}]
    shorten_shown_text(entries)
    assert entries == [{"location": "a.html#b", "title": "B", "text": "<p>Wear sunscreen &amp; a hat.</p>"}]


def test_a_long_section_keeps_its_whole_text_to_search_and_shows_escaped_text():
    whole = "<p>&lt;img src=x onerror=alert(1)&gt; is text. " + "Keep the skin clean. " * 20 + "</p>"
    entries = [{"location": "a.html#b", "title": "B", "text": whole}]
    shorten_shown_text(entries)
    assert entries[0][FULL_TEXT] == whole
    shown = entries[0]["text"].removeprefix("<p>").removesuffix("</p>")
    assert shown.startswith("&lt;img src=x onerror=alert(1)&gt; is text. Keep the skin clean.")
    assert "<" not in shown and len(shown) < len(whole) // 2


def test_the_search_worker_names_the_one_material_worker_beside_it(tmp_path):
    from handbook.errors import HandbookError
    from handbook.search_worker import WORKERS, write_search_worker

    workers = tmp_path / WORKERS
    workers.mkdir(parents=True)
    with pytest.raises(HandbookError, match="one Material search worker"):
        write_search_worker(tmp_path)
    (workers / "search.0123abcd.min.js").write_text("")
    assert 'importScripts(new URL("search.0123abcd.min.js", here).href)' in write_search_worker(tmp_path).read_text()
