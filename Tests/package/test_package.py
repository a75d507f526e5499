"""The release tarball of scripts/package, installed the way its README says and run from an unrelated folder."""
import filecmp
import os
import shutil
import subprocess

from release_support import BARE_ENVIRONMENT, ROOT, installed, tarball, version_in_source  # noqa: F401 (fixtures)

DEV_BINARY = os.path.join(ROOT, ".build", "debug", "fieldbook")


def fieldbook(installed, *arguments, cwd):
    return subprocess.run([installed["fieldbook"], *arguments], cwd=cwd, env=BARE_ENVIRONMENT, capture_output=True,
                          text=True, timeout=300)


def test_the_tarball_is_named_with_the_version_and_architecture(installed):
    version = version_in_source()
    name = "fieldbook-%s-linux-%s" % (version, os.uname().machine)
    assert os.path.basename(installed["tarball"]) == name + ".tar.gz"
    assert os.path.basename(installed["folder"]) == name
    assert sorted(os.listdir(installed["folder"])) == ["LICENSE", "README.md", "THIRD-PARTY-NOTICES", "bin", "lib"]
    checksum = open(installed["tarball"] + ".sha256").read().split()
    assert checksum[1] == name + ".tar.gz" and len(checksum[0]) == 64


def test_it_reports_its_version(installed):
    run = fieldbook(installed, "--version", cwd=installed["work"])
    assert run.returncode == 0
    assert run.stdout == version_in_source() + "\n"


def test_it_needs_no_swift_and_finds_cmark_gfm_beside_it(installed):
    run = subprocess.run(["ldd", os.path.realpath(installed["fieldbook"])], env=BARE_ENVIRONMENT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "not found" not in run.stdout
    assert "libswift" not in run.stdout and "libFoundation" not in run.stdout
    cmark = [line for line in run.stdout.splitlines() if "libcmark-gfm" in line]
    assert len(cmark) == 2
    for line in cmark:
        path = line.split("=>")[1].split("(")[0].strip()
        assert os.path.dirname(os.path.realpath(path)) == str(installed["folder"] / "lib"), line


def copy_example_portal(destination):
    os.makedirs(destination)
    for item in ["fieldbook.json", "content", "templates"]:
        source = os.path.join(ROOT, item)
        (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(destination, item))


def differences(left, right):
    """Files that differ or exist on one side only, below two folders."""
    found = []
    comparison = filecmp.dircmp(left, right)
    found += comparison.left_only + comparison.right_only + comparison.funny_files
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    found += mismatch + errors
    for folder in comparison.common_dirs:
        found += [folder + "/" + name for name in differences(os.path.join(left, folder), os.path.join(right, folder))]
    return found


def test_it_builds_the_example_portal_from_another_folder_as_the_development_build_does(installed, tmp_path):
    copy_example_portal(tmp_path / "portal")
    elsewhere = tmp_path / "elsewhere"
    os.makedirs(elsewhere)
    run = fieldbook(installed, "build", str(tmp_path / "portal"), "--output", str(tmp_path / "packaged"), cwd=elsewhere)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Built ")
    assert os.path.exists(tmp_path / "packaged" / "reps" / "index.html")
    development = subprocess.run([DEV_BINARY, "build", str(tmp_path / "portal"), "--clean", "--output", str(tmp_path / "dev")],
                                 capture_output=True, text=True)
    assert development.returncode == 0, development.stderr
    assert differences(tmp_path / "packaged", tmp_path / "dev") == []


def test_a_new_portal_builds_with_the_built_in_theme(installed, tmp_path):
    run = fieldbook(installed, "init", "portal", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert os.listdir(tmp_path / "portal" / "templates") == ["README.md"]
    run = fieldbook(installed, "check", "--strict", "portal", cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    run = fieldbook(installed, "build", "portal", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    # The dashboard, drawn by the built-in theme (its stylesheet byte for byte) from the new portal's sample data.
    stylesheet = open(tmp_path / "portal" / "public" / "assets" / "fieldbook.css", encoding="utf-8").read()
    assert stylesheet == open(os.path.join(ROOT, "templates", "assets", "fieldbook.css"), encoding="utf-8").read()
    assert 'class="chart' in open(tmp_path / "portal" / "public" / "index.html", encoding="utf-8").read()
