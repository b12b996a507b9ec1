"""The catalogue's cases caught before rendering (tests/catalogue.py), in-process: each stops
`python -m handbook check-data` with one line naming the file and the key or line."""

import re

import pytest

from catalogue import CASES, PRE_RENDER
from handbook import cli


@pytest.mark.parametrize("case", sorted(PRE_RENDER))
def test_every_mistake_caught_before_rendering_names_where(project, monkeypatch, capsys, case):
    mutation, patterns = CASES[case]
    mutation(project)
    monkeypatch.setattr(cli, "ROOT", project)
    assert cli.main(["check-data"]) == 1
    printed = capsys.readouterr().err
    assert "Traceback" not in printed
    for pattern in patterns:
        assert re.search(pattern, printed), f"{pattern!r} not in:\n{printed}"
