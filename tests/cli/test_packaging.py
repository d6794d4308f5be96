"""packaging/ and the deployment guide: units systemd accepts, kiosk commands the CLI accepts, and the
unit's way of running kiosk (notify, watchdog, under cage) tried for real as far as this machine allows.

- Every key of every unit is checked against systemd's own list (`systemd --dump-configuration-items`)
  where systemd is installed, else against FALLBACK_KEYS, itself checked against systemd when it is.
- `systemd-analyze verify` runs where it is installed. It also checks that each command exists, so
  /usr/bin/cage (when cage is not installed) and /opt/kiosk/venv/bin/kiosk are replaced by stubs.
- The ExecStart of each unit and the Exec of the autostart entry go through the CLI's own parser, and
  every `kiosk` command of docs/deployment.md is run (all but `kiosk run`, which is parsed), against a
  stand-in /etc/kiosk: the machine's own configuration is never read.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import build_parser
from kiosk.programme import load_programme
from kiosk.systemd import watchdog_interval

# The wheel, built and installed elsewhere: the package as a device gets it (fixtures of test_wheel.py).
from .test_wheel import installed, source, wheel  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SYSTEMD = PACKAGING / "systemd"
GUIDE = ROOT / "docs" / "deployment.md"
UNITS = {path.name: path for path in sorted(SYSTEMD.glob("*.service"))}
DROP_INS = {"eglfs.conf": "kiosk@.service"}  # drop-in -> the unit it is written for
KIOSK_BIN = "/opt/kiosk/venv/bin/kiosk"
CAGE = "/usr/bin/cage"
CAGE_OPTIONS = {"-d", "-s", "-m"}  # cage 0.1.4's options that may come before "--" (-m takes a value)
INSTANCE = "salle-ix"
STATUS_FILE = "/run/kiosk/status.json"
ROOM_IDS = [room.id for room in load_programme(ROOT / "programme.yaml").rooms]
LIMIT = 60

# The keys these files may use, per section, for machines without systemd; each is in systemd 252's list.
FALLBACK_KEYS = {
    "Unit": {
        "Description", "Documentation", "After", "Before", "Wants", "Requires", "Conflicts",
        "ConditionPathExists", "StartLimitIntervalSec", "StartLimitBurst",
    },
    "Service": {
        "Type", "NotifyAccess", "ExecStart", "Restart", "RestartSec", "WatchdogSec", "TimeoutStartSec",
        "User", "Group", "SupplementaryGroups", "RuntimeDirectory", "PAMName", "TTYPath", "TTYReset",
        "TTYVHangup", "TTYVTDisallocate", "StandardInput", "StandardOutput", "StandardError",
        "UtmpIdentifier", "UtmpMode", "Environment", "UnsetEnvironment",
    },
    "Install": {"WantedBy", "RequiredBy", "Alias", "DefaultInstance"},
}  # fmt: skip


# -- reading unit files -------------------------------------------------------------------------------
def parse_unit(text: str) -> list[tuple[str, str, str]]:
    """(section, key, value) in order, as systemd reads them: comments, continuation lines, no quoting."""
    entries: list[tuple[str, str, str]] = []
    section = None
    pending = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = pending + raw.strip() if pending else raw.strip()
        pending = ""
        if not line or line[0] in "#;":
            continue
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        assert section, f"line {number}: {line!r} before any [section]"
        key, sep, value = line.partition("=")
        assert sep, f"line {number}: {line!r} is not KEY=VALUE"
        entries.append((section, key.strip(), value.strip()))
    assert not pending, "the file ends with a continuation"
    return entries


def values(entries: list[tuple[str, str, str]], section: str, key: str) -> list[str]:
    """Every value of a key, with systemd's rule that an empty assignment clears the ones before."""
    found: list[str] = []
    for s, k, v in entries:
        if (s, k) == (section, key):
            found = [] if v == "" else [*found, v]
    return found


def one(entries: list[tuple[str, str, str]], section: str, key: str) -> str:
    found = values(entries, section, key)
    assert found, f"[{section}] {key}= is missing"
    return found[-1]


