"""Devices for the sync tests: fresh laptops, and laptops holding the sample campaign."""

from __future__ import annotations

import pytest

from tests.sync.helpers import Device


@pytest.fixture
def laptops(tmp_path):
    """A factory of devices; every one is closed at the end."""
    made: list[Device] = []

    def make(name: str, copy_of=None) -> Device:
        device = Device(tmp_path / name, name, copy_of)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()


@pytest.fixture
def hq(laptops, sample_db_path):
    """Headquarters: the sample campaign (36 townships inspected, problems, notices)."""
    return laptops("总部", copy_of=sample_db_path)
