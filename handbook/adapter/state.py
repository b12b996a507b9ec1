"""What one build of the handbook plugin holds: made in on_config, dropped with the build."""

import logging
from dataclasses import dataclass, field
from pathlib import Path

from handbook import editions, node, settings
from handbook.data import Handbook


class Problems(logging.Handler):
    """Counts warnings, so a build that strict mode will abort skips the PDF work."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


@dataclass
class Build:
    """What one build (one language) knows: loaded once in on_config, dropped with the build."""

    root: Path
    lang: str
    env: settings.Environment
    handbook: Handbook
    clinic: settings.Clinic
    records: tuple
    pdfs: bool
    addresses: dict[str, str]
    offline: bool = False  # write the manifest and the offline worker (sw.js) after everything else
    checklist: str = ""
    pages: list = field(default_factory=list)
    status: dict = field(default_factory=dict)  # what `python -m handbook review` reads
    problems: Problems = field(default_factory=Problems)
    scripts: dict[str, node.Script] = field(default_factory=dict)  # Node steps started early, run at the end

    def stop_scripts(self) -> None:
        """End the Node steps a failed or finished build did not run."""
        for script in self.scripts.values():
            script.stop()

    @property
    def data(self) -> Path:
        return self.root / "data"

    def edition(self, medium: str) -> editions.Edition:
        return editions.Edition(self.lang, self.handbook.country, medium)
