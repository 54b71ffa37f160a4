"""Dependencies point one way (DESIGN, "Architecture"), read from the code's own imports.

core imports nothing of ours above it; store only core; sync and reports
store and core; the GUI anything below it; the command line anything but the
GUI; nothing imports the GUI but the app's start-up. The small shared modules
(messages, terminal, paths, ...) sit under everything and import only each
other. Every import counts, also the ones inside functions: a lazy import is
still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "inspector"

# Each module of the package (a sub-package by its folder) belongs to one layer.
LAYER_OF = {
    "__init__": "shared",
    "messages": "shared",
    "terminal": "shared",
    "paths": "shared",
    "progress": "shared",
    "logfile": "shared",
    "qt_platform": "shared",
    "core": "core",
    "store": "store",
    "sync": "sync",
    "reports": "reports",
    "demo": "demo",
    "demo_projects": "demo",
    "demo_follow_up": "demo",
    "errors": "errors",
    "ui": "ui",
    "cli": "cli",
    "cli_backup": "cli",
    "cli_blocks": "cli",
    "cli_bundle": "cli",
    "cli_follow_up": "cli",
    "cli_device": "cli",
    "cli_notice": "cli",
    "cli_reports": "cli",
    "cli_trend": "cli",
    "cli_trust": "cli",
    "cli_projects": "cli",
    "cli_selfassess": "cli",
    "app": "app",
    "__main__": "main",
}

BELOW_THE_FRONT = {"shared", "core", "store", "sync", "reports", "demo", "errors"}
MAY_IMPORT = {
    "shared": {"shared"},
    "core": {"shared", "core"},
    "store": {"shared", "core", "store"},
    "sync": {"shared", "core", "store", "sync"},
    "reports": {"shared", "core", "store", "reports"},
    "demo": {"shared", "core", "store", "demo"},  # builds sample data through the store
    # One classification of errors for every front end: it knows the layers' error types.
    "errors": {"shared", "core", "store", "sync", "errors"},
    "ui": BELOW_THE_FRONT | {"ui"},
    # The command line opens the GUI only through the app's start-up (`inspector` alone).
    "cli": BELOW_THE_FRONT | {"cli", "app"},
    "app": BELOW_THE_FRONT | {"ui", "cli", "app"},
    "main": {"cli"},
}


def unit_of(module: str) -> str:
    """`inspector.store.rows` -> `store`; `inspector.cli_bundle` -> `cli_bundle`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(rel.parts)