def environment(entries: list[tuple[str, str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for value in values(entries, "Service", "Environment"):
        for assignment in shlex.split(value):
            name, _, val = assignment.partition("=")
            env[name] = val
    return env


def unit(name: str, *drop_ins: str) -> list[tuple[str, str, str]]:
    entries = parse_unit(UNITS[name].read_text(encoding="utf-8"))
    for drop_in in drop_ins:
        entries += parse_unit((SYSTEMD / drop_in).read_text(encoding="utf-8"))
    return entries


def systemd_binary() -> str | None:
    for path in ("/usr/lib/systemd/systemd", "/lib/systemd/systemd"):
        if os.access(path, os.X_OK):
            return path
    return None


def systemd_keys() -> dict[str, set[str]] | None:
    binary = systemd_binary()
    if not binary:
        return None
    dump = subprocess.run(
        [binary, "--dump-configuration-items"], capture_output=True, text=True, timeout=LIMIT
    )
    if dump.returncode != 0:
        return None
    keys: dict[str, set[str]] = {}
    section = ""
    for line in dump.stdout.splitlines():
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif "=" in line:
            keys.setdefault(section, set()).add(line.split("=", 1)[0])
    return keys


def cli(args: list[str]):
    """The CLI's own parser on ``args``; a refusal fails the test with argparse's message."""
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            return build_parser().parse_args(args)
    except SystemExit:
        pytest.fail(f"the kiosk command refuses {shlex.join(args)!r}: {err.getvalue().strip()}")


def kiosk_argv(entries: list[tuple[str, str, str]]) -> tuple[list[str], list[str]]:
    """ExecStart split into (what runs kiosk: cage and its options, or nothing; kiosk's own arguments)."""
    (command,) = [v for v in values(entries, "Service", "ExecStart")]  # one command: Type=notify
    argv = shlex.split(command.replace("%i", INSTANCE))
    if argv[0] == CAGE:
        separator = argv.index("--")
        wrapper, argv = argv[: separator + 1], argv[separator + 1 :]
        assert set(wrapper[1:-1]) <= CAGE_OPTIONS, wrapper
    else:
        wrapper = []
    assert argv[0] == KIOSK_BIN, argv
    return wrapper, argv[1:]


# -- the units ----------------------------------------------------------------------------------------
def test_the_units_are_there() -> None:
    assert set(UNITS) == {"kiosk@.service", "kiosk-overview.service", "kiosk.service"}
    for drop_in in DROP_INS:
        assert (SYSTEMD / drop_in).is_file()


@pytest.mark.parametrize("name", [*UNITS, *DROP_INS])
def test_every_key_is_one_systemd_knows(name: str) -> None:
    known = systemd_keys() or FALLBACK_KEYS
    path = UNITS.get(name) or SYSTEMD / name
    for section, key, _ in parse_unit(path.read_text(encoding="utf-8")):
        assert section in ("Unit", "Service", "Install"), f"{name}: [{section}]"
        assert key in known[section], f"{name}: [{section}] {key}= is not a systemd setting"


def test_the_fallback_list_is_systemds_own() -> None:
    known = systemd_keys()
    if known is None:
        pytest.skip("systemd is not installed here")
    for section, keys in FALLBACK_KEYS.items():
        assert keys <= known[section], sorted(keys - known[section])


@pytest.mark.parametrize("name", sorted(UNITS))
def test_a_unit_restarts_notifies_and_is_watched(name: str) -> None:
    entries = unit(name)
    assert one(entries, "Service", "Type") == "notify"
    # cage is the main process, kiosk its child: systemd takes READY=1 and WATCHDOG=1 from any process.
    assert one(entries, "Service", "NotifyAccess") == "all"
    assert one(entries, "Service", "Restart") == "always"
    assert one(entries, "Unit", "StartLimitIntervalSec") == "0"
    assert one(entries, "Service", "WatchdogSec") == "30s"
    assert "WATCHDOG_PID" in " ".join(values(entries, "Service", "UnsetEnvironment")).split()
    assert one(entries, "Service", "User") == "kiosk"
    assert one(entries, "Service", "PAMName") == "kiosk"  # /etc/pam.d/kiosk = packaging/pam/kiosk
    assert one(entries, "Service", "TTYPath") == "/dev/tty7"
    assert one(entries, "Service", "StandardInput") == "tty-fail"
    assert one(entries, "Service", "StandardOutput") == one(entries, "Service", "StandardError") == "journal"
    assert "getty@tty7.service" in one(entries, "Unit", "Conflicts").split()
    assert one(entries, "Install", "WantedBy") == "graphical.target"
    env = environment(entries)
    assert env["QT_QPA_PLATFORM"] == "wayland"
    assert env["WLR_LIBINPUT_NO_DEVICES"] == "1"
    wrapper, args = kiosk_argv(entries)
    assert wrapper and wrapper[0] == CAGE
    parsed = cli(args)
    assert parsed.command == "run"
    assert not parsed.windowed
    assert Path(parsed.status_file).parent == Path("/run") / one(entries, "Service", "RuntimeDirectory")


def test_the_units_differ_only_in_what_they_show() -> None:
    """One stanza for cage, the session and the watchdog, the same in every unit (no silent drift)."""
    own = {("Unit", "Description"), ("Unit", "Conflicts"), ("Service", "ExecStart")}
    shared = {name: [e for e in unit(name) if e[:2] not in own] for name in UNITS}
    first = next(iter(shared.values()))
    for name, entries in shared.items():
        assert entries == first, name
    # Each conflicts with the two others, so that starting one stops the one running.
    for name in UNITS:
        conflicts = set(one(unit(name), "Unit", "Conflicts").split())
        others_names = {n for n in UNITS if n != name and "@" not in n}
        assert others_names <= conflicts, name


def test_what_each_unit_shows() -> None:
    door = cli(kiosk_argv(unit("kiosk@.service"))[1])
    assert (door.room, door.overview) == (INSTANCE, False)
    overview = cli(kiosk_argv(unit("kiosk-overview.service"))[1])
    assert (overview.room, overview.overview) == (None, True)
    configured = cli(kiosk_argv(unit("kiosk.service"))[1])
    assert (configured.room, configured.overview) == (None, False)


def test_the_instance_is_passed_raw() -> None:
    # %I would unescape "-" into "/": salle-ix would become salle/ix.
    (command,) = values(unit("kiosk@.service"), "Service", "ExecStart")
    assert "--room %i" in command and "%I" not in command


@pytest.mark.parametrize("room", ROOM_IDS)
def test_every_room_id_is_a_unit_instance_as_it_is(room: str) -> None:
    assert re.fullmatch(r"[A-Za-z0-9:_.\-]+", room), room  # no escaping needed: kiosk@<id>.service


def test_the_watchdog_reaches_kiosk_through_cage() -> None:
    """What kiosk sees under the unit: WATCHDOG_USEC without WATCHDOG_PID, so it pings at half."""
    entries = unit("kiosk@.service")
    seconds = float(one(entries, "Service", "WatchdogSec").removesuffix("s"))
    given = {"WATCHDOG_USEC": str(int(seconds * 1_000_000)), "WATCHDOG_PID": str(os.getpid() + 1)}
    unset = " ".join(values(entries, "Service", "UnsetEnvironment")).split()
    seen = {k: v for k, v in given.items() if k not in unset}
    assert watchdog_interval(seen) == seconds / 2
    assert watchdog_interval(given) is None  # why the unit unsets it: cage's pid is not kiosk's


def test_the_eglfs_drop_in_runs_kiosk_itself() -> None:
    entries = unit("kiosk@.service", "eglfs.conf")
    wrapper, args = kiosk_argv(entries)
    assert wrapper == []
    assert cli(args).room == INSTANCE
    assert one(entries, "Service", "NotifyAccess") == "main"
    env = environment(entries)
    assert env["QT_QPA_PLATFORM"] == "eglfs"
    assert env["QT_QPA_EGLFS_INTEGRATION"] == "eglfs_kms"
    assert env["QT_QPA_EGLFS_KMS_CONFIG"] == "/etc/kiosk/eglfs-kms.json"
    assert set(one(entries, "Service", "SupplementaryGroups").split()) == {"video", "render", "input"}


def test_the_kms_configuration_uses_qts_keys() -> None:
    config = json.loads((PACKAGING / "eglfs" / "kms.json").read_text(encoding="utf-8"))
    assert set(config) <= {
        "device",
        "hwcursor",
        "pbuffers",
        "separateScreens",
        "virtualDesktopLayout",
        "outputs",
    }
    assert config["device"].startswith("/dev/dri/card")
    for output in config["outputs"]:
        assert set(output) <= {"name", "mode", "size", "format", "virtualIndex", "virtualPos", "primary"}
        assert re.fullmatch(r"\d+x\d+", output["mode"])


def test_the_pam_file_opens_a_logind_session() -> None:
    lines = [line.split() for line in (PACKAGING / "pam" / "kiosk").read_text().splitlines()]
    rules = [line for line in lines if line and not line[0].startswith("#")]
    for rule in rules:
        assert rule[0] in ("auth", "account", "session", "password"), rule
        assert rule[1] in ("required", "requisite", "sufficient", "optional"), rule
        assert rule[2].endswith(".so"), rule
    assert ["session", "required", "pam_systemd.so"] in rules
    assert {rule[0] for rule in rules} >= {"account", "session"}


@contextlib.contextmanager
def stand_ins(tmp: Path) -> Iterator[dict[str, str]]:
    """Executables systemd-analyze can find for the commands that are not on this machine."""
    stub = tmp / "stub"
    stub.write_text("#!/bin/sh\nexit 0\n")
    stub.chmod(0o755)
    replace = {KIOSK_BIN: str(stub)} if not os.access(KIOSK_BIN, os.X_OK) else {}
    if not os.access(CAGE, os.X_OK):
        replace[CAGE] = str(stub)
    yield replace


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed here")
@pytest.mark.parametrize("name", [*UNITS, *(f"{unit_name}+{d}" for d, unit_name in DROP_INS.items())])
def test_systemd_analyze_verify(name: str, tmp_path: Path) -> None:
    unit_name, _, drop_in = name.partition("+")
    with stand_ins(tmp_path) as replace:
        folder = tmp_path / "units"
        folder.mkdir()

        def copy(src: Path, dst: Path) -> None:
            text = src.read_text(encoding="utf-8")
            for old, new in replace.items():
                text = text.replace(old, new)
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text(text, encoding="utf-8")

        copy(UNITS[unit_name], folder / unit_name)
        if drop_in:
            copy(SYSTEMD / drop_in, folder / f"{unit_name}.d" / drop_in)
        result = subprocess.run(
            ["systemd-analyze", "verify", "--man=no", str(folder / unit_name)],
            capture_output=True,
            text=True,
            timeout=LIMIT,
            cwd=tmp_path,
        )
    # verify exits 0 on unknown keys and bad values, so any message at all is a failure.
    assert result.returncode == 0 and not result.stdout.strip() and not result.stderr.strip(), (
        result.stdout + result.stderr
    )


# -- the desktop alternative --------------------------------------------------------------------------
def desktop_entry() -> dict[str, str]:
    entry: dict[str, str] = {}
    group = None
    for line in (PACKAGING / "autostart" / "kiosk.desktop").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            group = line.strip()
            continue
        assert group == "[Desktop Entry]", line
        key, _, value = line.partition("=")
        entry[key] = value
    return entry


def test_the_autostart_entry_runs_kiosk() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"
    argv = shlex.split(entry["Exec"])
    assert argv[0] == KIOSK_BIN
    parsed = cli(argv[1:])
    assert parsed.command == "run" and not parsed.windowed


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils is not installed")
def test_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "autostart" / "kiosk.desktop")],
        capture_output=True,
        text=True,
        timeout=LIMIT,
    )
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), (
        result.stdout + result.stderr
    )


