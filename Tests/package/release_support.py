"""The release tarball, made once per test session by scripts/package and unpacked as its README says.

Not a conftest.py: Tests/browser's conftest is imported by name (`from conftest import ...`), and a second module
named conftest in the same pytest run would take its place. Test modules import these fixtures by name instead.
"""
import os
import re
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# No Swift on PATH and no library path: the packaged binary must need neither.
BARE_ENVIRONMENT = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "CI": "true"}


def version_in_source():
    text = open(os.path.join(ROOT, "Sources", "fieldbook", "Version.swift"), encoding="utf-8").read()
    return re.search(r'let fieldbookVersion = "([^"]+)"', text).group(1)


_built = {}


@pytest.fixture(scope="session")
def tarball(tmp_path_factory):
    """scripts/package's output: the tarball's path (its .sha256 beside it). Each test module that imports this
    fixture gets its own copy of it from pytest, so the tarball is made once and remembered here."""
    if "tarball" in _built:
        return _built["tarball"]
    dist = tmp_path_factory.mktemp("dist")
    run = subprocess.run([os.path.join(ROOT, "scripts", "package"), "--output", str(dist)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    _built["tarball"] = run.stdout.strip().splitlines()[-1]
    return _built["tarball"]


@pytest.fixture(scope="session")
def installed(tarball, tmp_path_factory):
    """The tarball unpacked into an opt/ folder and linked from a bin/ folder, as its README says."""
    work = tmp_path_factory.mktemp("package")
    os.makedirs(work / "opt")
    subprocess.run(["tar", "-xzf", tarball, "-C", str(work / "opt")], check=True)
    (folder,) = os.listdir(work / "opt")
    os.makedirs(work / "bin")
    os.symlink(work / "opt" / folder / "bin" / "fieldbook", work / "bin" / "fieldbook")
    return {"tarball": tarball, "folder": work / "opt" / folder, "fieldbook": str(work / "bin" / "fieldbook"), "work": work}
