"""Shared fixtures. Qt runs offscreen; databases are fresh per test."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("INSPECTOR_DB", None)

SAMPLE_DATE = dt.date(2026, 11, 20)


@pytest.fixture
def fresh_db():
    """An empty, migrated in-memory database."""
    from inspector.store.db import open_db

    db = open_db(":memory:")
    yield db
    db.close()


@pytest.fixture
def rows(fresh_db):
    from inspector.store.rows import Rows

    return Rows(fresh_db, who="测试员")


@pytest.fixture
def init_db(tmp_path):
    """A database file with the 36 sample townships and the default form."""
    from inspector.demo import ensure_initialised
    from inspector.store.db import open_db
    from inspector.store.rows import Rows

    db = open_db(tmp_path / "init.db")
    ensure_initialised(Rows(db, who="测试员"))
    yield db
    db.close()


@pytest.fixture(scope="session")
def _sample_template(tmp_path_factory) -> Path:
    from inspector.demo import make_sample
    from inspector.store.db import open_db

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    db = open_db(path)
    make_sample(db, seed=2017, today=SAMPLE_DATE)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def sample_db_path(_sample_template, tmp_path) -> Path:
    """A private copy of the demo database (made once per session, dated SAMPLE_DATE)."""
    path = tmp_path / "sample.db"
    shutil.copy(_sample_template, path)
    return path


@pytest.fixture
def sample_db(sample_db_path):
    from inspector.store.db import open_db

    db = open_db(sample_db_path)
    yield db
    db.close()


@pytest.fixture
def sample_campaign(sample_db) -> dict:
    from inspector.store.catalog import campaigns

    return campaigns(sample_db)[0]
