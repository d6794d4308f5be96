"""A freed window-sized image leaves the process: kiosk.qt.heap turns glibc's moving mmap threshold off."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

# Allocates and frees 8 MiB (a 1920×1080 image) three times, touching every page; prints what stayed.
PROGRAM = """
import sys
from kiosk.qt.heap import return_large_blocks
def rss():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS"))
if sys.argv[1] == "on":
    assert return_large_blocks()
before = rss()
for _ in range(3):
    block = bytearray(8 * 1024 * 1024)
    block[::4096] = b"x" * len(block[::4096])
    del block
print(rss() - before)
"""

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")


def kept_kib(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", PROGRAM, mode], capture_output=True, text=True, check=True)
    return int(out.stdout)


def test_freed_images_are_given_back():
    assert kept_kib("on") < 1024


def test_without_it_glibc_keeps_them():
    """What the fix is for: the second allocation comes from the heap and stays resident."""
    assert kept_kib("off") > 4096
