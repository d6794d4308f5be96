"""Static labels of the screens, one catalogue per language, and dates and durations in words. Qt-free.

Each screen language has its own catalogue, `kiosk/present/catalogues/LANG.toml`: the labels, the compact
units of a duration, its writing direction and its dates: CLDR's patterns and names, copied in by
`python -m kiosk.present.catalogues` with Babel (why a copy: see that module). A language without a catalogue
cannot be a screen language (the programme check says so); nothing falls back to English in disguise.

French follows French typography: a narrow no-break space (U+202F) before : ; ! ? and inside « ».
"""

from __future__ import annotations

import datetime as dt

from ..languages import base, catalogue_file, has_catalogue, with_catalogue

NNBSP = "\u202f"  # narrow no-break space


def languages() -> tuple[str, ...]:
    """Every language with a catalogue."""
    return with_catalogue()


def catalogue(lang: str) -> dict[str, str]:
    """The labels of ``lang``; KeyError for a language without a catalogue."""
    if not has_catalogue(lang):
        raise KeyError(f"no catalogue for the language {lang!r} (there are: {', '.join(languages())})")
    return catalogue_file(base(lang))["labels"]


def label(lang: str, key: str, **values: str) -> str:
    return catalogue(lang)[key].format(nnbsp=NNBSP, **values)


def right_to_left(lang: str) -> bool:
    return has_catalogue(lang) and catalogue_file(base(lang))["language"]["direction"] == "rtl"


def autonym(lang: str) -> str:
    """The language's name in itself: Français, العربية, 中文."""
    return catalogue_file(base(lang))["language"]["name"] if has_catalogue(lang) else lang


def clock(instant: dt.datetime) -> str:
    """24-hour wall-clock time, the same digits in every screen language here: 14:00."""
    return f"{instant:%H:%M}"


def time_range(start: dt.datetime, end: dt.datetime) -> str:
    return f"{clock(start)} – {clock(end)}"


def _date(day: dt.date, lang: str, pattern: str) -> str:
    dates = catalogue_file(base(lang))["dates"]
    return dates[pattern] % {
        "EEEE": dates["days"][day.weekday()],
        "d": str(day.day),
        "dd": f"{day.day:02d}",
        "MMMM": dates["months"][day.month - 1],
        "MMM": dates["months_short"][day.month - 1],
        "M": str(day.month),
        "MM": f"{day.month:02d}",
        "y": str(day.year),
    }


def long_date(day: dt.date, lang: str) -> str:
    """mardi 28 mars 2023 / Tuesday, 28 March 2023 / 2023年3月28日星期二 (CLDR's full date)."""
    return _date(day, lang, "full")


def short_date(day: dt.date, lang: str, abbreviated: bool = False) -> str:
    """28 mars / 28 March / 3月28日: a day of the same event, where the year goes without saying;
    abbreviated (29 déc. / 29 Dec) where a column is narrow. No-break spaces keep it whole."""
    return _date(day, lang, "day_month_short" if abbreviated else "day_month").replace(" ", "\u00a0")


def duration(minutes: int, lang: str) -> str:
    """23 min, 1 h 05, 2 h in the language's own units (no-break spaces keep it on one line)."""
    units = catalogue_file(base(lang))["durations"]
    minutes = max(0, minutes)
    if minutes < 60:
        return units["minutes"].format(m=minutes)
    hours, rest = divmod(minutes, 60)
    return (
        units["hours_minutes"].format(h=hours, mm=f"{rest:02d}") if rest else units["hours"].format(h=hours)
    )


def whole_minutes(delta: dt.timedelta) -> int:
    """Minutes as a person counts them on a clock: 10:02 → 10:25 is 23 min, whatever the seconds."""
    return max(0, -int(-delta.total_seconds() // 60))
