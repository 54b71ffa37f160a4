"""The package carries what the app needs, so an installed wheel starts as a checkout does.

`.ci/run` builds the wheel and runs it from outside the checkout; these are
the quick checks of the same promise on every test run.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.metadata
import inspect
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from inspector import paths
from inspector.store import schema

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "inspector"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_resource_and_form_is_package_data():
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["inspector"]
    shipped = [
        p
        for folder in ("resources", "forms")
        for p in (PACKAGE / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert len(shipped) > 8
    left_out = [
        str(p.relative_to(PACKAGE))
        for p in shipped
        if not any(
            fnmatch.fnmatch(str(p.relative_to(PACKAGE)), pat.replace("**/", "*"))
            for pat in patterns
        )
    ]
    assert not left_out, f"not in [tool.setuptools.package-data]: {left_out}"


def test_every_path_helper_names_a_file_inside_the_package():
    helpers = [
        f
        for name, f in inspect.getmembers(paths, inspect.isfunction)
        if f.__module__ == paths.__name__ and name != "default_db_path"
    ]
    assert len(helpers) >= 6
    for helper in helpers:
        found = helper()
        assert found.exists(), helper.__name__
        assert found.resolve().is_relative_to(PACKAGE), helper.__name__


def test_the_pyinstaller_build_puts_the_package_data_where_the_package_has_it():
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    datas = next(
        k.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for k in node.keywords
        if k.arg == "datas"
    )
    destinations = {ast.literal_eval(element.elts[1]) for element in datas.elts}
    assert destinations == {"inspector/resources", "inspector/forms"}


def test_the_installed_dependencies_are_in_the_ranges_we_pin():
    for line in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(line)
        installed = importlib.metadata.version(requirement.name)
        assert requirement.specifier.contains(installed, prereleases=True), (line, installed)
    sqlite_utils = next(
        Requirement(line)
        for line in PYPROJECT["project"]["dependencies"]
        if line.startswith("sqlite-utils")
    )
    assert not sqlite_utils.specifier.contains("5.0"), "pin sqlite-utils below the next major"


def test_the_known_migrations_are_the_schemas_steps():
    steps = {
        name
        for name, _ in inspect.getmembers(schema, inspect.isfunction)
        if name[:1] == "m" and name[1:4].isdigit()
    }
    assert len(steps) >= 3
    assert schema.known_migrations() == steps


def test_the_test_extras_can_build_the_wheel():
    assert any(
        Requirement(r).name == "build"
        for r in PYPROJECT["project"]["optional-dependencies"]["test"]
    )
