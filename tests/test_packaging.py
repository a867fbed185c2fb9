"""The sdist and the wheel hold what users and packagers need, and nothing else."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


def test_the_wheel_holds_the_two_packages_and_the_licence(built: Path) -> None:
    (wheel,) = built.glob("*.whl")
    assert wheel.name == "bandwidth_messaging-4.0.0-py3-none-any.whl"
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert tops == {"bandwidth", "bandwidth_messaging_api", "bandwidth_messaging-4.0.0.dist-info"}
    assert "bandwidth/py.typed" in names
    assert "bandwidth_messaging_api/py.typed" in names
    assert "bandwidth_messaging-4.0.0.dist-info/licenses/LICENSE" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if n.startswith(("tests/", "bench/", "scripts/"))]
    metadata = Parser().parsestr(
        zipfile.ZipFile(wheel).read("bandwidth_messaging-4.0.0.dist-info/METADATA").decode()
    )
    assert metadata["Name"] == "bandwidth-messaging"
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Author"]
    assert "Typing :: Typed" in metadata.get_all("Classifier", [])
    # Development tools are a dependency group, not an extra users could install.
    assert metadata.get_all("Provides-Extra") == ["cli", "redis"]
    requires = metadata.get_all("Requires-Dist", [])
    assert not [r for r in requires if "pytest" in r or "mypy" in r or "ruff" in r]


def test_the_sdist_holds_the_sources_the_spec_and_the_licence(built: Path) -> None:
    (sdist,) = built.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    top = {name.split("/")[0] for name in names}
    # .gitignore: hatch ships it so that a build from the sdist leaves out the same files.
    assert top == {
        "bandwidth_facade",
        "generated",
        "spec",
        "scripts",
        "README.md",
        "LICENSE",
        "pyproject.toml",
        "PKG-INFO",
        ".gitignore",
    }
    assert "scripts/generate.py" in names
    assert "spec/messaging.yaml" in names
    assert not [n for n in names if n.startswith(("tests/", "bench/", ".ci/")) or ".pyc" in n]
