"""Build settings: the clinic's details from mkdocs.yml and CLINIC_*, checked before anything is built."""

import re

import pytest

from handbook.errors import HandbookError
from handbook.settings import build_time, clinic_from, handouts_enabled, read_environment, worker_count
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


def test_serve_skips_pdfs_unless_asked():
    assert handouts_enabled(read_environment({}), "serve") is False
    assert handouts_enabled(read_environment({}), "build") is True
    assert handouts_enabled(read_environment({"HANDOUTS": "no"}), "build") is False
    assert handouts_enabled(read_environment({"HANDOUTS": "1"}), "serve") is True


@pytest.mark.parametrize(
    "environ, message",
    [
        ({"HANDOUT_WORKERS": "two"}, "HANDOUT_WORKERS must be a whole number of 1 or more, got 'two'"),
        ({"HANDOUT_WORKERS": "0"}, "HANDOUT_WORKERS must be a whole number of 1 or more, got '0'"),
        ({"SOURCE_DATE_EPOCH": "yesterday"}, "SOURCE_DATE_EPOCH must be whole seconds since 1970"),
        ({"HANDOUTS": "maybe"}, "HANDOUTS must be 1 or 0"),
        ({"HANDOUT_PAGE_SIZE": "A5"}, "HANDOUT_PAGE_SIZE must be A4 or Letter, got 'A5'"),
    ],
)
def test_bad_settings_name_the_variable(environ, message):
    with pytest.raises(HandbookError, match=re.escape(message)):
        read_environment(environ)


def test_settings_defaults():
    assert read_environment({"HANDOUT_PAGE_SIZE": " letter "}).HANDOUT_PAGE_SIZE == "Letter"
    assert read_environment({}).HANDOUT_PAGE_SIZE == "A4"
    assert worker_count(read_environment({})) >= 1 and worker_count(read_environment({"HANDOUT_WORKERS": "2"})) == 2
    assert build_time(read_environment({"SOURCE_DATE_EPOCH": "1700000000"})) == "2023-11-14T22:13:20Z"
