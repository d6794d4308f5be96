"""What the overview says, in words, in one language: OverviewState → OverviewText. Qt-free.

Each row of the board (kiosk.present.board gives their order and pages) and of the day's agenda, in
words. The venue-wide moment on now, or the next one today (lunch, coffee, cocktail), has a banner
of its own above the board.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields

from .. import schedule
from ..notices import Applied
from ..programme import Programme, Session, Sign, Text
from . import words
from .board import BoardEntry, board_plan
from .notices import printed_clock, room_mark
from .ways import way_to


@dataclass(frozen=True)
class BoardRow:
    """A row of the board in words (field names are the QML property names of the bridge's BoardRow)."""

    kind: str = "room"  # "room" or "group"
    short: bool = False  # one line of text: SHORT_ROWS of a room's row
    grouped: bool = False  # a room in a group: drawn joined to the group's header
    lastInGroup: bool = False
    # a room
    roomName: str = ""
    roomNames: str = ""  # the name in every language, one a line: a short line makes room for the widest
    arrow: str = ""  # the way to the room from this screen's sign (kiosk.present.ways): "" without one
    angle: float = 0.0
    wayWords: str = ""  # Lifts on your left, 7th floor
    phase: str = ""  # "ongoing", "free" or "done": how the row is drawn (always with words)
    nowTitle: str = ""
    nowUntil: str = ""  # jusqu'à 11:05
    nowTag: str = ""  # Pour tous, when what is on is for everyone
    nowNote: str = ""  # Libre / Terminé pour aujourd'hui, when nothing is on
    nowAlso: str = ""  # Aussi en cours : the other sessions on now in this room (overlaps)
    nowPrinted: str = ""  # a delay: the printed end, struck through beside the new one
    nextAt: str = ""  # 14:00 (with the day when it is not today)
    nextTitle: str = ""
    nextTag: str = ""
    nextNote: str = ""  # Plus rien aujourd'hui
    nextPrinted: str = ""  # a delay: the printed start, struck through beside the new one
    # A notice of this room (kiosk.present.notices.room_mark): its kind, and its heading in words.
    markKind: str = ""
    markLabel: str = ""
    # a group's header
    groupLabel: str = ""  # En parallèle
    groupTitle: str = ""
    groupTime: str = ""  # 14:00 – 15:30
    groupStatus: str = ""  # En cours / à 14:00
    groupOngoing: bool = False


@dataclass(frozen=True)
class AgendaRow:
    """A row of the day's agenda in words (field names: the QML property names of the bridge's AgendaRow)."""

    time: str = ""  # 10:05
    printedTime: str = ""  # a delay: the printed start, struck through beside the new one
    title: str = ""
    where: str = ""  # Salle I, or the rooms of a block's parts
    tag: str = ""  # Pour tous
    phase: str = ""  # "past", "current", "future", or "cancelled" (struck through, never on now)
    phaseWord: str = ""  # Terminé / En cours / Annulé: the phase never by colour alone


@dataclass(frozen=True)
class OverviewText:
    """Every string of the overview in one language (field names are the QML property names)."""

    eventTitle: str = ""
    subtitle: str = ""  # mardi 28 mars 2023 · Siège de l'UNESCO
    clock: str = ""
    roomHeading: str = ""
    nowHeading: str = ""
    nextHeading: str = ""
    pageLabel: str = ""  # Page 1/2, only when the board has more than one page
    boardWays: bool = False  # the rows show the way to each room (the screen's sign): a wider room column
    hasVenue: bool = False
    venueOngoing: bool = False
    venueLabel: str = ""  # Pour tous
    venueTitle: str = ""
    venueWhere: str = ""
    venueTime: str = ""  # jusqu'à 15:45 / 15:30 – 15:45
    venueStatus: str = ""  # En cours / dans 55 min
    agendaHeading: str = ""
    agendaMore: str = ""  # + 4 plus tard, on the agenda's last page
    agendaPage: str = ""  # Page 1/3, only when the agenda has more than one page
    programmeError: str = ""
    rehearsal: str = ""
    rightToLeft: bool = False  # Arabic: the page is mirrored
    clockUnsynced: str = ""  # the system clock is not synchronised: the time shown may be wrong
    # Notices (kiosk.present.notices): the band above the board.
    noticeKind: str = ""
    noticeLabel: str = ""
    noticeText: str = ""
    noticeMore: str = ""
    noticeArrow: str = ""  # the way to where the first notice sends people (kiosk.present.ways)
    noticeAngle: float = 0.0
    noticeWords: str = ""
    board: tuple[BoardRow, ...] = field(default=())
    agenda: tuple[AgendaRow, ...] = field(default=())


def _kinds(cls: type) -> dict[str, type]:
    kinds = {"str": str, "bool": bool, "float": float}
    return {f.name: kinds[f.type] for f in fields(cls) if f.type in kinds}


BOARD_ROW_FIELDS = _kinds(BoardRow)
AGENDA_ROW_FIELDS = _kinds(AgendaRow)
OVERVIEW_TEXT_FIELDS = _kinds(OverviewText)  # the lists (board, agenda) travel as objects of their own


def _t(text: Text, lang: str, programme: Programme) -> str:
    return text.get(lang, programme.event.languages)


def agenda_window(agenda: Sequence[schedule.AgendaItem], capacity: int) -> tuple[int, ...]:
    """Which agenda items fit, by index: the item just finished (for whoever comes out of it), what is
    on now, briefly (the ones that began last, a quarter of the list at most: a day-long item must not
    hold a congress's list in the morning), then what comes next. With room to spare at the end of the
    day, earlier items fill it, so the list is never half empty."""
    if capacity <= 0 or len(agenda) <= capacity:
        return tuple(range(len(agenda)))
    by_phase: dict[str, list[int]] = {"past": [], "current": [], "future": []}
    for index, item in enumerate(agenda):
        by_phase[item.phase].append(index)
    chosen = by_phase["past"][-1:] + by_phase["current"][-max(1, capacity // 4) :]
    chosen = chosen[-capacity:] + by_phase["future"][: max(0, capacity - len(chosen))]
    earlier = [i for i in range(len(agenda)) if i < min(chosen, default=len(agenda)) and i not in chosen]
    while len(chosen) < capacity and earlier:
        chosen.append(earlier.pop())
    return tuple(sorted(chosen))


# A long agenda turns at most this many pages (each read in every language in turn), then says how
# many more come later: a congress's 280 items would take an hour to page through, stale on the way.
AGENDA_PAGES = 4


def agenda_pages(agenda: Sequence[schedule.AgendaItem], capacity: int) -> tuple[tuple[int, ...], ...]:
    """The agenda cut into pages of ``capacity`` items, by index: the first is ``agenda_window`` (the
    item just over, what is on now, what comes next), the next ones go on with what comes after it,
    in order, AGENDA_PAGES pages at most."""
    first = agenda_window(agenda, capacity)
    if capacity <= 0 or not first:
        return (first,)
    rest = list(range(max(first) + 1, len(agenda)))
    pages = [first]
    while rest and len(pages) < AGENDA_PAGES:
        pages.append(tuple(rest[:capacity]))
        rest = rest[capacity:]
    return tuple(pages)


# -- the words --------------------------------------------------------------------------------------


def overview_text(
    programme: Programme,
    state: schedule.OverviewState,
    lang: str,
    *,
    board: Sequence[BoardEntry] | None = None,
    page: tuple[int, int] = (1, 1),
    agenda_capacity: int = 0,
    agenda_page: int = 0,
    programme_error: bool = False,
    rehearsal: bool = False,
    clock_unsynced: bool = False,
    sign: Sign | None = None,
    applied: Applied | None = None,
) -> OverviewText:
    """The overview in ``lang``: ``board`` is the page of the board shown (default: all of it),
    ``page`` its number and the number of pages; with ``sign`` (where the screen hangs), each room's
    row shows the way there; ``applied``, the notices in force (each room's marker, the printed
    times of a delay). ``agenda_page``: which page of the agenda (agenda_pages), counted round."""
    zone = programme.event.zone
    local = state.at.astimezone(zone)
    if board is None:
        board = board_plan(programme, state)
    agenda = agenda_pages(state.agenda, agenda_capacity)
    number = agenda_page % len(agenda)
    shown = agenda[number]
    # What no page shows, said on the last: the pages before it end in what the next one shows.
    beyond = max(agenda[-1], default=-1)
    later = sum(1 for i, item in enumerate(state.agenda) if item.phase == "future" and i > beyond)
    later = later if number == len(agenda) - 1 else 0
    venue = programme.event.venue
    t: dict = {
        "rightToLeft": words.right_to_left(lang),
        "eventTitle": _t(programme.event.title, lang, programme),
        "subtitle": " · ".join(
            p for p in (words.long_date(local.date(), lang), _t(venue.name, lang, programme)) if p
        ),
        "clock": words.clock(local),
        "roomHeading": words.label(lang, "room"),
        "nowHeading": words.label(lang, "now"),
        "nextHeading": words.label(lang, "next"),
        "pageLabel": words.label(lang, "page", page=str(page[0]), pages=str(page[1])) if page[1] > 1 else "",
        # Outside the event's days the agenda shows its first or last day: name that day.
        "agendaHeading": words.label(lang, "day")
        if state.day == local.date()
        else words.long_date(state.day, lang),
        "agendaMore": words.label(lang, "more_later", count=str(later)) if later else "",
        "agendaPage": words.label(lang, "page", page=str(number + 1), pages=str(len(agenda)))
        if len(agenda) > 1
        else "",
        "programmeError": words.label(lang, "programme_error") if programme_error else "",
        "rehearsal": words.label(lang, "rehearsal") if rehearsal else "",
        "clockUnsynced": words.label(lang, "clock_unsynced") if clock_unsynced else "",
        "board": _board_rows(programme, board, lang, state.at, sign, applied),
        "boardWays": bool(sign and sign.ways),
        "agenda": tuple(
            agenda_row(programme, item, lang, applied) for item in (state.agenda[i] for i in shown)
        ),
    }
    moment = venue_moment(programme, state.at)
    if moment is not None:
        ongoing = moment.is_on(state.at)
        room = _t(programme.room(moment.room).name, lang, programme) if moment.room else ""
        t |= {
            "hasVenue": True,
            "venueOngoing": ongoing,
            "venueLabel": words.label(lang, "venue_wide"),
            "venueTitle": _t(moment.title, lang, programme),
            "venueWhere": room,
            "venueTime": words.label(lang, "until", time=words.clock(moment.end.astimezone(zone)))
            if ongoing
            else words.time_range(moment.start.astimezone(zone), moment.end.astimezone(zone)),
            "venueStatus": words.label(lang, "now")
            if ongoing
            else words.label(
                lang, "in", duration=words.duration(words.whole_minutes(moment.start - state.at), lang)
            ),
        }
    return OverviewText(**t)


def venue_moment(programme: Programme, at: dt.datetime) -> Session | None:
    """The venue-wide moment on now, else the next one later today (a cancelled one is not)."""
    today = schedule.local_day(programme, at)
    moments = [
        s
        for s in programme.sessions
        if s.venue_wide
        and not s.cancelled
        and s.end > at
        and (s.start <= at or schedule.local_day(programme, s.start) == today)
    ]
    return min(moments, key=lambda s: (max(s.start, at), s.start), default=None)


def _board_rows(
    programme: Programme,
    board: Sequence[BoardEntry],
    lang: str,
    at: dt.datetime,
    sign: Sign | None = None,
    applied: Applied | None = None,
) -> tuple[BoardRow, ...]:
    rows = []
    for i, entry in enumerate(board):
        following = board[i + 1] if i + 1 < len(board) else None
        last = following is None or following.block is None or following.kind == "group"
        if entry.kind == "group":
            rows.append(group_row(programme, entry, lang, at))
        else:
            rows.append(room_row(programme, entry, lang, last_in_group=last, sign=sign, applied=applied))
    return tuple(rows)


def group_row(programme: Programme, entry: BoardEntry, lang: str, at: dt.datetime) -> BoardRow:
    """The header of a group: the umbrella block, its time, and whether it is on."""
    zone = programme.event.zone
    block = entry.block
    assert block is not None
    title = _t(block.title, lang, programme)
    ongoing = block.is_on(at)
    return BoardRow(
        kind="group",
        short=True,
        grouped=True,
        groupLabel=words.label(lang, "parallel"),
        groupTitle=words.label(lang, "continued", title=title) if entry.continued else title,
        groupTime=words.time_range(block.start.astimezone(zone), block.end.astimezone(zone)),
        groupStatus=words.label(lang, "now")
        if ongoing
        else words.label(lang, "at", time=words.clock(block.start.astimezone(zone))),
        groupOngoing=ongoing,
    )


def room_row(
    programme: Programme,
    entry: BoardEntry,
    lang: str,
    *,
    last_in_group: bool = True,
    sign: Sign | None = None,
    applied: Applied | None = None,
) -> BoardRow:
    """A room's row: what is on now and until when, what is next and at what time; with notices,
    the room's marker and a delay's printed times."""
    rs = entry.room
    assert rs is not None
    zone = programme.event.zone
    today = schedule.local_day(programme, rs.at)
    venue_wide = words.label(lang, "venue_wide")
    t: dict = {
        "kind": "room",
        "short": entry.short,
        "grouped": entry.block is not None,
        "lastInGroup": entry.block is not None and last_in_group,
        "roomName": _t(rs.room.name, lang, programme),
        "roomNames": "\n".join(
            _t(rs.room.name, other, programme) for other in dict.fromkeys((*programme.event.screens, lang))
        ),
    }
    way = way_to(programme, sign, rs.room.id, lang)
    if way.arrow:
        t |= {"arrow": way.arrow, "angle": way.angle, "wayWords": way.words}
    if applied is not None:
        t |= room_mark(applied, rs.room.id, lang)
    if rs.current:
        now = rs.current[0]
        t |= {
            "phase": "ongoing",
            "nowTitle": _t(now.title, lang, programme),
            "nowUntil": words.label(lang, "until", time=words.clock(now.end.astimezone(zone))),
            "nowTag": venue_wide if now.venue_wide else "",
            "nowPrinted": printed_clock(applied, now, end=True) if applied else "",
            # Sessions side by side in one room (36c3's assemblies): every one is on the row.
            "nowAlso": f"{words.label(lang, 'also_now')} "
            + " · ".join(_t(s.title, lang, programme) for s in rs.current[1:])
            if len(rs.current) > 1
            else "",
        }
    elif rs.phase in (schedule.BETWEEN, schedule.BEFORE_FIRST, schedule.BEFORE_EVENT):
        t |= {"phase": "free", "nowNote": words.label(lang, "free")}
    elif rs.phase == schedule.NO_SESSIONS:
        t |= {"phase": "done", "nowNote": words.label(lang, "no_sessions_short")}
    else:
        t |= {"phase": "done", "nowNote": words.label(lang, "done_today")}
    nxt = rs.next
    if nxt is not None:
        start = nxt.start.astimezone(zone)
        on_another_day = start.date() != today
        t |= {
            # A plain space between day and time: a narrow column breaks the line there.
            # A narrow column: the day abbreviated and whole on its line, the time on the next.
            "nextAt": f"{words.short_date(start.date(), lang, abbreviated=True)} {words.clock(start)}"
            if on_another_day
            else words.clock(start),
            "nextTitle": _t(nxt.title, lang, programme),
            "nextTag": venue_wide if nxt.venue_wide else "",
            "nextPrinted": printed_clock(applied, nxt) if applied else "",
        }
    elif t["phase"] != "done":  # a room done for the day already says so
        t["nextNote"] = words.label(lang, "nothing_next")
    return BoardRow(**t)


def agenda_row(
    programme: Programme, item: schedule.AgendaItem, lang: str, applied: Applied | None = None
) -> AgendaRow:
    """An item of the day: when (with a delay, the printed time too), what, where; done, on now or to
    come, in words."""
    zone = programme.event.zone
    s = item.session
    # Each room once: a part moved into the room of another part (a `moved` notice) is not named twice.
    rooms = list(dict.fromkeys(r for r in (s.room, *(p.room for p in item.parts)) if r))
    return AgendaRow(
        time=words.clock(s.start.astimezone(zone)),
        printedTime=printed_clock(applied, s) if applied else "",
        title=_t(s.title, lang, programme),
        where=" · ".join(_t(programme.room(r).name, lang, programme) for r in rooms),
        tag=words.label(lang, "venue_wide") if s.venue_wide else "",
        phase="cancelled" if s.cancelled else item.phase,
        phaseWord=words.label(lang, "cancelled")
        if s.cancelled
        else {"past": words.label(lang, "done"), "current": words.label(lang, "now")}.get(item.phase, ""),
    )
