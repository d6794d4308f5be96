"""Whether the system clock is synchronised: systemd's answer, else the kernel's (issue 13.4)."""

from __future__ import annotations

import ctypes
import subprocess
import sys

import pytest

from kiosk import timesync


def answered(stdout: str, returncode: int = 0):
    calls = []

    def run(argv, **kwargs):
        calls.append(argv)
        return subprocess.CompletedProcess(argv, returncode, stdout=stdout, stderr="")

    return run, calls


def no_kernel():
    raise AssertionError("the kernel is asked only when systemd cannot answer")


@pytest.mark.parametrize(("stdout", "expected"), [("yes\n", True), ("no\n", False)])
def test_systemd_answers(stdout, expected):
    run, calls = answered(stdout)
    assert (
        timesync.clock_synchronised(run, which=lambda name: "/usr/bin/timedatectl", kernel=no_kernel)
        is expected
    )
    assert calls == [["timedatectl", "show", "--property=NTPSynchronized", "--value"]]


def test_without_systemd_the_kernel_answers():
    run, calls = answered("", returncode=1)  # "System has not been booted with systemd"
    assert (
        timesync.clock_synchronised(run, which=lambda name: "/usr/bin/timedatectl", kernel=lambda: False)
        is False
    )
    assert timesync.clock_synchronised(run, which=lambda name: None, kernel=lambda: True) is True
    assert len(calls) == 1  # no timedatectl: not run at all


def test_a_timedatectl_that_hangs_or_cannot_start_leaves_it_to_the_kernel():
    def hangs(argv, **kwargs):
        raise subprocess.TimeoutExpired(argv, kwargs["timeout"])

    def missing(argv, **kwargs):
        raise FileNotFoundError(argv[0])

    for run in (hangs, missing):
        assert timesync.clock_synchronised(run, which=lambda name: "x", kernel=lambda: None) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="adjtimex is Linux's")
def test_the_kernel_is_read_for_real():
    """adjtimex with no change asked: a real answer from this machine's kernel (either way)."""
    assert timesync.kernel_synchronised() in (True, False)
    timex = timesync._Timex()
    assert ctypes.CDLL(None).adjtimex(ctypes.byref(timex)) >= 0
    assert timex.tick > 0  # the layout is right: tick (µs per kernel tick) is where it belongs
    assert timesync.kernel_synchronised() == (timex.maxerror < timesync.UNSYNCHRONISED_MAXERROR_US)
