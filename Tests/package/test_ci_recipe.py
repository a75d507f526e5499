"""docs/ci/github-actions.yml, the workflow portals adopt as it is: its install step run for real on the tarball."""
import os
import shutil
import subprocess

import yaml
from release_support import BARE_ENVIRONMENT, ROOT, tarball, version_in_source  # noqa: F401 (a fixture)

RECIPE = os.path.join(ROOT, "docs", "ci", "github-actions.yml")


def recipe():
    with open(RECIPE, encoding="utf-8") as file:
        return yaml.safe_load(file)  # resolves the recipe's YAML anchors, as GitHub Actions does


def test_it_pins_this_version_and_never_compiles_fieldbook():
    workflow = recipe()
    assert workflow["env"]["FIELDBOOK_VERSION"] == version_in_source()
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert not any("swift build" in step.get("run", "") or "git clone" in step.get("run", "") for step in steps)


def test_deploys_wait_in_order_and_a_schedule_refreshes_the_data():
    workflow = recipe()
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"][0]["cron"].endswith("* * 1-5")
    publish = workflow["jobs"]["publish"]
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert "fieldbook import deals" in "\n".join(step.get("run", "") for step in publish["steps"])


def test_it_says_how_to_turn_on_pages_and_that_pages_are_public():
    text = open(RECIPE, encoding="utf-8").read()
    assert 'Source: choose "GitHub Actions"' in text
    assert "Everyone on the internet can then read every figure in content/data/" in text
    assert "docs/dashboards.md" in text


def test_its_install_step_installs_the_release_tarball(tarball, tmp_path):
    """The step's own script, with the release folder on this disk (curl reads file:// as it reads https://)."""
    releases = tmp_path / "releases"
    os.makedirs(releases / ("v" + version_in_source()))
    for name in [tarball, tarball + ".sha256"]:
        shutil.copy(name, releases / ("v" + version_in_source()))
    runner = tmp_path / "runner"
    os.makedirs(runner)
    step = next(step for step in recipe()["jobs"]["check"]["steps"] if step.get("name") == "Install Fieldbook")
    environment = dict(BARE_ENVIRONMENT, FIELDBOOK_VERSION=version_in_source(), FIELDBOOK_RELEASES="file://%s" % releases,
                       RUNNER_TEMP=str(runner), GITHUB_PATH=str(tmp_path / "github-path"))
    run = subprocess.run(["bash", "-e", "-c", step["run"]], env=environment, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    (added,) = open(tmp_path / "github-path").read().split()
    version = subprocess.run([os.path.join(added, "fieldbook"), "--version"], env=BARE_ENVIRONMENT, capture_output=True, text=True)
    assert version.stdout == version_in_source() + "\n"
    # A tampered tarball fails the checksum, and nothing is installed.
    with open(releases / ("v" + version_in_source()) / os.path.basename(tarball), "ab") as file:
        file.write(b"x")
    shutil.rmtree(runner)
    os.makedirs(runner)
    run = subprocess.run(["bash", "-e", "-c", step["run"]], env=environment, capture_output=True, text=True)
    assert run.returncode != 0
    assert "FAILED" in run.stdout + run.stderr