# -- the unit's way of running kiosk, for real ----------------------------------------------------------
class NotifySocket:
    """systemd's end of the notify protocol: a datagram socket that collects what is sent to it."""

    def __init__(self, path: Path):
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.setblocking(False)

    def messages(self) -> list[str]:
        got = []
        with contextlib.suppress(BlockingIOError):
            while True:
                got.append(self.sock.recv(4096).decode())
        return got

    def close(self) -> None:
        self.sock.close()


# /etc/kiosk pointed elsewhere, then the real entry point (as tests/cli/test_config_cli.py does).
RUN = (
    "import sys, kiosk.folders as f\nf.ETC_DIR = f.Path(sys.argv.pop(1))\n"
    "from kiosk.cli import main\nsys.exit(main())\n"
)


def unit_environment(entries, home: Path, notify: Path, unset: bool = True, **extra: str) -> dict[str, str]:
    """The environment systemd gives the unit's processes, less what a test cannot have (a display, /run).

    systemd adds NOTIFY_SOCKET, and for the watchdog WATCHDOG_USEC (30 s in the unit, 0.4 s here) and
    WATCHDOG_PID, the main process's pid: cage's, never kiosk's ("1" here). UnsetEnvironment= comes last.
    """
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "XDG_", "WATCHDOG_", "NOTIFY_"))
    }
    env.update(environment(entries))
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_STATE_HOME=str(home / ".state"))
    env.update(NOTIFY_SOCKET=str(notify), WATCHDOG_USEC="400000", WATCHDOG_PID="1")
    env.update(extra)
    if unset:
        for name in " ".join(values(entries, "Service", "UnsetEnvironment")).split():
            env.pop(name, None)
    return env