def imports_of(path: Path, text: str | None = None) -> list[tuple[int, str]]:
    """(line, module) for every import of our own package in the file, relative ones resolved."""
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rsplit(".", 1)[0]
    text = path.read_text(encoding="utf-8") if text is None else text
    found = []
    for node in ast.walk(ast.parse(text, str(path))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from inspector import logfile` imports inspector.logfile
            names = (
                [base, *(f"{base}.{a.name}" for a in node.names)] if base == "inspector" else [base]
            )
        else:
            continue
        found += [
            (node.lineno, n) for n in names if n.startswith("inspector.") and unit_of(n) in LAYER_OF
        ]
    return found


def violations(changed: dict[Path, str] | None = None) -> list[str]:
    """Every import against MAY_IMPORT; `changed` replaces some files' text (for the test)."""
    changed = changed or {}
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = LAYER_OF[unit_of(module_name(path).removesuffix(".__init__"))]
        for line, target in imports_of(path, changed.get(path)):
            layer = LAYER_OF[unit_of(target)]
            if layer not in MAY_IMPORT[source]:
                wrong.append(
                    f"{path.relative_to(PACKAGE.parent)}:{line}: {source} imports "
                    f"{target} ({layer})"
                )
    return wrong


def test_every_module_has_a_layer():
    units = {
        p.stem if p.is_file() else p.name
        for p in PACKAGE.iterdir()
        if (p.is_file() and p.suffix == ".py") or (p / "__init__.py").is_file()
    }
    assert units == set(LAYER_OF), f"give each a layer in LAYER_OF: {units ^ set(LAYER_OF)}"


def test_dependencies_point_one_way():
    assert not violations(), "\n".join(violations())


def test_nothing_but_the_app_imports_the_gui():
    importers = {layer for layer, allowed in MAY_IMPORT.items() if "ui" in allowed}
    assert importers == {"ui", "app"}


def test_the_scanner_sees_every_kind_of_import():
    # If it missed an import form the test above would prove nothing.
    assert any(unit_of(n) == "ui" for _line, n in imports_of(PACKAGE / "app.py"))
    lazy = imports_of(PACKAGE / "errors.py")  # imports the layers' errors inside a function
    assert any(unit_of(n) == "sync" for _line, n in lazy)
    rows = imports_of(PACKAGE / "store" / "rows.py")
    assert any(n.startswith("inspector.core") or n == "inspector.messages" for _l, n in rows)
    from_package = imports_of(PACKAGE / "cli.py")
    assert any(n == "inspector.logfile" for _line, n in from_package)  # from inspector import x


def test_a_wrong_import_is_reported():
    scoring = PACKAGE / "core" / "scoring.py"
    upward = (
        scoring.read_text(encoding="utf-8")
        + "\n\ndef _f():\n    from inspector.store import rows\n"
    )
    found = violations({scoring: upward})
    assert any(
        v.startswith("inspector/core/scoring.py:") and "core imports inspector.store" in v
        for v in found
    ), found


# The GUI reads and writes through the session (`store/session.py`): a widget that
# opened its own connection or built `Rows` would write past the session's change
# signal, and a view would show a database it was never told had changed.
CONNECTION_MAKERS = {
    "sqlite3": None,
    "inspector.store.rows": None,
    "inspector.store.db": {"open_db", "open_for_restore", "connect"},
}


def connections_in_gui() -> list[str]:
    found = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                hits = [a.name for a in node.names if a.name in CONNECTION_MAKERS]
            elif isinstance(node, ast.ImportFrom) and node.module in CONNECTION_MAKERS:
                names = CONNECTION_MAKERS[node.module]
                hits = [
                    f"{node.module}.{a.name}"
                    for a in node.names
                    if names is None or a.name in names
                ]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("Database", "Rows")
            ):
                hits = [f"{node.func.id}(...)"]
            else:
                continue
            found += [f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {h}" for h in hits]
    return found


def test_no_widget_opens_a_connection_or_builds_rows():
    assert connections_in_gui() == []


def _reads_the_database(obj: object) -> bool:
    """A store function that takes the connection (or Rows) as its first parameter."""
    import inspect

    if not inspect.isfunction(obj):
        return False
    params = list(inspect.signature(obj).parameters.values())
    return bool(params) and params[0].name in ("db", "rows")


# Besides the store, the modules above it whose functions take the connection but
# that the GUI reaches through a namespace bound to the session
# (`sync.device_roster.devices_of`): the roster and this device's keys.
THROUGH_THE_SESSION_ABOVE_THE_STORE = ("inspector.sync.roster", "inspector.sync.keys")


def _behind_the_session(module: str) -> bool:
    """Whether the GUI must reach `module`'s connection-taking functions through the session."""
    return module.startswith("inspector.store") or module in THROUGH_THE_SESSION_ABOVE_THE_STORE


def store_reads_in_gui(changed: dict[Path, str] | None = None) -> list[str]:
    """Store (and roster, keys) functions a GUI module imports instead of going through
    the session; `changed` replaces some files' text (for the test)."""
    import importlib

    changed = changed or {}
    found = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        text = changed.get(path) or path.read_text(encoding="utf-8")
        tree = ast.parse(text, str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith(
                ("inspector.store", "inspector.sync")
            ):
                continue
            for alias in node.names:
                module = importlib.import_module(node.module or "")
                try:  # `from inspector.store import settings`: the module itself
                    target = importlib.import_module(f"{node.module}.{alias.name}")
                except ImportError:
                    target = getattr(module, alias.name, None)
                if isinstance(target, type(module)):  # `from inspector.store import settings`
                    if not _behind_the_session(target.__name__):
                        continue
                    names = [n for n in vars(target) if _reads_the_database(getattr(target, n))]
                    used = {
                        a.attr
                        for a in ast.walk(tree)
                        if isinstance(a, ast.Attribute)
                        and isinstance(a.value, ast.Name)
                        and a.value.id == (alias.asname or alias.name)
                    }
                    hits = [f"{alias.name}.{n}" for n in names if n in used]
                else:
                    hits = (
                        [alias.name]
                        if _reads_the_database(target)
                        and _behind_the_session(getattr(target, "__module__", ""))
                        else []
                    )
                found += [f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {h}" for h in hits]
    return found


# Reads still to move behind session methods: (GUI module, store function). Every one
# has moved; the list stays empty, and a read added anywhere fails the test.
NOT_YET_THROUGH_THE_SESSION: set[tuple[str, str]] = set()


def test_the_gui_reads_the_store_through_the_session():
    """A widget holds the session, never the connection: each read is a session method,
    so what the GUI reads is one list to see and to keep in step with the writes."""
    found = {
        (line.split(":")[0].rsplit("/", 1)[-1].removesuffix(".py"), line.split(": ")[1])
        for line in store_reads_in_gui()
    }
    assert found - NOT_YET_THROUGH_THE_SESSION == set()
    assert NOT_YET_THROUGH_THE_SESSION - found == set(), "moved: take it off the list"


def test_a_roster_or_key_call_with_the_connection_is_reported():
    # The devices dialog reaches the roster through the session; calling `sync.roster`
    # or `sync.keys` with the connection again, in either import form, fails the test.
    dialog = PACKAGE / "ui" / "devices_dialog.py"
    text = dialog.read_text(encoding="utf-8")
    as_module = (
        text
        + "\n\nfrom inspector.sync import roster\n\n\ndef _f(db):\n    roster.revoke(db, 'x')\n"
    )
    as_function = text + "\n\nfrom inspector.sync.keys import device_keys\n"
    assert any(
        v.startswith("inspector/ui/devices_dialog.py:") and v.endswith(": roster.revoke")
        for v in store_reads_in_gui({dialog: as_module})
    )
    assert any(
        v.startswith("inspector/ui/devices_dialog.py:") and v.endswith(": device_keys")
        for v in store_reads_in_gui({dialog: as_function})
    )
    # What takes no connection is not a read: a constant, or a pure function.
    harmless = text + "\n\nfrom inspector.sync.keys import fingerprint\n"
    assert store_reads_in_gui({dialog: harmless}) == []
