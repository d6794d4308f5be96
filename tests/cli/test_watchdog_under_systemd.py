"""The packaged unit's watchdog under a real systemd (issue 13.1): a kiosk whose ticks stop is killed
and restarted by systemd within WatchdogSec, and a kiosk whose ticks happen is left alone.

The service manager is systemd's own (`systemd --user`, a private instance with its own runtime folder).
It starts only on a machine booted with systemd, which it recognises by /run/systemd/system; so it runs
in a mount namespace of its own with a fresh /run (unshare --mount, as root), and the machine's /run is
never touched. The unit is the packaged kiosk@.service with what a user manager cannot do taken out (the
user, the PAM session, tty7, the journal) and three values shortened (WatchdogSec=5s, RestartSec,
language_period 3 s); cage is stood in for by a shell that runs kiosk as its child, as cage does, so
NotifyAccess=all and UnsetEnvironment=WATCHDOG_PID are tried as they are.

The stopped clock is a fault injected into the real `kiosk run`: once a file appears, every update of
the door fails (as the KeyError of issue 13.1 did), while the GUI thread goes on running.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.qt.ticker import LATE_SECONDS  # how late a tick may be before the screen counts as stopped

from ..conftest import KERNEL_REFUSED
from .test_packaging import INSTANCE, KIOSK_BIN, STATUS_FILE, environment, one, unit, values

# Pings every 2.5 s: a busy machine (the suite under load) may delay a start or a ping by seconds.
WATCHDOG_SEC = 5.0
LANGUAGE_PERIOD = 3.0  # the shortest allowed: a door ticks at least this often
# What the user manager cannot do (no other user, no PAM session, no tty) or a test cannot read (the journal).
LEFT_OUT = {
    "User", "PAMName", "TTYPath", "TTYReset", "TTYVHangup", "TTYVTDisallocate", "StandardInput",
    "UtmpIdentifier", "UtmpMode", "StandardOutput", "StandardError", "WatchdogSec", "RestartSec",
}  # fmt: skip

# The real entry point, with /etc/kiosk pointed elsewhere and one fault that can be switched on.
DRIVER = """\
import sys
from pathlib import Path

import kiosk.folders
from kiosk.qt.door import DoorScreen

kiosk.folders.ETC_DIR = Path(sys.argv.pop(1))
switch = Path(sys.argv.pop(1))
shown = DoorScreen.show
stopped = []


def show(self, at, beat=None):
    if switch.exists():  # this process only: a restarted kiosk is healthy again
        switch.rename(switch.with_suffix(".taken"))
        stopped.append(True)
    if stopped:
        raise RuntimeError("the injected fault: this door can no longer be updated")
    shown(self, at, beat)


DoorScreen.show = show
from kiosk.cli import main

