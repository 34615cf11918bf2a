"""The collector's young threshold once an assistant is built: raised, never lowered, never enabled."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from assistant.build import YOUNG_COLLECTION, _fewer_collections


@pytest.fixture(autouse=True)
def _restore_thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_default_threshold_is_raised_and_the_others_kept() -> None:
    gc.set_threshold(700, 11, 12)
    _fewer_collections()
    assert gc.get_threshold() == (YOUNG_COLLECTION, 11, 12)


def test_a_higher_threshold_of_the_host_is_kept() -> None:
    gc.set_threshold(YOUNG_COLLECTION * 3, 10, 10)
    _fewer_collections()
    assert gc.get_threshold() == (YOUNG_COLLECTION * 3, 10, 10)


def test_collection_turned_off_stays_off() -> None:
    gc.set_threshold(0, 10, 10)
    _fewer_collections()
    assert gc.get_threshold()[0] == 0
