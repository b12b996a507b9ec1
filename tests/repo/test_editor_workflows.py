"""The pull-request checks, publishing and review workflows are wired as CONTRIBUTING.md says."""

import re
from pathlib import Path

import pytest
import yaml

from support import ROOT

WORKFLOWS = {p.name: p for p in sorted((ROOT / ".github/workflows").glob("*.yml"))}


def workflow(name: str) -> dict:
    data = yaml.safe_load(WORKFLOWS[name].read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(wf: dict) -> list[dict]:
    return [step for job in wf["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS.values(), ids=WORKFLOWS.keys())
def test_actions_are_pinned_by_commit_with_a_version_comment(path: Path):
    uses = re.findall(r"uses: (\S+)(.*)", path.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", action), f"{path.name}: {action} is not pinned by full SHA"
        assert re.fullmatch(r"\s+# v\d+(\.\d+)*", comment), f"{path.name}: {action} needs a '# vX.Y.Z' comment"


def test_checks_run_make_check_on_every_pull_request_and_upload_a_preview():
    wf = workflow("checks.yml")
    assert "pull_request" in wf["on"] and wf["on"]["push"]["branches"] == ["main"]
    runs = " ".join(s.get("run", "") for s in wf["jobs"]["check"]["steps"])
    assert "./task check" in runs and "SOURCE_DATE_EPOCH" in runs
    upload = next(s for s in wf["jobs"]["check"]["steps"] if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site/"


def test_deploy_publishes_only_what_passed_every_check_on_main():
    checks, deploy = workflow("checks.yml"), workflow("deploy.yml")
    trigger = deploy["on"]["workflow_run"]
    assert trigger["workflows"] == [checks["name"]] and trigger["branches"] == ["main"]
    job = deploy["jobs"]["deploy"]
    assert "conclusion == 'success'" in job["if"] and "event == 'push'" in job["if"]
    download = next(s for s in job["steps"] if "download-artifact" in s.get("uses", ""))
    upload = next(s for s in checks["jobs"]["check"]["steps"] if "upload-artifact" in s.get("uses", ""))
    assert download["with"]["name"] == upload["with"]["name"]
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    assert set(deploy["on"]) == {"workflow_run"}, "deploy must not run on anything but finished checks"


def test_overdue_reviews_run_weekly():
    wf = workflow("overdue-reviews.yml")
    assert wf["on"]["schedule"] and any("./task overdue" in s.get("run", "") for s in steps(wf))


def test_make_targets_used_by_workflows_and_guide_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):.*## ", makefile, re.M))
    used = set(re.findall(r"\./task ([a-z-]+)", " ".join(p.read_text() for p in WORKFLOWS.values())))
    used |= set(re.findall(r"(?:^|`)(?:make|\./task) ([a-z-]+)", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.M))
    assert used and used <= targets, f"not in the Makefile: {sorted(used - targets)}"


def test_no_checkout_keeps_the_jobs_credentials_on_disk():
    checkouts = 0
    for workflow in sorted((ROOT / ".github/workflows").glob("*.yml")):
        steps = re.findall(r"uses: actions/checkout@[^\n]*\n((?:        .*\n)*)", workflow.read_text())
        checkouts += len(steps)
        assert all("persist-credentials: false" in with_block for with_block in steps), workflow.name
    assert checkouts >= 2  # checks.yml and overdue-reviews.yml