def test_kiosk_run_as_the_unit_runs_it_tells_systemd(tmp_path: Path) -> None:
    """kiosk's part of ExecStart with the unit's environment (offscreen instead of Wayland), a notify
    socket and a watchdog: READY=1 once the first frame is up, then WATCHDOG=1, and the status file."""
    entries = unit("kiosk@.service")
    _, args = kiosk_argv(entries)
    status = tmp_path / "status.json"
    args = [a.replace(STATUS_FILE, str(status)) for a in args]
    notify = NotifySocket(tmp_path / "notify")
    env = unit_environment(entries, tmp_path, notify.path, QT_QPA_PLATFORM="offscreen")
    try:
        result = subprocess.run(
            [sys.executable, "-c", RUN, str(tmp_path / "etc"), *args, "--quit-after", "1.5"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=LIMIT,
        )
        messages = notify.messages()
    finally:
        notify.close()
    assert result.returncode == 0, result.stderr
    assert "READY=1" in messages, (messages, result.stderr)
    assert "WATCHDOG=1" in messages, (messages, result.stderr)
    shown = json.loads(status.read_text(encoding="utf-8"))
    assert (shown["view"], shown["room"], shown["programme_ok"]) == ("door", INSTANCE, True)


def unprivileged() -> list[str] | None:
    """How to run a command as a user cage accepts (cage refuses root): [] when we are not root."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        return None
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        return None
    return ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups"]


def site_packages() -> list[str]:
    """Where this environment's PySide6 and the other dependencies are."""
    return list(dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]))


