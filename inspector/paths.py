"""Where the shipped resources and the user's data live.

Resources sit beside the package in a source checkout and inside the
PyInstaller bundle in a laptop build; both are found from here so no other
module guesses paths.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "inspector"


def project_root() -> Path:
    """The folder holding `resources/` and `forms/`."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return project_root() / "resources"


def forms_dir() -> Path:
    return project_root() / "forms"


def default_form_path() -> Path:
    return forms_dir() / "township-party-building-2017.toml"


def sample_townships_csv() -> Path:
    return resources_dir() / "sample" / "zhoushan-townships.csv"


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def default_db_path() -> Path:
    """The database named by INSPECTOR_DB, else one in the user data folder."""
    env = os.environ.get("INSPECTOR_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "inspector.db"
