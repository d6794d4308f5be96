"""Write each catalogue's [dates] section from CLDR, through Babel: `python -m kiosk.present.catalogues`.

A running screen formats dates from these few lines, not from Babel itself: loading Babel's locale
data measured 8.2 MiB resident for French and English and 11.6 MiB for the six UNESCO languages, on a
device whose whole budget is a few MiB above a bare window. tests/unit/test_i18n.py checks, for every
catalogue and every day of several years, that the screens' dates are exactly Babel's, so the copy
can never drift from CLDR; run this again after adding a catalogue or upgrading Babel.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from babel import Locale
from babel.dates import parse_pattern

HERE = Path(__file__).parent
FIELDS = {"EEEE", "d", "dd", "MMMM", "MMM", "M", "MM", "y"}  # what words._date() can fill
HEADER = "[dates]  # CLDR, written by `python -m kiosk.present.catalogues`: do not edit by hand\n"


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\u202f", "\\u202f") + '"'


def dates_section(locale: Locale) -> str:
    full = parse_pattern(locale.date_formats["full"].pattern).format
    day_month = parse_pattern(locale.datetime_skeletons["MMMMd"].pattern).format
    day_month_short = parse_pattern(locale.datetime_skeletons["MMMd"].pattern).format
    for pattern in (full, day_month, day_month_short):
        unknown = set(re.findall(r"%\((\w+)\)s", pattern)) - FIELDS
        if unknown:
            raise SystemExit(
                f"{locale}: the date pattern {pattern!r} uses {unknown}, which kiosk cannot fill"
            )
    days = [locale.days["format"]["wide"][i] for i in range(7)]  # Monday first, as Python counts
    months = [locale.months["format"]["wide"][i] for i in range(1, 13)]
    months_short = [locale.months["format"]["abbreviated"][i] for i in range(1, 13)]
    return (
        HEADER
        + f"full = {toml_string(full)}\n"
        + f"day_month = {toml_string(day_month)}\n"
        + f"day_month_short = {toml_string(day_month_short)}\n"
        + f"days = [{', '.join(map(toml_string, days))}]\n"
        + f"months = [{', '.join(map(toml_string, months))}]\n"
        + f"months_short = [{', '.join(map(toml_string, months_short))}]\n"
    )


def main() -> None:
    for path in sorted(HERE.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        cldr = tomllib.loads(text)["language"]["cldr"]
        kept = text.split(HEADER)[0].rstrip("\n") + "\n\n"
        path.write_text(kept + dates_section(Locale.parse(cldr)), encoding="utf-8")
        print(f"{path.name}: {cldr}")


if __name__ == "__main__":
    main()
