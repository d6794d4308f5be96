"""`kiosk notice`: full rooms, delays, moves, cancellations, messages and emergencies, for the day's team.

Each command reads the device's programme and notices file (the configuration's `programme:` and
`notices:`), checks the new notice exactly as a hand-edited file is checked, writes the file atomically
(the running screens follow within a second) and says what each screen now shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from ..atomic import write_atomically
from ..clock import SystemClock, parse_when
from ..config import config_from_args
from ..notices import Notices, NoticesError, apply, dump_notices, load_notices, parse_notices, words
from ..notices import edit as notice_edit
from ..notices.json import notice_json
from ..programme import Programme
from ..sources import is_url, read_any

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def add_notice_command(command) -> None:
    """Declare `kiosk notice KIND …` with the CLI's own ``command(name, help, func)`` factory."""
    parent = command(
        "notice", "show a full room, a delay, a move, a cancellation, a message or an emergency", run
    )
    sub = parent.add_subparsers(dest="action", required=True, metavar="KIND")

    def kind(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        _common(p)
        p.add_argument("--from", dest="start", metavar="WHEN", help="start: 14:05 or ISO 8601 (default: now)")
        p.add_argument("--until", metavar="WHEN", help="end (default: the end of that day)")
        p.add_argument("--id", dest="notice_id", metavar="ID", help="the notice's id (default: made up)")
        _texts(p)
        return p

    p = kind("full", "a room is full; --overflow names the room where the session is also shown")
    p.add_argument("room", metavar="ROOM")
    p.add_argument("--overflow", metavar="ROOM")
    p.add_argument(
        "--session", metavar="SESSION", help="default: the one on in the room (the notice ends with it)"
    )
    p = kind("delay", "a room runs MINUTES late from --from (default now): its sessions are shown later")
    p.add_argument("room", metavar="ROOM")
    p.add_argument("minutes", type=int, metavar="MINUTES")
    p = kind("moved", "a session moved to another room")
    p.add_argument("session", metavar="SESSION", help='its id, or its room and start: "Salle IX 15:45"')
    p.add_argument("--to", required=True, metavar="ROOM")
    p = kind("cancelled", "a session will not take place")
    p.add_argument("session", metavar="SESSION", help='its id, or its room and start: "Salle IX 15:45"')
    p = kind("message", "free text for some rooms (--rooms) or the whole venue")
    p.add_argument("--rooms", nargs="+", metavar="ROOM", help="default: every screen")
    p.add_argument("--warning", action="store_true", help="a warning rather than an information")
    kind("emergency", "every screen shows only this, full screen, until it is cleared")

    p = sub.add_parser(
        "list", help="the notices in the file, in force or to come", description="list notices"
    )
    _common(p)
    p.add_argument("--json", action="store_true", help="one JSON list, each notice with its words")
    p = sub.add_parser(
        "clear", help="remove notices: the screens go back to the programme", description="clear"
    )
    _common(p)
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--all", action="store_true", help="every notice")


def _common(p: argparse.ArgumentParser) -> None:
    # SUPPRESS: the `kiosk notice` parser's own --programme stays when a kind does not repeat it.
    p.add_argument("--programme", default=argparse.SUPPRESS, metavar="FILE", help="the programme")
    p.add_argument("--notices", default=argparse.SUPPRESS, metavar="FILE", help="the notices file")
    p.add_argument("--config", default=argparse.SUPPRESS, metavar="FILE", help="a configuration file")
    p.add_argument("--at", metavar="WHEN", help="the instant taken as now (a rehearsal); default now")
    p.add_argument(
        "--fleet",
        action="store_true",
        help="the notices every screen of the fleet bus follows (the configuration's fleet:), not the file",
    )


def _texts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--fr", metavar="TEXT", help="the text in French (default: words made from the kind)")
    p.add_argument("--en", metavar="TEXT", help="the text in English")
    p.add_argument("--text", action="append", default=[], metavar="LANG=TEXT", help="another language")


def run(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    programme = read_any(config.programme_source)
    path = config.notices_source
    if args.fleet:
        return _on_the_fleet(args, config, programme)
    if is_url(path):
        print(
            f"kiosk notice: {path} is a web address: notices are written where the file is", file=sys.stderr
        )
        return EXIT_USAGE
    if args.action == "clear" and args.all:
        # The way out of any state, a broken file included: nothing to read first.
        write_atomically(path, dump_notices(Notices((), path)))
        print(f"cleared every notice in {path}: the screens show the programme again")
        return EXIT_OK
    try:
        current = load_notices(path, programme)
    except NoticesError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"kiosk notice: fix {path}, or start again with: kiosk notice clear --all", file=sys.stderr)
        return EXIT_INVALID
    return _edit(
        args, programme, current, path, lambda notices: write_atomically(path, dump_notices(notices))
    )


def _on_the_fleet(args: argparse.Namespace, config, programme: Programme) -> int:
    """The same edit, on the notices retained on the fleet bus: read there, checked, published there."""
    from ..fleet.operator import FleetError, fleet_notices, publish_notices

    try:
        where = config.values.get("fleet") or ""
        current = parse_notices(fleet_notices(config), f"{where} notices", programme)
        return _edit(
            args, programme, current, where, lambda notices: publish_notices(config, dump_notices(notices))
        )
    except FleetError as err:
        print(f"kiosk notice {args.action}: {err}", file=sys.stderr)
        return EXIT_INVALID


def _edit(args: argparse.Namespace, programme: Programme, current: Notices, path: str, save) -> int:
    """List, clear or add to ``current``; ``save`` writes the result where it came from."""
    now = parse_when(args.at, programme.event.zone) if args.at else SystemClock().now()
    try:
        if args.action == "list":
            return _list(current, programme, now, args.json)
        if args.action == "clear":
            if not args.ids and not args.all:
                raise notice_edit.NoticeRefused("say which notices: kiosk notice clear ID… or --all")
            notices, gone = notice_edit.clear(current, args.ids, args.all)
            save(notices)
            for notice in gone:
                print(f"cleared {notice.id} ({notice.kind}): the screens show the programme again")
            return EXIT_OK
        fields = _fields(args, programme, current, now)
        notices, notice = notice_edit.add(current, fields, programme, now)
    except notice_edit.NoticeRefused as err:
        print(f"kiosk notice {args.action}: {err}", file=sys.stderr)
        return EXIT_INVALID
    save(notices)
    zone = programme.event.zone
    start = f"{notice.start.astimezone(zone):%Y-%m-%d %H:%M:%S}" if notice.start else "now"
    print(f"saved {notice.id} in {path}, from {start} until {notice.end.astimezone(zone):%Y-%m-%d %H:%M:%S}")
    # Writing the file drops what has ended: say so, so that a rehearsal on another day is not surprised.
    kept = {n.id for n in notices}
    for ended in (n for n in current if n.id not in kept):
        end, at = ended.end.astimezone(zone), now.astimezone(zone)
        print(f"  dropped {ended.id}: it ended {end:%Y-%m-%d %H:%M} (before {at:%Y-%m-%d %H:%M})")
    for line in notice_edit.screens(programme, notices, notice, now):
        print(f"  {line}")
    return EXIT_OK


def _fields(args: argparse.Namespace, programme: Programme, current: Notices, now: dt.datetime) -> dict:
    """The new notice as its file writes it, from the command's arguments."""
    start = notice_edit.when(args.start, programme, now) if args.start else now
    fields: dict = {"kind": args.action}
    subject = args.action
    if args.action in ("full", "delay"):
        room = programme.find_room(args.room)
        fields["room"] = room.id if room else args.room  # an unknown room is said by the check
        subject = fields["room"]
    if args.action == "full":
        session = None
        if args.session:
            session = notice_edit.find_session(programme, args.session, now)
        elif room is not None:
            session = notice_edit.on_now(programme, room.id, start)
        if session is not None:
            fields["session"] = session.id
        if args.overflow:
            fields["overflow"] = args.overflow
    if args.action == "delay":
        fields["minutes"] = args.minutes
    if args.action in ("moved", "cancelled"):
        session = notice_edit.find_session(programme, args.session, now)
        fields["session"] = session.id
        subject = session.id
    if args.action == "moved":
        fields["to"] = args.to
    if args.action == "message":
        if args.rooms:
            fields["rooms"] = args.rooms
        if args.warning:
            fields["level"] = "warning"
        subject = "venue" if not args.rooms else args.rooms[0]
    if args.action == "emergency":
        subject = "venue"
    fields["from"] = start.isoformat(timespec="seconds")
    if args.until:
        fields["until"] = notice_edit.when(args.until, programme, now).isoformat(timespec="seconds")
    text = {lang: value for lang, value in (("fr", args.fr), ("en", args.en)) if value}
    for item in args.text:
        lang, sep, value = item.partition("=")
        if not sep or not value.strip():
            raise notice_edit.NoticeRefused(f"--text {item!r}: write LANG=TEXT, e.g. --text de=Saal voll")
        text[lang.strip()] = value
    if text:
        fields["text"] = text
    fields = {"id": args.notice_id or notice_edit.new_id(current, args.action, subject, start), **fields}
    return fields


def _list(current: Notices, programme: Programme, now: dt.datetime, as_json: bool) -> int:
    in_force = {n.id for n in apply(programme, current, now).notices}
    if as_json:
        rows = [
            notice_json(n, programme) | {"state": _state(n, now, in_force)} for n in current if n.end > now
        ]
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    zone = programme.event.zone
    lang = programme.event.languages[0]
    for notice in current:
        if notice.end <= now:
            continue
        start = f"{notice.start.astimezone(zone):%H:%M}" if notice.start else "—"
        rooms = ", ".join(notice.rooms) or "venue"
        print(
            "\t".join(
                [
                    notice.id,
                    notice.kind,
                    rooms,
                    f"{start}–{notice.end.astimezone(zone):%H:%M}",
                    _state(notice, now, in_force),
                    words.text(notice, programme, lang),
                ]
            )
        )
    return EXIT_OK


def _state(notice, now: dt.datetime, in_force: set[str]) -> str:
    if notice.id in in_force:
        return "in force"
    return "to come" if notice.start and notice.start > now else "set aside"
