"""Static labels of the screens, one catalogue per language, and dates and durations in words. Qt-free.

French follows French typography: a narrow no-break space (U+202F) before : ; ! ? and inside « ».
A language without a catalogue falls back to English labels; a venue working in up to six languages
adds one dictionary here.
"""

from __future__ import annotations

import datetime as dt

NNBSP = "\u202f"  # narrow no-break space

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "now": "En cours",
        "next": "Ensuite",
        "left": "encore {duration}",
        "in": "dans {duration}",
        "first_session": "Première session à {time}",
        "free_until": "Salle libre jusqu’à {time}",
        "no_more_today": "Plus de session dans cette salle aujourd’hui",
        "no_sessions": "Aucune session prévue dans cette salle",
        "before_event": "L’événement commence le {date}",
        "after_event": "L’événement est terminé",
        "meanwhile": "Pendant ce temps",
        "go_on": "La journée continue",
        "also_now": "Aussi en cours{nnbsp}:",
        "interpretation": "Interprétation",
        "moderator": "Modération{nnbsp}: {names}",
        "speaker": "Avec {names}",
        "host": "Animation{nnbsp}: {names}",
        "organiser": "Organisation{nnbsp}: {names}",
        "panellist": "Panel{nnbsp}: {names}",
        "programme_error": "Erreur de programme",
        "rehearsal": "Répétition",
        "room": "Salle",
        "day": "Programme de la journée",
        "venue_wide": "Pour tous",
        "until": "jusqu’à {time}",
        "at": "à {time}",
        "parallel": "En parallèle",
        "page": "Page {page}/{pages}",
        "free": "Libre",
        "done_today": "Terminé pour aujourd’hui",
        "done": "Terminé",
        "no_sessions_short": "Aucune session",
        "nothing_next": "Plus rien aujourd’hui",
        "more_later": "+\u00a0{count} plus tard",
        "continued": "{title} (suite)",
    },
    "en": {
        "now": "Now",
        "next": "Next",
        "left": "{duration} left",
        "in": "in {duration}",
        "first_session": "First session at {time}",
        "free_until": "Room free until {time}",
        "no_more_today": "No more sessions in this room today",
        "no_sessions": "No sessions planned in this room",
        "before_event": "The event begins on {date}",
        "after_event": "The event is over",
        "meanwhile": "Meanwhile",
        "go_on": "The day goes on",
        "also_now": "Also on now:",
        "interpretation": "Interpretation",
        "moderator": "Moderator: {names}",
        "speaker": "With {names}",
        "host": "Hosted by {names}",
        "organiser": "Organised by {names}",
        "panellist": "Panel: {names}",
        "programme_error": "Programme error",
        "rehearsal": "Rehearsal",
        "room": "Room",
        "day": "Today’s programme",
        "venue_wide": "For everyone",
        "until": "until {time}",
        "at": "at {time}",
        "parallel": "In parallel",
        "page": "Page {page}/{pages}",
        "free": "Free",
        "done_today": "Done for today",
        "done": "Done",
        "no_sessions_short": "No sessions",
        "nothing_next": "Nothing more today",
        "more_later": "+\u00a0{count} more later",
        "continued": "{title} (continued)",
    },
}

_DAYS = {
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
_MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def catalogue(lang: str) -> dict[str, str]:
    return LABELS.get(lang) or LABELS.get(lang.split("-")[0]) or LABELS["en"]


def label(lang: str, key: str, **values: str) -> str:
    return catalogue(lang)[key].format(nnbsp=NNBSP, **values)


def clock(instant: dt.datetime) -> str:
    """24-hour wall-clock time, the same in every language here: 14:00."""
    return f"{instant:%H:%M}"


def time_range(start: dt.datetime, end: dt.datetime) -> str:
    return f"{clock(start)} – {clock(end)}"


def long_date(day: dt.date, lang: str) -> str:
    """mardi 28 mars 2023 / Tuesday 28 March 2023 (ISO for a language without names)."""
    base = lang.split("-")[0]
    if base not in _DAYS:
        return day.isoformat()
    first = "1er" if base == "fr" and day.day == 1 else str(day.day)
    return f"{_DAYS[base][day.weekday()]} {first} {_MONTHS[base][day.month - 1]} {day.year}"


def duration(minutes: int, lang: str) -> str:
    """23 min, 1 h 05, 2 h (the same in French and English; a no-break space keeps it on one line)."""
    minutes = max(0, minutes)
    if minutes < 60:
        return f"{minutes}\u00a0min"
    hours, rest = divmod(minutes, 60)
    return f"{hours}\u00a0h\u00a0{rest:02d}" if rest else f"{hours}\u00a0h"


def whole_minutes(delta: dt.timedelta) -> int:
    """Minutes as a person counts them on a clock: 10:02 → 10:25 is 23 min, whatever the seconds."""
    return max(0, -int(-delta.total_seconds() // 60))


def short_date(day: dt.date, lang: str) -> str:
    """29 mars / 29 March: a day of the same event, where the year goes without saying."""
    base = lang.split("-")[0]
    if base not in _MONTHS:
        return day.isoformat()
    first = "1er" if base == "fr" and day.day == 1 else str(day.day)
    return f"{first}\u00a0{_MONTHS[base][day.month - 1]}"
