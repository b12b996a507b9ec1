"""Build settings: the clinic's details from mkdocs.yml and CLINIC_*, checked before anything is built."""

import pytest

from handbook.errors import HandbookError
from handbook.settings import clinic_from, read_environment
from support import ROOT

EXTRA = {"name": "[Clinic]", "phone": "[Phone]", "email": "[Email]", "website": "clinic.example", "address": ""}
COUNTRIES = {"GB", "US", "ES"}


def clinic(**env):
    return clinic_from(EXTRA, read_environment(env), ROOT, COUNTRIES, "GB")


def test_a_real_clinic_never_prints_a_placeholder():
    assert clinic().email == "[Email]"  # the placeholder clinic shows as one
    real = clinic(CLINIC_NAME="Riverside", CLINIC_PHONE="020 7946 0001")
    assert (real.name, real.phone, real.email, real.website) == ("Riverside", "020 7946 0001", "", "clinic.example")
    with pytest.raises(HandbookError, match="set CLINIC_PHONE"):
        clinic(CLINIC_NAME="Riverside")


@pytest.mark.parametrize("given, country", [({}, "GB"), ({"CLINIC_COUNTRY": "uk"}, "GB"), ({"CLINIC_COUNTRY": "us"}, "US")])
def test_the_clinics_country_defaults_to_the_languages(given, country):
    assert clinic(**given).country == country
