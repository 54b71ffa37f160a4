"""Where the shipped resources and the user's data live.

Fonts, translations, sample data and the default forms are package data
(`inspector/resources/`, `inspector/forms/`), so a source checkout, an
installed wheel and the PyInstaller bundle all find them the same way: beside
this module, through `importlib.resources`. No other module guesses paths.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

APP_NAME = "inspector"


def package_dir() -> Path:
    """The installed `inspector` package, which holds `resources/` and `forms/`.

    Qt, reportlab and sqlite need real file names, not a resource reader's
    streams. Every way the app is installed (checkout, wheel, PyInstaller
    one-folder build) leaves the package unpacked on disk, where the reader
    hands back a plain path; a zipped install would not, and is refused here
    rather than failing later on a missing font.
    """
    root = files("inspector")
    if not isinstance(root, Path):
        raise RuntimeError(f"inspector must be installed unpacked, not from {root!r}")
    return root


def resources_dir() -> Path:
    return package_dir() / "resources"


def forms_dir() -> Path:
    return package_dir() / "forms"


def default_form_path() -> Path:
    return forms_dir() / "township-party-building-2017.toml"


def project_form_path() -> Path:
    """The second default form: project sites (项目党建), installed beside the township form."""
    return forms_dir() / "project-party-building-2017.toml"


def sample_townships_csv() -> Path:
    return resources_dir() / "sample" / "zhoushan-townships.csv"


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def default_db_path() -> Path:
    """The database named by INSPECTOR_DB, else one in the user data folder."""
    env = os.environ.get("INSPECTOR_DB")
    if env:
        return Path(env)
    import platformdirs  # only when no database is named: off the common start-up path

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "inspector.db"
