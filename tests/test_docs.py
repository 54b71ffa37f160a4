"""Every command of the command line is in the README's command tables, and its --help runs.

A command added without a row in a table, or a row left for a command that
is gone, fails here (the model: sqlite-utils' own documentation tests).
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from inspector.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
ROW = re.compile(r"^\| `(inspector(?: [a-z][a-z-]*)*)[^`]*` \|", re.MULTILINE)


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command that does something, as its words after `inspector`."""
    found = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            found += commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


def documented() -> set[tuple[str, ...]]:
    """The command words of every row of the README's tables."""
    return {tuple(m.group(1).split()[1:]) for m in ROW.finditer(README.read_text("utf-8"))}


ALL = commands(main)


def test_the_walk_finds_the_commands():
    assert len(ALL) > 30
    assert ("bundle", "export") in ALL and ("init",) in ALL


@pytest.mark.parametrize("words", ALL, ids=" ".join)
def test_the_command_has_a_row_in_the_readme(words):
    assert words in documented(), f"add a row for `inspector {' '.join(words)}` to README.md"


def test_every_row_names_a_command():
    known = set(ALL) | {()}  # `inspector --selftest`: the group's own option
    assert documented() - known == set()


@pytest.mark.parametrize("words", [(), *ALL], ids=lambda w: " ".join(w) or "inspector")
def test_help_runs(words, tmp_path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), *words, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert not (tmp_path / "none.db").exists()  # --help opens no database