class HeadlessCage:
    """cage with wlroots' headless backend (no screen, no GPU, no input devices), as a user it accepts,
    in a folder of /tmp that user can reach (pytest's own folders under /tmp/pytest-of-root cannot be)."""

    def __init__(self, user: list[str], package: Path):
        self.user = user
        self.work = Path(tempfile.mkdtemp(prefix="kiosk-cage-", dir="/tmp"))
        self.work.chmod(0o755)
        self.runtime = self.work / "run"
        self.runtime.mkdir(mode=0o700)
        if user:
            nobody = pwd.getpwnam("nobody")
            for path in (self.work, self.runtime):
                os.chown(path, nobody.pw_uid, nobody.pw_gid)
        # cage 0.1.4 always starts Xwayland's listening sockets. On a device systemd-tmpfiles makes
        # /tmp/.X11-unix (root's, 1777) at boot; here, make it so rather than let Xwayland make it
        # nobody's, and remove afterwards the display sockets and locks a run may leave behind.
        x11 = Path("/tmp/.X11-unix")
        if os.geteuid() == 0 and not x11.exists():
            x11.mkdir()
            x11.chmod(0o1777)
        self.x_files_before = set(self.x_files())
        site = shutil.copytree(package, self.work / "site")  # the installed kiosk, where that user can read
        for folder in [site, *(p for p in site.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)  # pytest's folders are private, and copytree keeps their mode
        self.pythonpath = os.pathsep.join([str(site), *site_packages()])

    def env(self, entries, notify: Path, unset: bool = True) -> dict[str, str]:
        return unit_environment(
            entries,
            self.work,
            notify,
            unset,
            XDG_RUNTIME_DIR=str(self.runtime),
            PYTHONPATH=self.pythonpath,
            WLR_BACKENDS="headless",
            WLR_HEADLESS_OUTPUTS="1",
            WLR_RENDERER="pixman",
        )

    def run(self, wrapper: list[str], command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*self.user, *wrapper, *command],
            capture_output=True,
            text=True,
            env=env,
            cwd=self.work,
            timeout=LIMIT,
        )

    def python(self, entries, wrapper: list[str]) -> str | None:
        """An interpreter of this Python version that runs kiosk's Qt under cage, as that user."""
        version = f"python{sys.version_info.major}.{sys.version_info.minor}"
        marker = self.work / "python-ok"
        for candidate in dict.fromkeys([sys.executable, shutil.which(version, path="/usr/bin:/bin") or ""]):
            if not candidate:
                continue
            code = f"import PySide6.QtQuick, kiosk.qt.app; open({str(marker)!r}, 'w').close()"
            self.run(wrapper, [candidate, "-c", code], self.env(entries, self.work / "no-notify"))
            if marker.exists():
                return candidate
        return None

    @staticmethod
    def x_files() -> list[Path]:
        return [*Path("/tmp").glob(".X*-lock"), *Path("/tmp/.X11-unix").glob("X*")]

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        for path in set(self.x_files()) - self.x_files_before:
            with contextlib.suppress(OSError):
                path.unlink()


