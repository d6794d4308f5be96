"""A guard on the Qt binding itself: PySide6 6.12.0 loses a reference to True at every signal emit on
Python 3.11, and a kiosk that runs for days would abort. This test fails on such a binding."""

import sys

from PySide6.QtCore import QObject, Signal


class Sender(QObject):
    changed = Signal()


def test_emitting_a_signal_keeps_the_reference_counts_of_true_and_false():
    sender = Sender()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(50):
        sender.changed.emit()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
