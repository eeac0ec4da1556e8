"""Guards against defects of the Qt binding itself that would crash a long-running workbench."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal(int)
    """Test signal."""


def test_emitting_signals_does_not_leak_references_to_true():
    """PySide6 6.12.0 returned True from Signal.emit() without a reference: after a few thousand
    emits the interpreter aborted with "bool_dealloc". pyproject.toml pins below it."""
    emitter = _Emitter()
    emitter.happened.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for i in range(1000):
        emitter.happened.emit(i)
    assert abs(sys.getrefcount(True) - before) < 50