@pytest.mark.skipif(
    not (shutil.which("cage") and shutil.which("Xwayland")), reason="cage or Xwayland missing"
)
def test_kiosk_under_cage_as_the_unit_runs_it(installed: Path) -> None:  # noqa: F811
    """The unit's ExecStart for real: cage (headless backend) runs the installed kiosk as a Wayland
    client; kiosk notifies from cage's child, and pings only because WATCHDOG_PID is not passed on."""
    user = unprivileged()
    if user is None:
        pytest.skip("running as root and no way to run cage as another user (setpriv, nobody)")
    entries = unit("kiosk@.service")
    wrapper, args = kiosk_argv(entries)
    cage = HeadlessCage(user, installed)
    try:
        python = cage.python(entries, wrapper)
        if python is None:
            pytest.skip("no interpreter of this version that runs under cage as an unprivileged user")
        status = cage.work / "status.json"
        command = [
            python,
            "-m",
            "kiosk",
            *(a.replace(STATUS_FILE, str(status)) for a in args),
            "--quit-after",
            "1.5",
        ]

        def attempt(unset: bool) -> tuple[subprocess.CompletedProcess, list[str]]:
            notify = NotifySocket(cage.work / f"notify-{unset}")
            notify.path.chmod(0o777)
            try:
                return cage.run(wrapper, command, cage.env(entries, notify.path, unset)), notify.messages()
            finally:
                notify.close()

        result, messages = attempt(unset=True)
        assert result.returncode == 0, result.stderr
        assert "READY=1" in messages and "WATCHDOG=1" in messages, (messages, result.stderr)
        assert json.loads(status.read_text(encoding="utf-8"))["room"] == INSTANCE
        # What systemd would do without UnsetEnvironment=WATCHDOG_PID: the pid is cage's, kiosk stays quiet.
        result, messages = attempt(unset=False)
        assert result.returncode == 0, result.stderr
        assert "READY=1" in messages and "WATCHDOG=1" not in messages, messages
    finally:
        cage.close()


# -- the guide ------------------------------------------------------------------------------------------
SUBCOMMANDS = ("rooms", "state", "validate", "render", "run", "config", "import")
COMMAND = re.compile(rf"(?<![\w.@-])kiosk ((?:{'|'.join(SUBCOMMANDS)})\b[^`'\n&|;#]*)")


def guide_commands() -> list[str]:
    """Every `kiosk …` command of the guide: in its sh blocks, and in inline code that has arguments."""
    text = GUIDE.read_text(encoding="utf-8")
    found: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            if not line.lstrip().startswith("#"):
                found += [m.strip() for m in COMMAND.findall(line.split(" # ")[0])]
    for span in re.findall(r"`([^`\n]+)`", text):
        found += [m.strip() for m in COMMAND.findall(span) if len(shlex.split(m)) > 1]
    return list(dict.fromkeys(found))


def test_the_guide_names_files_that_exist() -> None:
    for doc in (GUIDE, PACKAGING / "README.md"):
        text = doc.read_text(encoding="utf-8")
        for path in set(re.findall(r"packaging/[\w@.\-/]*[\w@-]", text)) | {
            "packaging/" + p for p in re.findall(r"`((?:systemd|pam|eglfs|autostart)/[\w@.\-]+)`", text)
        }:
            assert (ROOT / path).exists(), f"{doc.name}: {path}"
    assert "../docs/deployment.md" in (PACKAGING / "README.md").read_text(encoding="utf-8")


