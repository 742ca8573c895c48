"""Project hygiene: environment.yml matches pyproject.toml, notebooks carry no outputs,
the public API is sorted, and CI runs the README's test command."""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_requirements() -> dict[str, SpecifierSet]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs.extend(extra)
    out = {}
    for text in reqs:
        req = Requirement(text)
        name = _canon(req.name)
        # the same package may serve several extras, but always with the same bounds
        assert out.get(name, req.specifier) == req.specifier, \
            f"{req.name} listed with different bounds in pyproject.toml"
        out[name] = req.specifier
    return out


def _environment_requirements() -> dict[str, SpecifierSet]:
    out = {}
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("\ndependencies:\n", 1)[1].splitlines():
        match = re.match(r"^\s{2}-\s+([A-Za-z0-9_.-]+)\s*([<>=!~][^#]*)?$", line)
        if not match or match.group(1) in ("python", "pip"):
            continue
        out[_canon(match.group(1))] = SpecifierSet((match.group(2) or "").replace(" ", ""))
    return out


def test_environment_yml_matches_pyproject():
    assert _environment_requirements() == _pyproject_requirements()


def test_environment_yml_installs_the_package_itself():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+- pip:\n\s+- -e \.$", text, flags=re.M)


def test_textstat_is_pinned_to_the_offline_release():
    spec = _pyproject_requirements()["textstat"]
    assert "0.7.8" in spec and "0.7.9" not in spec and "0.7.13" not in spec


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, path.name


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_are_numbered_thin_and_start_with_goals(path):
    assert re.match(r"^\d\d-[a-z0-9-]+\.ipynb$", path.name)
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown" and "Learning goals" in "".join(first["source"])
    tags = [cell.get("metadata", {}).get("tags", []) for cell in nb["cells"]]
    assert any("parameters" in t for t in tags), "a cell tagged 'parameters' receives the corpus"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert "def " not in "".join(cell["source"]), "logic belongs in the library"


def test_public_api_is_sorted_and_complete():
    import mediacompare

    assert mediacompare.__all__ == sorted(mediacompare.__all__)
    for name in mediacompare.__all__:
        assert hasattr(mediacompare, name), name


def test_import_has_no_side_effects():
    code = ("import sys, logging; handlers = list(logging.getLogger().handlers); "
            "import mediacompare; "
            "heavy = [m for m in ('nbconvert', 'nbclient', 'papermill', 'matplotlib.pyplot') if m in sys.modules]; "
            "assert not heavy, heavy; "
            "assert list(logging.getLogger().handlers) == handlers; "
            "import matplotlib; assert matplotlib.rcParams == matplotlib.rcParamsDefault or "
            "matplotlib.rcParams == matplotlib.rc_params()")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make report" in readme
    commands = [line.strip() for line in ci.splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == "make test"
    for line in commands[:-1]:
        assert line.startswith(("set ", "cd ")) or line in readme, f"CI runs {line!r}, which the README does not say"
