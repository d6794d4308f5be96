"""`kiosk import SOURCE -o programme.yaml`: an event tool's export turned into a kiosk programme file."""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
from pathlib import Path

from ..atomic import write_atomically
from ..programme import ProgrammeError, check_programme
from ..programme.load import read_file
from ..sources import KIOSK_YAML, check_any, format_of, is_url
from ..sources.write import programme_yaml
from .zone import given_zone

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def add_import_command(command) -> None:
    """Declare `kiosk import` with the CLI's own ``command(name, help, func)`` factory."""
    p = command(
        "import",
        "turn a frab/pretalx XML or JSON schedule or an iCalendar file into a kiosk programme YAML",
        cmd_import,
    )
    p.add_argument("source", metavar="SOURCE", help="the export: a file, or an http(s):// address")
    p.add_argument(
        "-o", "--output", default="-", metavar="FILE", help="where to write the programme (default: stdout)"
    )


def cmd_import(args: argparse.Namespace) -> int:
    zone = given_zone(args)  # a UsageError for a name that is not a zone, printed by main
    data, name = _source(args.source, zone)
    if data is None:
        return EXIT_INVALID
    programme, problems = check_any(data, name, zone)
    for problem in problems:
        print(problem, file=sys.stderr)
    if programme is None:
        print(f"{name}: nothing usable to import", file=sys.stderr)
        return EXIT_INVALID
    text = programme_yaml(programme, f"{Path(name).name} ({format_of(data)})")
    # The written file must be one the kiosk accepts; a failure here is a bug in the importer.
    written, written_problems = check_programme(text, args.output)
    if written is None:
        for problem in written_problems:
            print(problem, file=sys.stderr)
        print(f"{name}: the imported programme does not validate; please report it", file=sys.stderr)
        return EXIT_INVALID
    if args.output == "-":
        sys.stdout.write(text)
    else:
        try:
            # Beside the target and renamed over it: a screen watching the file never reads half of it.
            write_atomically(Path(args.output), text.encode("utf-8"))
        except OSError as err:
            print(f"{args.output}: cannot write the file: {err.strerror}", file=sys.stderr)
            return EXIT_INVALID
    kind = "" if format_of(data) == KIOSK_YAML else f" from {format_of(data)}"
    skipped = sum(1 for p in problems if p.warning)
    print(
        f"{name}: {len(programme.rooms)} rooms, {len(programme.sessions)} sessions imported{kind}"
        + (f"; {skipped} warning{'s' if skipped != 1 else ''} above" if skipped else ""),
        file=sys.stderr,
    )
    return EXIT_OK


def _source(source: str, zone: str | None) -> tuple[bytes | None, str]:
    if is_url(source):
        from ..sources.remote import check_programme, fetch

        with tempfile.TemporaryDirectory(prefix="kiosk-import-") as cache:
            result = fetch(source, cache, check=functools.partial(check_programme, timezone=zone))
            if result.path is None:
                print(f"{source}: {result.error}", file=sys.stderr)
                return None, source
            return result.path.read_bytes(), source
    try:
        return read_file(source), source
    except ProgrammeError as err:
        print(err.first, file=sys.stderr)
        return None, source
