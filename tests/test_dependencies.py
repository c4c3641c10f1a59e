"""Every install is bounded and reproducible: what a foundation deploys is what was tested."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

PROJECT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((PROJECT / "pyproject.toml").read_text())


def declared_requirements():
    project = PYPROJECT["project"]
    yield from project["dependencies"]
    for extra in project["optional-dependencies"].values():
        yield from extra


@pytest.mark.parametrize("line", sorted(set(declared_requirements())))
def test_every_dependency_has_an_upper_bound(line):
    specifiers = Requirement(line).specifier
    assert any(spec.operator in {"<", "<=", "==", "~="} for spec in specifiers), line


@pytest.mark.parametrize("lock", ["production.txt", "dev.txt"])
def test_the_lock_files_pin_every_package_with_its_hashes(lock):
    text = (PROJECT / "requirements" / lock).read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    pinned = [entry for entry in entries if entry.strip()]
    assert len(pinned) > 40
    for entry in pinned:
        assert re.match(r"[A-Za-z0-9._\-\[\],]+==\S+", entry), entry.splitlines()[0]
        assert "--hash=sha256:" in entry, entry.splitlines()[0]


def test_the_development_lock_holds_every_production_pin():
    def pins(lock):
        text = (PROJECT / "requirements" / lock).read_text()
        return set(re.findall(r"^([A-Za-z0-9._\-]+)(?:\[[^\]]*\])?==(\S+)", text, re.MULTILINE))

    assert pins("production.txt") <= pins("dev.txt")
