"""A congress-sized programme for the benchmark: 100 rooms, 1 500 sessions over 4 days (issue 15).

Written as a technician would write kiosk YAML (block style, bilingual titles), deterministic.
Salle IX holds, on 28 March 2023 from 14:00 to 15:30, the session whose English title is the line
the reload benchmark edits (scenarios.TITLE_LINE, and the French line before it), so the same door and
the same marker serve both.
"""

from __future__ import annotations

import subprocess

from . import scenarios
from .process import ROOT, environment, python

ROOMS = 100
OVERVIEW_ROOMS = 92  # 36c3's rooms: the overview's congress size (issue 15.3)
SESSIONS = 1500
DAYS = ("2023-03-27", "2023-03-28", "2023-03-29", "2023-03-30")
# Four talks a day in every room: 1 600 places, the first SESSIONS of them taken.
SLOTS = (("09:00", "10:30"), ("11:00", "12:30"), ("14:00", "15:30"), ("16:00", "17:30"))
MARKED = ("salle-ix", "2023-03-28", "14:00")  # the session the reload benchmark edits

_TOPICS = (
    ("Éducation numérique et inclusion", "Digital education and inclusion"),
    ("Former les enseignants à l’ère de l’IA", "Training teachers in the age of AI"),
    ("Financer les partenariats éducatifs", "Financing education partnerships"),
    ("Écoles vertes et programmes", "Green schools and curricula"),
    ("Données ouvertes et évaluation", "Open data and assessment"),
)


def room_id(n: int) -> str:
    return "salle-ix" if n == 9 else f"salle-{n}"


def congress_yaml(rooms: int = ROOMS, sessions: int = SESSIONS) -> str:
    lines = [
        "format: 1",
        "event:",
        "  id: congress",
        '  title: {fr: "Congrès international de l’éducation", en: "International education congress"}',
        "  languages: [fr, en]",
        "  timezone: Europe/Paris",
        f"  dates: {{first: {DAYS[0]}, last: {DAYS[-1]}}}",
        "rooms:",
    ]
    for n in range(1, rooms + 1):
        lines.append(f'  - {{id: {room_id(n)}, name: {{fr: "Salle {n}", en: "Room {n}"}}}}')
    lines.append("sessions:")
    count = 0
    for day in DAYS:
        for start, end in SLOTS:
            for n in range(1, rooms + 1):
                if count == sessions:
                    break
                room = room_id(n)
                if (room, day, start) == MARKED:
                    fr, en = "Académie mondiale des compétences", "Global Skills Academy and Gender Flagship"
                else:
                    fr, en = _TOPICS[count % len(_TOPICS)]
                    fr, en = f"{fr} ({count + 1})", f"{en} ({count + 1})"
                lines += [
                    f"  - id: s{count + 1}",
                    f'    start: "{day} {start}"',
                    f'    end: "{day} {end}"',
                    f"    room: {room}",
                    "    kind: talk",
                    "    title:",
                    f'      fr: "{fr}"',
                    f'      en: "{en}"',
                ]
                count += 1
    return "\n".join(lines) + "\n"


def reload_latency(setup: scenarios.Setup, saves: int) -> dict:
    """The reload latency with a congress-sized programme (1 500 sessions)."""
    source = setup.workdir / "congress.yaml"
    source.write_text(congress_yaml(), encoding="utf-8")
    return scenarios.reload_latency(setup, saves, source, name="congress")


# The programme's own size: the Python memory the checked Programme still holds once parsed, all else freed.
_PROGRAMME_SIZE = """
import gc, sys, tracemalloc
from kiosk.programme import load_programme
tracemalloc.start()
programme = load_programme(sys.argv[1])
gc.collect()
print(tracemalloc.get_traced_memory()[0])
"""


def overview_memory(setup: scenarios.Setup) -> dict:
    """The overview of 92 rooms: resident memory with 1 500 sessions and with one session a room.

    Each is started twice and measured on the second start, as every start after a device's first
    (the programme then comes from the cache); the programme's own size is measured apart, so that
    what the screen adds with the sessions can be told from the sessions themselves.
    """
    result: dict = {"rooms": OVERVIEW_ROOMS}
    for kind, sessions in (("small", OVERVIEW_ROOMS), ("congress", SESSIONS)):
        path = setup.workdir / f"overview-{kind}" / "programme.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(congress_yaml(OVERVIEW_ROOMS, sessions), encoding="utf-8")
        rss = 0
        for run in range(2):
            process = scenarios.kiosk(
                setup, f"overview-{kind}-{run}", language_period=3600, overview=True, programme=path
            )
            first = scenarios.started(process)
            scenarios.sleep_until(first.at + scenarios.SETTLE_AFTER_START)
            rss = process.rss_kib()
            process.stop()
        size = subprocess.run(
            [python(), "-c", _PROGRAMME_SIZE, str(path)],
            env=environment(setup.workdir),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        result[kind] = {"sessions": sessions, "rss_kib": rss, "programme_kib": int(size.stdout) / 1024}
    return result


if __name__ == "__main__":  # python -m bench.congress > congress.yaml
    print(congress_yaml(), end="")
