"""A congress-sized programme for the benchmark: 100 rooms, 1 500 sessions over 4 days (issue 15).

Written as a technician would write kiosk YAML (block style, bilingual titles), deterministic.
Salle IX holds, on 28 March 2023 from 14:00 to 15:30, the session whose English title is the line
the reload benchmark edits (scenarios.TITLE_LINE), so the same door and the same marker serve both.
"""

from __future__ import annotations

ROOMS = 100
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


if __name__ == "__main__":  # python -m bench.congress > congress.yaml
    print(congress_yaml(), end="")
