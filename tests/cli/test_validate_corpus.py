"""`kiosk validate FILE`, run as a technician runs it, on every malformed programme of the corpus."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
BAD = sorted((DATA / "bad").glob("*.yaml"))
MAX_BYTES = 5 * 1024 * 1024


def kiosk(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_PROGRAMME"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )


def expectation(path: Path) -> str:
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8-sig").rstrip("\r")
    said = re.fullmatch(r"# expect: (.+)", first)[1]
    return f"{path}:{said}" if re.match(r"\d+:\d+: ", said) else f"{path}: {said}"


def assert_refused(result: subprocess.CompletedProcess, path: Path, expected: str) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert any(line.startswith(expected) for line in lines), result.stderr
    # Every problem is one line naming the file; the last line sums up.
    assert all(line.startswith(f"{path}:") or line.startswith(f"{path}: ") for line in lines), result.stderr
    assert re.fullmatch(rf"{re.escape(str(path))}: \d+ errors?; the programme cannot be used", lines[-1])


def test_the_corpus_is_there() -> None:
    assert len(BAD) >= 35


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_validate_points_at_the_mistake(path: Path) -> None:
    assert_refused(kiosk("validate", str(path)), path, expectation(path))


def test_validate_refuses_a_file_over_5_mb(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    small = (DATA / "good" / "small.yaml").read_text(encoding="utf-8")
    filler = "".join(f"# {'x' * 78}\n" for _ in range(MAX_BYTES // 80 + 10))
    huge.write_text(small + filler, encoding="utf-8")
    assert huge.stat().st_size > MAX_BYTES
    result = kiosk("validate", str(huge))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{huge}: the file is larger than 5 MB"]


def test_validate_refuses_a_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "programme.yaml"
    binary.write_bytes(bytes(range(256)) * 4)
    result = kiosk("validate", str(binary))
    assert_refused(result, binary, f"{binary}: this is not a text file")


def test_validate_refuses_a_file_of_zero_bytes(tmp_path: Path) -> None:
    empty = tmp_path / "programme.yaml"
    empty.write_bytes(b"")
    assert_refused(kiosk("validate", str(empty)), empty, f"{empty}: the file is empty")


def test_validate_of_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    result = kiosk("validate", str(missing))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"{missing}: cannot read the file: No such file or directory"]


def test_the_state_of_a_malformed_programme_is_its_errors_not_a_traceback() -> None:
    path = DATA / "bad" / "time-end-before-start.yaml"
    result = kiosk("state", "--programme", str(path), "--at", "2023-03-28T10:00")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(expectation(path))
