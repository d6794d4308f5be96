"""The checked-programme cache: used for the same bytes by the same kiosk, and for nothing else."""

import os
import pickle
from pathlib import Path

import pytest

from kiosk.programme import ProgrammeError, check_programme, load, load_programme, parse_programme
from kiosk.programme import cache as cache_module

SMALL = Path(__file__).resolve().parents[2] / "data" / "good" / "small.yaml"


def big_programme(note: str = "") -> bytes:
    """The small programme, padded with comments past the size from which programmes are cached."""
    padding = "".join(f"# {note}{'x' * 76}\n" for _ in range(load.CACHE_FROM_BYTES // 78 + 1))
    return SMALL.read_bytes() + padding.encode()


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the programmes really parsed and checked (not taken from the cache)."""
    seen: list[str] = []
    check_now = load._check_now

    def counted(data: bytes | str, name: str):
        seen.append(name)
        return check_now(data, name)

    monkeypatch.setattr(load, "_check_now", counted)
    return seen


def test_the_second_load_of_the_same_file_skips_parsing_and_checking(
    tmp_path: Path, programme_cache: Path, checks: list[str]
) -> None:
    path = tmp_path / "programme.yaml"
    path.write_bytes(big_programme())
    first = load_programme(path)
    assert checks == [str(path)]
    assert [p.name for p in programme_cache.iterdir()] == [cache_module.entry_path(str(path)).name]
    assert oct(programme_cache.stat().st_mode & 0o777) == "0o700"
    second = load_programme(path)
    assert checks == [str(path)]  # not checked again
    assert second == first
    assert second.sessions[0].start.utcoffset() == first.sessions[0].start.utcoffset()
    programme, problems = check_programme(path.read_bytes(), str(path))  # kiosk validate's way
    assert checks == [str(path)] and programme == first and problems == []


def test_warnings_come_back_from_the_cache(tmp_path: Path, programme_cache: Path, checks: list[str]) -> None:
    data = big_programme().replace(b"title: {fr: Table ronde, en: Panel}", b"title: {fr: Table ronde}")
    first = parse_programme(data, "p.yaml")
    again = parse_programme(data, "p.yaml")
    assert len(checks) == 1
    assert [str(w) for w in again.warnings] == [str(w) for w in first.warnings]
    assert any("no en text" in str(w) for w in again.warnings)


def test_a_changed_file_of_the_same_size_is_checked_again(programme_cache: Path, checks: list[str]) -> None:
    before = big_programme()
    after = before.replace(b"Table ronde", b"Table rondo")
    assert len(after) == len(before)
    assert parse_programme(before, "p.yaml").session("panel").title.get("fr") == "Table ronde"
    assert parse_programme(after, "p.yaml").session("panel").title.get("fr") == "Table rondo"
    assert len(checks) == 2


def test_the_same_bytes_under_another_name_are_checked_under_that_name(
    programme_cache: Path, checks: list[str]
) -> None:
    parse_programme(big_programme(), "a.yaml")
    programme = parse_programme(big_programme(), "b.yaml")
    assert programme.source == "b.yaml" and checks == ["a.yaml", "b.yaml"]


def test_an_entry_from_another_kiosk_is_not_trusted(
    programme_cache: Path, checks: list[str], monkeypatch
) -> None:
    parse_programme(big_programme(), "p.yaml")
    monkeypatch.setattr(cache_module, "_fingerprint", "0.0.1 another kiosk")
    parse_programme(big_programme(), "p.yaml")
    assert len(checks) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:30] + b"\xff" * 40 + blob[70:],
        lambda blob: cache_module._MAGIC + pickle.dumps(("not", "an", "entry")),
    ],
    ids=["empty", "truncated", "garbled", "another shape"],
)
def test_an_unreadable_entry_is_rebuilt(programme_cache: Path, checks: list[str], damage) -> None:
    data = big_programme()
    first = parse_programme(data, "p.yaml")
    entry = cache_module.entry_path("p.yaml")
    entry.write_bytes(damage(entry.read_bytes()))
    assert parse_programme(data, "p.yaml") == first
    assert len(checks) == 2
    assert parse_programme(data, "p.yaml") == first  # rebuilt: taken from the cache again
    assert len(checks) == 2


def test_an_entry_others_can_write_is_not_used(programme_cache: Path, checks: list[str]) -> None:
    parse_programme(big_programme(), "p.yaml")
    os.chmod(cache_module.entry_path("p.yaml"), 0o666)
    parse_programme(big_programme(), "p.yaml")
    assert len(checks) == 2


def test_an_entry_builds_nothing_but_a_programme(
    tmp_path: Path, programme_cache: Path, checks: list[str]
) -> None:
    data = big_programme()
    parse_programme(data, "p.yaml")
    planted = tmp_path / "planted"

    class Plant:
        def __reduce__(self):
            return (os.mkdir, (str(planted),))

    entry = cache_module.entry_path("p.yaml")
    head = pickle.loads(entry.read_bytes()[len(cache_module._MAGIC) :])  # what it was made from
    entry.write_bytes(cache_module._MAGIC + pickle.dumps(head) + pickle.dumps(Plant()))
    assert parse_programme(data, "p.yaml").event.id == "small-day"
    assert not planted.exists()
    assert len(checks) == 2


def test_small_programmes_and_broken_ones_are_not_cached(programme_cache: Path, checks: list[str]) -> None:
    parse_programme(SMALL.read_bytes(), "small.yaml")
    broken = big_programme().replace(b"room: salle-ix", b"room: salle-x")
    for _ in range(2):
        with pytest.raises(ProgrammeError, match="unknown room"):
            parse_programme(broken, "broken.yaml")
    assert not programme_cache.exists() or not list(programme_cache.iterdir())
    assert checks == ["small.yaml", "broken.yaml", "broken.yaml"]


def test_a_cache_folder_that_cannot_be_made_costs_only_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checks: list[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert parse_programme(big_programme(), "p.yaml").event.id == "small-day"
    assert parse_programme(big_programme(), "p.yaml").event.id == "small-day"
    assert len(checks) == 2


def test_a_stale_entry_is_refused_before_its_programme_is_unpickled(
    programme_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload of a changed file misses at once: the programme in the entry is never rebuilt."""
    parse_programme(big_programme(), "p.yaml")
    built: list[str] = []
    find_class = cache_module._Unpickler.find_class

    def counted(self, module: str, name: str) -> type:
        built.append(name)
        return find_class(self, module, name)

    monkeypatch.setattr(cache_module._Unpickler, "find_class", counted)
    assert cache_module.lookup(big_programme("changed"), "p.yaml") is None
    assert built == []
    assert cache_module.lookup(big_programme(), "p.yaml") is not None
    assert "Programme" in built


def test_a_programme_checked_without_keeping_is_remembered_later(
    programme_cache: Path, checks: list[str]
) -> None:
    """A screen shows a new programme first and writes its entry after (kiosk/qt/live.py)."""
    data = big_programme()
    programme, problems = check_programme(data, "p.yaml", keep=False)
    assert programme is not None and problems == [] and not programme_cache.exists()
    load.remember(data, "p.yaml", programme)
    entry = cache_module.entry_path("p.yaml")
    written = entry.stat().st_mtime_ns
    load.remember(data, "p.yaml", programme)  # already there: not written again
    assert entry.stat().st_mtime_ns == written
    assert parse_programme(data, "p.yaml") == programme
    assert checks == ["p.yaml"]
