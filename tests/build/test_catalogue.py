"""The catalogue's cases that need a build (tests/catalogue.py): one build per case, PDFs
off unless the case is about them; each stops with one line naming where, no traceback."""

import pytest

from catalogue import BUILD_SAMPLES, CASES, PRE_RENDER
from support import fails_with

BUILT = sorted(set(CASES) - PRE_RENDER | BUILD_SAMPLES)


@pytest.mark.parametrize("case", BUILT)
def test_every_mistake_stops_the_build_with_one_line_naming_where(project, tmp_path, case):
    mutation, patterns = CASES[case]
    env = {}
    if isinstance(mutation, dict):
        mutation, env = None, mutation
    elif isinstance(mutation, tuple):
        mutation, env = mutation
    if mutation:
        mutation(project)
    fails_with(project, tmp_path, *patterns, **env)
