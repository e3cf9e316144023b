"""The GitHub workflow, read as YAML: what runs when, in which system, with which permissions.
`make lint` also runs zizmor and check-jsonschema over it."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from build_scripts.publish.engines import ENGINES
from tests.support.project import ROOT

WORKFLOW = ROOT / ".github/workflows/handbook.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def runs(job: dict[str, Any]) -> list[str]:
    return [step["run"].strip() for step in job["steps"] if "run" in step]


def uses(job: dict[str, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_it_runs_on_every_push_and_pull_request(workflow: dict[Any, Any]) -> None:
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"] is None and triggers["pull_request"] is None  # every branch, every pull request


def test_the_tests_run_in_debian_12_with_each_engine_after_an_annotated_check(workflow: dict[Any, Any]) -> None:
    test = workflow["jobs"]["test"]
    assert test["container"] == "debian:bookworm"
    assert test["strategy"]["matrix"]["engine"] == list(ENGINES)
    assert test["env"]["ENGINE"] == "${{ matrix.engine }}"
    assert runs(test)[-2:] == ["make check FORMAT=github", "make test"]
    assert "actions/cache" in uses(test)


def test_a_pull_request_builds_the_site_for_editors_to_download(workflow: dict[Any, Any]) -> None:
    build = workflow["jobs"]["build"]
    assert build["container"] == "debian:bookworm"
    assert "make build" in runs(build)
    upload = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "github.event_name == 'pull_request'" and upload["with"]["path"] == "site"
    summary = next(step for step in build["steps"] if "GITHUB_STEP_SUMMARY" in step.get("run", ""))
    assert summary["env"]["ARTIFACT_URL"] == "${{ steps." + upload["id"] + ".outputs.artifact-url }}"


def test_only_the_deploy_job_may_publish_and_only_from_main_after_the_tests(workflow: dict[Any, Any]) -> None:
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    for name, job in jobs.items():
        if name != "deploy":
            assert job["permissions"] == {"contents": "read"}, name
    deploy = jobs["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert set(deploy["needs"]) == {"test", "build"}
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert uses(deploy) == ["actions/deploy-pages"]


def test_nothing_is_published_while_something_is_left_to_settle(workflow: dict[Any, Any]) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    names = [step.get("uses", step.get("run", "")) for step in steps]
    check = next(i for i, name in enumerate(names) if name == "make publish-check")
    pack = next(i for i, name in enumerate(names) if name.startswith("actions/upload-pages-artifact@"))
    assert check < pack
    assert steps[check]["if"] == steps[pack]["if"], "checked whenever the site is packed for publishing"


def test_every_action_is_pinned_to_a_commit_with_its_version_named() -> None:
    references = re.findall(r"uses: (\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert references
    for action, comment in references:
        assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), f"{action}{comment}"


def test_dependabot_keeps_the_locks_and_the_actions_up_to_date() -> None:
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(ecosystems) == {"pip", "github-actions"}
    assert set(ecosystems["pip"]["directories"]) == {"/", "/requirements"}


def test_a_pull_request_lists_the_pages_it_changes_from_the_base_branchs_site(workflow: dict[Any, Any]) -> None:
    build = workflow["jobs"]["build"]
    step = next(s for s in build["steps"] if s.get("name") == "List the pages this pull request changes")
    assert step["if"] == "github.event_name == 'pull_request'"
    assert step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert "build_scripts changes --base ../base-site" in step["run"] and "$GITHUB_STEP_SUMMARY" in step["run"]
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
