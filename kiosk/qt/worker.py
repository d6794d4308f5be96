"""The worker thread of a live source, and the courier that brings its results to the GUI thread."""

from __future__ import annotations

import logging
import queue
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("kiosk")


class Worker:
    """One daemon thread running jobs in order: a read never blocks the GUI thread, nor the exit.

    The thread ends when it has been idle for a while and is started again by the next job.
    """

    IDLE_SECONDS = 30.0

    def __init__(self, name: str):
        self.name = name
        self.jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.lock = threading.Lock()
        self.running = False

    def submit(self, job: Callable[[], None]) -> None:
        with self.lock:
            self.jobs.put(job)
            if not self.running:
                self.running = True
                threading.Thread(target=self._run, name=self.name, daemon=True).start()

    def _run(self) -> None:
        while True:
            try:
                job = self.jobs.get(timeout=self.IDLE_SECONDS)
            except queue.Empty:
                with self.lock:
                    if self.jobs.empty():
                        self.running = False
                        return
                continue
            try:
                job()
            except Exception:  # the thread serves on
                log.exception("%s: a background job failed", self.name)
            del job  # the job's references go now, not at the next one


@dataclass(frozen=True)
class _Parcel:
    """A worker's result, addressed to a method of a live source (which may be gone by then)."""

    to: weakref.ref
    method: str
    result: Any


class _Courier(QObject):
    """Carries the workers' results to the GUI thread. One for the program's life, never destroyed."""

    arrived = Signal(object)  # a _Parcel, emitted on a worker thread

    def __init__(self):
        super().__init__()
        self.arrived.connect(self.deliver)

    @Slot(object)
    def deliver(self, parcel: _Parcel) -> None:
        target = parcel.to()
        # Gone, or deleted on the GUI thread (its Qt half destroyed) while its read was under way.
        if target is not None and shiboken6.isValid(target):
            getattr(target, parcel.method)(parcel.result)


_COURIER: list[_Courier] = []


def courier() -> _Courier:
    """The courier, made on first use (by a live source, on the GUI thread)."""
    if not _COURIER:
        _COURIER.append(_Courier())
    return _COURIER[0]
