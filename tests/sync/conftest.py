"""Devices for the sync tests: fresh laptops, and laptops holding the sample campaign."""

from __future__ import annotations

import pytest

from tests.sync.helpers import Device, Federation


@pytest.fixture
def federation(tmp_path):
    """Headquarters' authority for the test: it enrols every device the test makes."""
    fed = Federation(tmp_path / "总部授权")
    yield fed
    fed.close()


@pytest.fixture
def laptops(tmp_path, federation):
    """A factory of enrolled devices (role hq unless told); every one is closed at the end."""
    made: list[Device] = []

    def make(name: str, copy_of=None, role: str = "hq", keep_identity: bool = False) -> Device:
        device = Device(tmp_path / name, name, copy_of, federation, role, keep_identity)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()


@pytest.fixture
def hq(laptops, sample_db_path):
    """Headquarters' data: the sample campaign (36 townships inspected, problems, notices),
    on the device that wrote it."""
    return laptops("总部", copy_of=sample_db_path, keep_identity=True)
