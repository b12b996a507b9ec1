"""Build the whole site, every language, in one process (`python -m handbook build site`).

English into ``site/``, then each translation (``mkdocs.<lang>.yml``) into ``site/<lang>/``:
the same strict builds as ``mkdocs build --strict`` and ``mkdocs build --strict -f
mkdocs.es.yml``, without paying Python's and MkDocs' start-up once per language.
"""

import logging
import sys
from contextlib import contextmanager
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from handbook.errors import HandbookError
from handbook.translations import LANGUAGES
from handbook.yaml12 import read_text


class Plain(logging.Formatter):
    """MkDocs' "LEVEL   -  message" lines, never wrapped."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {super().format(record)}"


def configs(root: Path, site: Path) -> list[tuple[Path, Path]]:
    """(config file, output folder) for English, then each translation."""
    return [(root / "mkdocs.yml", site)] + [(root / f"mkdocs.{lang}.yml", site / lang) for lang in LANGUAGES]


class _ConfigLoader(yaml.SafeLoader):
    """YAML as MkDocs reads mkdocs.yml, but safe: only MkDocs' own tags, no Python objects."""


for _tag in ("!ENV", "!relative"):
    _ConfigLoader.add_constructor(_tag, lambda loader, node: None)


def check_config(root: Path, config_file: Path) -> None:
    """Read a configuration safely before MkDocs does (its loader would construct Python objects)."""
    label = config_file.name
    try:
        data = yaml.load(read_text(config_file, label), Loader=_ConfigLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise HandbookError(f"{label}: {' '.join(str(exc).split())}") from None
    for key in ("INHERIT", "docs_dir"):
        value = (data or {}).get(key)
        if isinstance(value, str) and not (root / value).resolve().is_relative_to(root.resolve()):
            raise HandbookError(f"{label}, key '{key}': '{value}' is outside the project")


def main(root: Path, site: Path) -> int:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:  # as `mkdocs build` prints, one message a line (editors' tools read them)
        handler = logging.StreamHandler()
        handler.setFormatter(Plain())
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        for config_file, _ in configs(root, site):
            check_config(root, config_file)
    except HandbookError as exc:
        print(f"ERROR   -  {exc}", file=sys.stderr)
        return 1
    for config_file, out in configs(root, site):
        config = load_config(str(config_file), site_dir=str(out), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except Abort as exc:
            print(exc.message, file=sys.stderr)
            return 1
        finally:
            config.plugins.on_shutdown()
    return 0


@contextmanager
def _own_plugins():
    """Plugins of their own for a build inside a build: MkDocs keeps one instance of each plugin
    that has start-up hooks (for `serve`), so the inner build would otherwise reset the outer one's."""
    option = dict(MkDocsConfig._schema)["plugins"]
    outer, option.plugin_cache = option.plugin_cache, {}
    try:
        yield
    finally:
        option.plugin_cache = outer


def paper_edition(config_file: str, country: str, site_dir: Path) -> None:
    """A language's handouts for a clinic in another country: its pages rendered for that country, on paper,
    the PDFs copied into ``site_dir``."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="handbook-paper-") as tmp, _own_plugins():
        config = load_config(config_file, site_dir=tmp, strict=True)
        plugin = config.plugins["handbook"]
        plugin.config.country, plugin.config.medium, plugin.config.pdfs = country, "paper", True
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        shutil.copytree(Path(tmp) / "handouts", site_dir / "handouts", dirs_exist_ok=True)
        if (Path(tmp) / "handbook.pdf").exists():  # not when HANDOUTS_ONLY names handouts
            shutil.copy2(Path(tmp) / "handbook.pdf", site_dir / "handbook.pdf")
