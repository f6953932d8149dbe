"""The cycle collector (tracker/io/collector.py) is paused only while importing."""

from __future__ import annotations

import gc

import pytest

from tracker.io.collector import collector_paused


def test_the_collector_is_paused_only_while_importing() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()