sys.exit(main())
"""

# cage -d -- COMMAND…: runs COMMAND as its child and stays the service's main process.
CAGE = '#!/bin/sh\nwhile [ "$1" != "--" ]; do shift; done\nshift\n"$@"\nexit $?\n'


def systemd_binary() -> str | None:
    for path in ("/usr/lib/systemd/systemd", "/lib/systemd/systemd"):
        if os.access(path, os.X_OK):
            return path
    return None


def wait_for(condition, seconds: float, what: str):
    """Polls ``condition`` until it is true (returned) or ``seconds`` have passed (the test fails)."""
    ends = time.monotonic() + seconds
    while True:
        got = condition()
        if got:
            return got
        if time.monotonic() > ends:
            pytest.fail(f"{what}: not within {seconds:g} s")
        time.sleep(0.1)


class UserManager:
    """A private `systemd --user` in its own mount namespace; its units in ``work``/config/systemd/user."""

    def __init__(self, work: Path, binary: str):
        self.work = work
        self.runtime = work / "runtime"
        self.runtime.mkdir(mode=0o700)
        self.units = work / "config" / "systemd" / "user"
        self.units.mkdir(parents=True)
        self.log = work / "manager.log"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(work),
            "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(self.runtime),
            "XDG_CONFIG_HOME": str(work / "config"),
        }
        self.binary = binary
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.log.touch()
        # A manager writes its log to /dev/console: here, in its namespace, that is our file.
        script = (
            "mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/system && "
            f"mount --bind {shlex.quote(str(self.log))} /dev/console && "
            f"exec {self.binary} --user --log-target=console --log-level=info"
        )
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for(
            lambda: self.process.poll() is not None or (self.runtime / "systemd" / "private").exists(),
            30,
            "systemd --user starts",
        )
        if self.process.poll() is not None:
            said = self.log.read_text(errors="replace")
            if said.startswith("unshare:"):  # a container that forbids mount namespaces
                pytest.skip(
                    f"{KERNEL_REFUSED} a mount namespace (no private /run for systemd --user): {said.strip()}"
                )
            pytest.fail(f"systemd --user did not start: {said}")

    def systemctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            ["systemctl", "--user", *args], env=self.env, capture_output=True, text=True, timeout=60
        )
        if check and result.returncode != 0:
            pytest.fail(f"systemctl --user {shlex.join(args)}: {result.stderr}{self.log.read_text()}")
        return result

    def show(self, name: str) -> dict[str, str]:
        props = "ActiveState,SubState,MainPID,NRestarts,Result"
        out = self.systemctl("show", name, "-p", props).stdout
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def close(self) -> None:
        if self.process is None:
            return
        self.process.terminate()  # systemd --user stops its units and exits
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def packaged_unit(work: Path, cage: Path, driver: Path) -> str:
    """The packaged kiosk@.service as this user manager can run it, kiosk's own lines untouched."""
    entries = unit("kiosk@.service")
    command = one(entries, "Service", "ExecStart")
    python = shlex.join([sys.executable, str(driver), str(work / "etc"), str(work / "stop")])
    command = command.replace("/usr/bin/cage", str(cage)).replace(KIOSK_BIN, python)
    command = command.replace(STATUS_FILE, str(work / "status.json"))
    env = environment(entries) | {
        "QT_QPA_PLATFORM": "offscreen",  # no compositor here: the same kiosk, drawn off screen
        "HOME": str(work / "home"),
        "XDG_CONFIG_HOME": str(work / "home" / ".config"),
        "XDG_STATE_HOME": str(work / "home" / ".state"),
        "XDG_CACHE_HOME": str(work / "home" / ".cache"),
        "KIOSK_LANGUAGE_PERIOD": f"{LANGUAGE_PERIOD:g}",
    }
    lines = ["[Unit]", f"StartLimitIntervalSec={one(entries, 'Unit', 'StartLimitIntervalSec')}", "[Service]"]
    for section, key, value in entries:
        if section == "Service" and key not in LEFT_OUT | {"ExecStart", "Environment"}:
            lines.append(f"{key}={value}")
    lines += [f'Environment="{name}={value}"' for name, value in env.items()]
    lines += [
        f"ExecStart={command}",
        f"WatchdogSec={WATCHDOG_SEC:g}s",
        "RestartSec=200ms",
        f"WorkingDirectory={work}",
        f"StandardOutput=append:{work / 'kiosk.log'}",
        f"StandardError=append:{work / 'kiosk.log'}",
        # How each run ended, in systemd's own words ($$: for the shell, not systemd, to expand).
        f"ExecStopPost=/bin/sh -c 'echo \"$$SERVICE_RESULT $$EXIT_CODE $$EXIT_STATUS\" >> {work / 'ended'}'",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def manager(tmp_path: Path) -> Iterator[UserManager]:
    binary = systemd_binary()
    if binary is None or not shutil.which("systemctl"):
        pytest.skip("systemd is not installed (apt install systemd)")
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("a private systemd --user needs root and unshare (util-linux) for its own /run")
    running = UserManager(tmp_path, binary)
    try:
        yield running
    finally:
        running.close()


def test_systemd_restarts_a_kiosk_whose_ticks_stopped_and_only_that(manager: UserManager) -> None:
    work = manager.work
    (work / "etc").mkdir()
    cage = work / "cage"
    cage.write_text(CAGE, encoding="utf-8")
    cage.chmod(0o755)
    driver = work / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    (manager.units / "kiosk@.service").write_text(packaged_unit(work, cage, driver), encoding="utf-8")
    assert "WATCHDOG_PID" in " ".join(values(unit("kiosk@.service"), "Service", "UnsetEnvironment"))
    manager.start()
    name = f"kiosk@{INSTANCE}.service"

    # Type=notify: `start` returns once kiosk (cage's child) has said READY=1.
    manager.systemctl("start", name)
    first = manager.show(name)
    assert (first["ActiveState"], first["NRestarts"]) == ("active", "0"), first
    # Alive: past twice WatchdogSec it is the same process, never restarted (WATCHDOG=1 is taken).
    started = time.monotonic()
    wait_for(lambda: time.monotonic() - started > 2 * WATCHDOG_SEC, 3 * WATCHDOG_SEC, "two watchdog periods")
    assert manager.show(name) == first, (work / "kiosk.log").read_text(errors="replace")

    # The clock stops: the next tick fails, and so does every one after it.
    (work / "stop").touch()
    stopped = time.monotonic()

    seen: list[dict[str, str]] = []

    def restarted() -> dict[str, str] | None:
        now = manager.show(name)
        if not seen or now != seen[-1]:
            seen.append(now)
        # At least once: on a starved machine a kiosk that has only just started may be restarted
        # again; what matters is that the first end was the watchdog's (`ended`, below).
        return now if int(now["NRestarts"]) >= 1 and now["ActiveState"] == "active" else None

    try:
        again = wait_for(restarted, 60, "systemd restarts the stopped kiosk")
    except pytest.fail.Exception:
        ended = work / "ended"
        raise AssertionError(
            f"not restarted within 60 s; states seen: {seen}; "
            f"ended: {ended.read_text() if ended.exists() else None}; "
            f"log: {(work / 'kiosk.log').read_text(errors='replace')[-3000:]}"
        ) from None
    took = time.monotonic() - stopped
    log = (work / "kiosk.log").read_text(errors="replace")
    assert again["MainPID"] != first["MainPID"]
    assert (work / "stop.taken").exists()  # the fault was taken by the first kiosk
    assert "the injected fault" in log and "the screen has stopped" in log, log
    assert (work / "ended").read_text().splitlines()[0] == "watchdog killed ABRT"  # systemd's watchdog
    # At most: the next tick (a language period), the ticker's grace, then systemd's WatchdogSec; plus
    # a restart and a first frame (a few seconds on a busy machine).
    assert took < LANGUAGE_PERIOD + LATE_SECONDS + WATCHDOG_SEC + 10, took
    # And the restarted kiosk is left alone too.
    restarted_at = time.monotonic()
    periods = 3 * WATCHDOG_SEC
    wait_for(lambda: time.monotonic() - restarted_at > 2 * WATCHDOG_SEC, periods, "two watchdog periods")
    assert manager.show(name) == again
