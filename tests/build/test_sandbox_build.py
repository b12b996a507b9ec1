"""End to end, as CI builds a pull request: content that tries to run code, read a file outside the
project or have a configuration construct Python objects stops with one line, and nothing ran.
(Every other case of the allow-list is a unit test: tests/unit/test_sandbox.py.)"""

import os
import subprocess

from support import BIN, add_page, fails_with, mkdocs_env, sub

RUN = "{{ lipsum.__globals__.os.system('touch pwned') }}"


def test_a_page_that_runs_code_stops_and_nothing_ran(project, tmp_path):
    add_page(project, f"Text.\n\n{RUN}")
    fails_with(project, tmp_path, r"docs/scratch\.md, line 12: 'lipsum' is not allowed in pages or data")
    assert not (project / "pwned").exists()


def test_a_data_value_that_runs_code_stops_and_nothing_ran(project, tmp_path):
    sub(project / "data/contraindications.yaml", r"^(      reason: ).*$", rf'\g<1>"{RUN}"')
    fails_with(project, tmp_path, r"data/contraindications\.yaml, line 21, key 'reason': 'lipsum' is not allowed")
    assert not (project / "pwned").exists()


def test_a_symbolic_link_to_outside_stops_and_nothing_is_published(project, tmp_path):
    os.symlink("/etc/hostname", project / "docs" / "leak.txt")
    fails_with(project, tmp_path, r"docs/leak\.txt: is a symbolic link")
    assert not (tmp_path / "out").exists()


def test_a_configuration_cannot_construct_python_objects(project, tmp_path):
    with open(project / "mkdocs.yml", "a", encoding="utf-8") as f:
        f.write('\nx: !!python/object/apply:os.system ["touch pwned"]\n')
    result = subprocess.run([str(BIN / "python"), "-m", "handbook", "build", str(tmp_path / "site")], cwd=project,
                            env=mkdocs_env(HANDOUTS="0"), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("ERROR   -  mkdocs.yml: could not determine a constructor for the tag "
                                    "'tag:yaml.org,2002:python/object/apply:os.system'"), result.stderr
    assert not (project / "pwned").exists() and not (tmp_path / "site").exists()


def test_a_citation_cannot_smuggle_template_code_into_a_page(project, tmp_path):
    sub(project / "data/references.yaml", r'^(  citation: ")',
        r"\g<1>{% raw %}{{ lipsum.__globals__.os.system('touch pwned') }}{% endraw %} ")
    fails_with(project, tmp_path, r"data/references\.yaml, line \d+, key 'citation': '\{\{', '\{%' and '\{#' are not "
                                  r"allowed in data text, even inside \{% raw %\}")
    assert not (project / "pwned").exists()
