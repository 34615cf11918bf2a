"""The collector's thresholds once an assistant is built: raised, never lowered, never enabled."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from assistant.build import FULL_COLLECTION, YOUNG_COLLECTION, _fewer_collections


@pytest.fixture(autouse=True)
def _restore_thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_default_thresholds_are_raised_and_the_middle_one_kept() -> None:
    gc.set_threshold(700, 11, 12)
    _fewer_collections()
    assert gc.get_threshold() == (YOUNG_COLLECTION, 11, FULL_COLLECTION)


def test_higher_thresholds_of_the_host_are_kept() -> None:
    gc.set_threshold(YOUNG_COLLECTION * 3, 10, FULL_COLLECTION * 2)
    _fewer_collections()
    assert gc.get_threshold() == (YOUNG_COLLECTION * 3, 10, FULL_COLLECTION * 2)


def test_collection_turned_off_stays_off() -> None:
    gc.set_threshold(0, 10, 10)
    _fewer_collections()
    assert gc.get_threshold()[0] == 0