def test_the_guide_names_units_that_exist() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    names = set(re.findall(r"\b(kiosk(?:@[\w-]*|-overview)?)\.service\b", text))
    names |= set(
        re.findall(r"\b(?:systemctl [\w -]*?|journalctl -u )(kiosk(?:@[\w-]+|-overview)?)(?![\w@.-])", text)
    )
    names |= set(re.findall(r"`(kiosk@[\w-]+)`", text))
    assert {"kiosk@salle-ix", "kiosk-overview", "kiosk"} <= names
    for name in names:
        template, at, instance = name.partition("@")
        assert f"{template}{at}.service" in UNITS, name
        if instance:
            assert instance in ROOM_IDS, name


def test_the_guide_has_its_commands() -> None:
    commands = guide_commands()
    assert any(c.startswith("render ") for c in commands)
    assert any(c.startswith("validate ") for c in commands)
    assert any(c.startswith("config") for c in commands)


@pytest.fixture
def device(tmp_path: Path) -> dict:
    """A stand-in device: its /etc/kiosk with the guide's configuration and programme, a home, /tmp."""
    etc, home, scratch = tmp_path / "etc", tmp_path / "home", tmp_path / "tmp"
    for folder in (etc, home, scratch):
        folder.mkdir()
    shutil.copy(ROOT / "programme.yaml", etc / "programme.yaml")
    shutil.copy(ROOT / "programme.yaml", scratch / "programme.yaml")
    shutil.copy(ROOT / "programme.yaml", tmp_path / "programme.yaml")  # the one in the current folder
    text = GUIDE.read_text(encoding="utf-8")
    blocks = [textwrap.dedent(b) for _, b in re.findall(r"^( *)```yaml\n(.*?)^\1```", text, re.M | re.S)]
    blocks = [b for b in blocks if b.startswith("# /etc/kiosk/kiosk.yaml")]
    assert len(blocks) >= 2
    (etc / "kiosk.yaml").write_text("".join(b.split("\n", 1)[1] for b in blocks), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_STATE_HOME=str(home / ".state"))
    env["QT_QPA_PLATFORM"] = "offscreen"
    return {"etc": etc, "tmp": scratch, "cwd": tmp_path, "env": env}


def test_the_guides_configuration_is_valid(device: dict) -> None:
    result = subprocess.run(
        [sys.executable, "-c", RUN, str(device["etc"]), "config", "--check", "--json"],
        capture_output=True,
        text=True,
        env=device["env"],
        cwd=device["cwd"],
        timeout=LIMIT,
    )
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["rotation"]["value"] == 90
    assert config["programme"]["value"] == str(device["etc"] / "programme.yaml")


def test_the_guides_drop_in_names_a_room() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    rooms = re.findall(r"Environment=KIOSK_ROOM=([\w-]+)", text)
    assert rooms and set(rooms) <= set(ROOM_IDS)


def stand_in(arg: str, device: dict) -> str:
    """A path of the device, in the stand-in device."""
    for real, there in (("/etc/kiosk/", device["etc"]), ("/tmp/", device["tmp"])):
        if arg.startswith(real):
            return f"{there}/{arg.removeprefix(real)}"
    return arg


@pytest.mark.parametrize("command", guide_commands(), ids=lambda command: command)
def test_every_kiosk_command_of_the_guide_works(command: str, device: dict) -> None:
    args = [stand_in(arg, device) for arg in shlex.split(command)]
    parsed = cli(args)
    if parsed.command == "run":
        return  # the kiosk itself: parsed only (test_kiosk_run_as_the_unit_runs_it_tells_systemd runs it)
    result = subprocess.run(
        [sys.executable, "-c", RUN, str(device["etc"]), *args],
        capture_output=True,
        text=True,
        env=device["env"],
        cwd=device["cwd"],
        timeout=LIMIT,
    )
    assert result.returncode == 0, f"kiosk {command}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    if parsed.command == "render":
        assert Path(device["cwd"], parsed.output).read_bytes().startswith(b"\x89PNG")
