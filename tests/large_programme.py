"""A day bigger than any screen, for the overview's paging: a programme file generated in the test.

Twelve rooms (ten meeting rooms, the restaurant and the foyer) and eighty sessions by default: talks
every 45 minutes in every meeting room, coffee breaks, lunch and a cocktail for everyone, and an
umbrella block whose parallel parts take the first four rooms in the early afternoon. Titles are
long on purpose, as real ones are. Deterministic: the same arguments give the same programme.
"""

from __future__ import annotations

import json

from kiosk.programme import Programme, parse_programme

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"]
_TOPICS = [
    (
        "Éducation numérique et inclusion dans les zones rurales",
        "Digital education and inclusion in rural areas",
    ),
    ("Former les enseignants à l’ère de l’intelligence artificielle", "Training teachers in the age of AI"),
    ("Financer durablement les partenariats éducatifs", "Sustainable financing of education partnerships"),
    ("Écoles vertes : des bâtiments aux programmes", "Green schools: from buildings to curricula"),
    ("Mesurer les acquis : données ouvertes et évaluation", "Measuring learning: open data and assessment"),
    ("Connectivité des écoles : retours d’expérience", "School connectivity: lessons learnt"),
    ("Apprentissage tout au long de la vie et compétences", "Lifelong learning and skills"),
]
# Talk slots in the meeting rooms, 40 minutes each; the venue-wide moments sit between them.
_SLOTS = ["09:00", "09:45", "11:00", "11:45", "13:30", "14:15", "15:45", "16:30", "17:15"]
_BLOCK = ("13:30", "15:15")  # the umbrella block: its parts replace the talks of the first rooms
_BLOCK_ROOMS = 4
_VENUE_WIDE = [
    ("coffee-am", "10:30", "10:45", "foyer", "break", ("Pause café", "Coffee break")),
    ("lunch", "12:30", "13:30", "restaurant", "meal", ("Déjeuner", "Lunch")),
    ("coffee-pm", "15:30", "15:45", "foyer", "break", ("Pause café", "Coffee break")),
    ("cocktail", "18:00", "19:00", "foyer", "social", ("Cocktail", "Reception")),
]


def _end(start: str, minutes: int) -> str:
    hours, mins = divmod(int(start[:2]) * 60 + int(start[3:]) + minutes, 60)
    return f"{hours:02d}:{mins:02d}"


def _text(fr: str, en: str) -> dict[str, str]:
    return {"fr": fr, "en": en}


def large_programme(rooms: int = 12, sessions: int = 80) -> Programme:
    """``rooms`` rooms (the last two the restaurant and the foyer) and exactly ``sessions`` sessions,
    blocks and parts included."""
    return parse_programme(large_programme_text(rooms, sessions), "large-programme.yaml")


def large_programme_text(rooms: int = 12, sessions: int = 80) -> str:
    """The programme file of :func:`large_programme` (to render it with `kiosk render --programme`)."""
    meeting_rooms = rooms - 2
    if not _BLOCK_ROOMS <= meeting_rooms <= len(_ROMAN):
        raise ValueError(f"between {_BLOCK_ROOMS + 2} and {len(_ROMAN) + 2} rooms")
    room_list = [
        {"id": f"r{i}", "name": _text(f"Salle {_ROMAN[i]}", f"Room {_ROMAN[i]}")}
        for i in range(meeting_rooms)
    ]
    room_list += [
        {"id": "restaurant", "name": _text("Restaurant du 7e étage", "Restaurant (7th floor)")},
        {"id": "foyer", "name": _text("Foyer de la salle I", "Room I foyer")},
    ]
    entries: list[dict] = [
        {"id": sid, "start": start, "end": end, "room": room, "kind": kind, "title": _text(*title)}
        for sid, start, end, room, kind, title in _VENUE_WIDE
    ]
    parts = [
        {
            "id": f"track-{i}",
            "room": f"r{i}",
            "title": _text(f"Atelier {_ROMAN[i]} : {fr}", f"Workshop {_ROMAN[i]}: {en}"),
        }
        for i, (fr, en) in zip(range(_BLOCK_ROOMS), _TOPICS, strict=False)
    ]
    entries.append(
        {
            "id": "tracks",
            "start": _BLOCK[0],
            "end": _BLOCK[1],
            "kind": "workshop",
            "title": _text("Ateliers thématiques en parallèle", "Parallel thematic workshops"),
            "parts": parts,
        }
    )
    talks = sessions - len(_VENUE_WIDE) - 1 - _BLOCK_ROOMS
    free = [
        (slot, i)
        for slot in _SLOTS
        for i in range(meeting_rooms)
        if not (i < _BLOCK_ROOMS and _BLOCK[0] <= slot < _BLOCK[1])
    ]
    if not 0 <= talks <= len(free):
        raise ValueError(f"between {sessions - talks} and {sessions - talks + len(free)} sessions")
    for n, (slot, i) in enumerate(free[:talks]):
        fr, en = _TOPICS[n % len(_TOPICS)]
        entries.append(
            {
                "id": f"talk-{n}",
                "start": slot,
                "end": _end(slot, 40),
                "room": f"r{i}",
                "kind": "talk",
                "title": _text(f"{fr} ({n + 1})", f"{en} ({n + 1})"),
            }
        )
    document = {
        "format": 1,
        "event": {
            "id": "big-day",
            "title": _text("Forum international de l’éducation", "International education forum"),
            "languages": ["fr", "en"],
            "timezone": "Europe/Paris",
            "dates": {"first": "2023-03-28", "last": "2023-03-28"},
        },
        "rooms": room_list,
        "sessions": entries,
    }
    # JSON is YAML too: the loader reads it as it reads any programme file.
    return json.dumps(document, ensure_ascii=False, indent=1)
