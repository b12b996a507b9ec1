"""Every benchmark runs in its smoke mode (tiny sizes, one run, results to a temporary folder),
so a change that breaks one fails here instead of at the next measurement. The web benchmarks
(lighthouse.py) use Debian's nginx and Lighthouse from npm, which `./task test` installs."""

import subprocess

import pytest

from support import BIN, ROOT, mkdocs_env

SCRIPTS = {"build_scaling.py": ["build.md"], "build_compare.py": ["build-compare.md"], "languages.py": ["languages.md"],
           "lighthouse.py": ["web.md", "web-es.md"], "pdf_bench.py": ["pdf.md"], "search.py": ["search.md"],
           "suite.py": ["suite.md"]}
SPREAD = True  # each benchmark on its own: they share no fixture


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_benchmark_runs_in_smoke_mode(script, tmp_path):
    result = subprocess.run([str(BIN / "python"), script], cwd=ROOT / "benchmarks", capture_output=True, text=True,
                            env=mkdocs_env(BENCH_SMOKE="1", BENCH_OUT=str(tmp_path), OFFLINE=""), timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in SCRIPTS[script]:
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert " at commit " in text and " cores, " in text, text
        assert "\n| " in text, text  # a table of figures
