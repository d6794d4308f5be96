"""The `kiosk` command's contract, run as technicians and scripts run it: rooms, state, validate."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "data" / "good"
SMALL = GOOD / "small.yaml"

DAY_ROOMS = [
    ("salle-i", "Salle I", "Room I"),
    ("salle-vii", "Salle VII", "Room VII"),
    ("salle-viii", "Salle VIII", "Room VIII"),
    ("salle-ix", "Salle IX", "Room IX"),
    ("restaurant", "Restaurant 7ème étage", "Restaurant (7th floor)"),
    ("salle-i-foyer", "Salle I Foyer", "Room I foyer"),
]


def kiosk(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k != "KIOSK_PROGRAMME"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**clean, **(env or {})},
        timeout=60,
    )


def ok(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    return result.stdout


def states(result: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in ok(result).splitlines()]


# -- kiosk rooms ---------------------------------------------------------------------------------
def test_rooms_one_line_each_id_french_english() -> None:
    result = kiosk("rooms")
    assert ok(result) == "".join(f"{i}\t{fr}\t{en}\n" for i, fr, en in DAY_ROOMS)
    assert result.stderr == ""


def test_rooms_as_json() -> None:
    rooms = json.loads(ok(kiosk("rooms", "--json")))
    assert rooms == [{"id": i, "name": {"fr": fr, "en": en}} for i, fr, en in DAY_ROOMS]


def test_rooms_of_another_programme() -> None:
    assert (
        ok(kiosk("rooms", "--programme", str(SMALL)))
        == "salle-i\tSalle I\tRoom I\nsalle-ix\tSalle IX\tRoom IX\n"
    )


def test_the_environment_names_the_default_programme(tmp_path: Path) -> None:
    env = {"KIOSK_PROGRAMME": str(SMALL)}
    assert ok(kiosk("rooms", env=env, cwd=tmp_path)).splitlines() == [
        "salle-i\tSalle I\tRoom I",
        "salle-ix\tSalle IX\tRoom IX",
    ]
    # --programme still wins over the environment
    day = ok(kiosk("rooms", "--programme", str(ROOT / "programme.yaml"), env=env, cwd=tmp_path))
    assert len(day.splitlines()) == 6


def test_the_bundled_programme_is_found_from_anywhere(tmp_path: Path) -> None:
    assert len(ok(kiosk("rooms", cwd=tmp_path)).splitlines()) == 6


def test_rooms_of_a_missing_programme_is_an_error(tmp_path: Path) -> None:
    result = kiosk("rooms", "--programme", str(tmp_path / "nowhere.yaml"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'nowhere.yaml'}: cannot read the file: No such file or directory"
    ]


# -- --room --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "room"),
    [
        ("salle-i", "salle-i"),
        ("Salle I", "salle-i"),
        ("salle i", "salle-i"),
        ("SALLE I", "salle-i"),
        ("Room I", "salle-i"),
        ("room i", "salle-i"),
        ("SALLE-I", "salle-i"),
        ("Salle IX", "salle-ix"),
        ("room ix", "salle-ix"),
        ("Salle I Foyer", "salle-i-foyer"),
        ("room i foyer", "salle-i-foyer"),
        ("salle-i-foyer", "salle-i-foyer"),
        ("Restaurant 7ème étage", "restaurant"),
        ("RESTAURANT 7ÈME ÉTAGE", "restaurant"),
        ("Restaurant (7th floor)", "restaurant"),
        ("restaurant", "restaurant"),
        ("Room VIII", "salle-viii"),
    ],
)
def test_room_by_id_or_either_name_whole_and_in_any_case(query: str, room: str) -> None:
    lines = states(kiosk("state", "--room", query, "--at", "2023-03-28T10:02"))
    assert [line["room"] for line in lines] == [room]


@pytest.mark.parametrize("query", ["Salle", "Salle I Foy", "salle-x", "I", "Room", "foyer", "Salle  I", ""])
def test_an_unknown_room_is_a_usage_error_listing_the_rooms(query: str) -> None:
    result = kiosk("state", "--room", query, "--at", "2023-03-28T10:02")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"kiosk state: unknown room {query!r}; known rooms: ")
    for room_id, fr, en in DAY_ROOMS:
        assert room_id in line and fr in line and en in line


def test_several_rooms_come_in_programme_order_once_each() -> None:
    lines = states(
        kiosk(
            "state", "--room", "Salle IX", "--room", "salle-i", "--room", "Room I", "--at", "2023-03-28T10:02"
        )
    )
    assert [line["room"] for line in lines] == ["salle-i", "salle-ix"]


# -- kiosk state ---------------------------------------------------------------------------------
def test_state_in_utc_is_the_welcome_address_in_salle_i() -> None:
    [line] = states(kiosk("state", "--room", "Salle I", "--at", "2023-03-28T08:02:00Z"))
    assert line == {
        "at": "2023-03-28T08:02:00+00:00",
        "room": "salle-i",
        "status": "ongoing",
        "current": [
            {
                "id": "welcome",
                "title": {"fr": "Allocution de bienvenue", "en": "Welcome address"},
                "start": "2023-03-28T10:00:00+02:00",
                "end": "2023-03-28T10:05:00+02:00",
                "room": "salle-i",
                "printed_start": "2023-03-28T10:00:00+02:00",
                "printed_end": "2023-03-28T10:05:00+02:00",
                "printed_room": "salle-i",
            }
        ],
        "next": {
            "id": "panel-past-present-future",
            "title": {
                "fr": "Table ronde sur la Coalition\u202f: passé, présent, futur",
                "en": "Panel on the Coalition: past, present, future",
            },
            "start": "2023-03-28T10:05:00+02:00",
            "end": "2023-03-28T11:05:00+02:00",
            "room": "salle-i",
            "printed_start": "2023-03-28T10:05:00+02:00",
            "printed_end": "2023-03-28T11:05:00+02:00",
            "printed_room": "salle-i",
        },
        "notices": [],
    }


def test_state_keys_in_the_contract_order() -> None:
    [line] = ok(kiosk("state", "--room", "salle-i", "--at", "2023-03-28T10:02")).splitlines()
    assert list(json.loads(line)) == ["at", "room", "status", "current", "next", "notices"]


def test_state_instants_in_the_order_given_rooms_in_programme_order() -> None:
    lines = states(kiosk("state", "--at", "2023-03-28T18:00", "--at", "2023-03-28T09:00"))
    assert [(line["at"], line["room"]) for line in lines] == [
        (at, room)
        for at in ("2023-03-28T18:00:00+02:00", "2023-03-28T09:00:00+02:00")
        for room, _, _ in DAY_ROOMS
    ]


def test_state_upcoming_and_finished() -> None:
    early, late = states(
        kiosk("state", "--room", "restaurant", "--at", "2023-03-28T08:00", "--at", "2023-03-28T14:00")
    )
    assert (early["status"], early["current"], early["next"]["id"]) == ("upcoming", [], "lunch")
    assert (late["status"], late["current"], late["next"]) == ("finished", [], None)


def test_state_of_an_umbrella_blocks_part() -> None:
    [line] = states(kiosk("state", "--room", "Salle VII", "--at", "2023-03-28T16:00"))
    assert [s["id"] for s in line["current"]] == ["workshop-c"]
    assert (
        line["current"][0]["title"]["en"]
        == "Parallel session C: Mobilising coalitions for greening education partnerships"
    )


@pytest.mark.parametrize("when", ["tomorrow", "10h02", "2023-03-28T25:00", ""])
def test_state_at_a_time_that_is_not_one(when: str) -> None:
    result = kiosk("state", "--at", when)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    example = "(e.g. 2023-03-28T10:30, 2023-03-28T08:30:00Z, 10:30 on the programme's first day, or now)"
    assert result.stderr.splitlines()[-1] == (
        f"kiosk state: error: argument --at: {when!r} is not an ISO 8601 date and time {example}"
    )


def test_a_missing_translation_falls_back_in_state_too() -> None:
    programme = GOOD / "missing-english-title.yaml"
    [line] = states(
        kiosk("state", "--programme", str(programme), "--room", "salle-i", "--at", "2023-03-28T10:30")
    )
    assert line["current"][0]["title"] == {"fr": "Table ronde", "en": "Table ronde"}


# -- kiosk validate ------------------------------------------------------------------------------
def test_validate_the_bundled_programme() -> None:
    result = kiosk("validate")
    assert ok(result).strip().endswith(": valid — 6 rooms, 19 sessions")
    assert result.stderr == ""


def test_validate_a_programme_named_in_the_environment() -> None:
    result = kiosk("validate", env={"KIOSK_PROGRAMME": str(SMALL)})
    assert ok(result) == f"{SMALL}: valid — 2 rooms, 4 sessions\n"


def test_validate_a_programme_missing_an_english_title_passes_with_a_warning() -> None:
    programme = GOOD / "missing-english-title.yaml"
    result = kiosk("validate", str(programme))
    assert ok(result) == f"{programme}: valid — 2 rooms, 4 sessions, 1 warning\n"
    assert result.stderr.splitlines() == [
        f"{programme}:26:12: warning: sessions[1].title: no en text; showing fr instead"
    ]


def test_validate_reads_no_more_than_its_limit(tmp_path: Path) -> None:
    endless = Path("/dev/zero")
    if not endless.exists():
        pytest.skip("no /dev/zero here")
    result = kiosk("validate", str(endless))
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["/dev/zero: cannot read the file: it is a device, not a file"]


# -- the command itself --------------------------------------------------------------------------
def test_python_dash_m_kiosk_lists_its_commands() -> None:
    out = ok(kiosk("--help"))
    for command in ("rooms", "state", "validate"):
        assert command in out


def test_no_command_is_a_usage_error() -> None:
    result = kiosk()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_the_kiosk_script_is_installed_next_to_python() -> None:
    script = Path(sys.executable).parent / "kiosk"
    if not script.exists():
        pytest.skip("kiosk is not installed as a script in this environment")
    result = subprocess.run([str(script), "rooms"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert ok(result).splitlines()[0] == "salle-i\tSalle I\tRoom I"
