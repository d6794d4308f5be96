"""`kiosk notice`: every kind written, checked before it is written, and what each screen shows."""

import json
import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.notices import load_notices
from kiosk.programme import load_programme

ROOT = Path(__file__).resolve().parents[2]
DAY = "2023-03-28T"


@pytest.fixture
def venue(tmp_path, monkeypatch):
    """A programme in a folder of its own, named by KIOSK_PROGRAMME as on a device; notices beside it."""
    programme = tmp_path / "programme.yaml"
    shutil.copy(ROOT / "programme.yaml", programme)
    monkeypatch.setenv("KIOSK_PROGRAMME", str(programme))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("KIOSK_NOTICES", raising=False)
    return tmp_path


def notice(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["notice", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def saved(venue: Path):
    return load_notices(venue / "notices.yaml", load_programme(venue / "programme.yaml"))


def test_every_kind_is_written_beside_the_programme_and_says_what_screens_show(venue, capsys) -> None:
    code, out, _ = notice(capsys, "full", "Salle IX", "--overflow", "Salle VIII", "--at", DAY + "14:05")
    assert code == 0
    assert out.splitlines()[1:] == [
        "  door Salle IX: Salle complète — Suivez la session en Salle VIII (Aussi en cours\u202f: Salle VII)"
        " | Room full — Follow the session in Room VIII (Also on now: Room VII)",
        "  door Salle VIII: Salle complète — Retransmission de Salle IX (salle complète)"
        " | Room full — Live from Room IX (room full)",
        "  overview, Salle IX: Salle complète — Suivez la session en Salle VIII"
        " (Aussi en cours\u202f: Salle VII)"
        " | Room full — Follow the session in Room VIII (Also on now: Room VII)",
    ]
    assert notice(capsys, "delay", "salle-ix", "15", "--from", "15:50", "--at", DAY + "14:06")[0] == 0
    assert notice(capsys, "moved", "Salle VIII 15:45", "--to", "Salle I", "--at", DAY + "14:07")[0] == 0
    assert notice(capsys, "cancelled", "cocktail", "--at", DAY + "14:08")[0] == 0
    code, out, _ = notice(
        capsys, "message", "--rooms", "restaurant", "--fr", "Vestiaire fermé", "--en", "Cloakroom closed",
        "--until", "15:30", "--at", DAY + "14:09",
    )  # fmt: skip
    assert code == 0 and "door Restaurant 7ème étage: Information — Vestiaire fermé" in out
    code, out, _ = notice(capsys, "emergency", "--from", "16:30", "--until", "16:45", "--at", DAY + "14:10")
    assert code == 0 and out.splitlines()[1].startswith("  every screen, doors and overview: Évacuation — ")

    notices = saved(venue)
    assert [(n.id, n.kind) for n in notices] == [
        ("full-salle-ix-1405", "full"),
        ("delay-salle-ix-1550", "delay"),
        ("moved-workshop-b-1407", "moved"),
        ("cancelled-cocktail-1408", "cancelled"),
        ("message-restaurant-1409", "message"),
        ("emergency-venue-1630", "emergency"),
    ]
    full = notices.get("full-salle-ix-1405")
    # The full room's notice ends with the session on in it.
    assert (full.session, full.end.isoformat()) == ("mission-skills-gender", "2023-03-28T15:30:00+02:00")
    assert notices.get("message-restaurant-1409").end.isoformat() == "2023-03-28T15:30:00+02:00"


def test_a_time_alone_means_the_programmes_day_for_a_rehearsal_the_day_before(venue, capsys) -> None:
    assert notice(capsys, "delay", "Salle IX", "10", "--from", "15:50", "--at", "2023-03-27T18:00")[0] == 0
    [delay] = saved(venue)
    assert (delay.start.isoformat(), delay.end.isoformat()) == (
        "2023-03-28T15:50:00+02:00",
        "2023-03-29T00:00:00+02:00",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["full", "Salle X"], "kiosk notice full: room: unknown room 'Salle X'; rooms are: salle-i,"),
        (["full", "Salle IX", "--overflow", "Salle IX"], "overflow: the overflow is the full room itself"),
        (["moved", "workshop-a", "--to", "Salle IX"], "to: 'workshop-a' is already in 'salle-ix'"),
        (["moved", "Salle IX 15:40", "--to", "Salle I"], "no session starts at 15:40 in salle-ix"),
        (["cancelled", "coktail"], "unknown session 'coktail': give its id (did you mean 'cocktail'?)"),
        (["message", "--fr", "x", "--from", "15:00", "--until", "14:00"], "ends (14:00) before it starts"),
        (["delay", "Salle IX", "0"], "minutes: 0: a delay is between 1 and 240 minutes"),
        (["emergency", "--from", "25:00"], "'25:00' is not a time"),
        (["clear", "nope"], "no notice 'nope' (notices: none)"),
    ],
)
def test_a_refused_notice_leaves_the_file_alone(venue, capsys, argv, message) -> None:
    code, out, err = notice(capsys, *argv, "--at", DAY + "14:05")
    assert code == 1 and out == ""
    assert message in err, err
    assert not (venue / "notices.yaml").exists()


