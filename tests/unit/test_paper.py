"""Page bodies made ready for paper (handbook/paper.py): input snippet, expected output."""

import pytest

from handbook import paper


@pytest.mark.parametrize("title", ["Contact the clinic that treated you if:", "Llame a la clínica que le trató si:"])
def test_the_contact_card_carries_the_clinics_number_in_every_language(title):
    body = f'<div class="admonition non-urgent"><p class="admonition-title">{title}</p><ul><li>x</li></ul></div>'
    out = paper.for_paper(body, "after-treatment.html", paper.Rules(contact="Riverside: 020 7946 0000"))
    assert str(out.select_one(".non-urgent")).endswith('<p class="card-contact">Riverside: 020 7946 0000</p></div>')