def test_a_broken_file_is_reported_where_it_is_and_kept(venue, capsys) -> None:
    broken = "format: 1\nnotices:\n  - {id: a, kind: ful, room: salle-ix}\n"
    (venue / "notices.yaml").write_text(broken, encoding="utf-8")
    code, _, err = notice(capsys, "emergency", "--at", DAY + "14:05")
    assert code == 1
    assert err.startswith(
        f"{venue / 'notices.yaml'}:3:19: notices[0].kind: 'ful' is not known; did you mean 'full'?"
    )
    assert (venue / "notices.yaml").read_text(encoding="utf-8") == broken
    assert err.endswith(
        f"kiosk notice: fix {venue / 'notices.yaml'}, or start again with: kiosk notice clear --all\n"
    )
    # The way out: clearing everything needs nothing read first.
    assert notice(capsys, "clear", "--all")[0] == 0
    assert len(saved(venue)) == 0


def test_list_clear_and_ended_notices(venue, capsys) -> None:
    notice(capsys, "message", "--fr", "Café", "--en", "Coffee", "--until", "10:00", "--at", DAY + "09:00")
    notice(capsys, "emergency", "--from", "16:30", "--at", DAY + "09:01")
    code, out, _ = notice(capsys, "list", "--json", "--at", DAY + "09:30")
    rows = json.loads(out)
    assert [(r["id"], r["state"], r["text"]["en"]) for r in rows] == [
        ("message-venue-0900", "in force", "Coffee"),
        ("emergency-venue-1630", "to come", "Leave the building by the nearest exit. Do not use the lifts."),
    ]
    # Writing again drops what has ended.
    code, out, _ = notice(capsys, "cancelled", "cocktail", "--at", DAY + "11:00")
    assert "dropped message-venue-0900: it ended 2023-03-28 10:00 (before 2023-03-28 11:00)" in out
    assert [n.id for n in saved(venue)] == ["emergency-venue-1630", "cancelled-cocktail-1100"]
    code, out, _ = notice(capsys, "clear", "emergency-venue-1630")
    assert (
        code == 0
        and out == "cleared emergency-venue-1630 (emergency): the screens show the programme again\n"
    )
    assert notice(capsys, "clear", "--all")[0] == 0
    assert len(saved(venue)) == 0


def test_the_file_is_the_configured_one(venue, capsys, monkeypatch) -> None:
    elsewhere = venue / "ops" / "today.yaml"
    monkeypatch.setenv("KIOSK_NOTICES", str(elsewhere))
    assert notice(capsys, "emergency", "--at", DAY + "14:05")[0] == 0
    assert elsewhere.exists() and not (venue / "notices.yaml").exists()
    config = venue / "kiosk.yaml"
    config.write_text("notices: mine.yaml\n", encoding="utf-8")
    monkeypatch.delenv("KIOSK_NOTICES")
    assert notice(capsys, "emergency", "--config", str(config), "--at", DAY + "14:05")[0] == 0
    assert (venue / "mine.yaml").exists()  # relative to the configuration file's folder
