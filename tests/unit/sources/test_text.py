"""Descriptions as people wrote them, without the file's layout (issue 14.6): no XML indentation,
Markdown reduced to its words, the lines of a paragraph joined."""

from __future__ import annotations

import re

import pytest

from kiosk.sources import check_any, read_any
from kiosk.sources.fields import plain

from ...shared_testdata import real_export


@pytest.mark.parametrize(
    "written, shown",
    [
        ("**Bold**, *em*, _under_, __strong__ and ***both***", "Bold, em, under, strong and both"),
        (
            "see [the firmware](https://example.org/fw) or <https://x.org>",
            "see the firmware or https://x.org",
        ),
        ("`make test` ![logo](logo.png)", "make test logo"),
        # Not emphasis: names with underscores, arithmetic.
        ("snake_case_name, 2 * 3 * 4, a__b", "snake_case_name, 2 * 3 * 4, a__b"),
        (
            "A line\r\nwrapped by the\r\neditor.\r\n\r\nSecond paragraph.",
            "A line wrapped by the editor.\n\nSecond paragraph.",
        ),
        (
            "Bring:\n- a laptop\n- a charger\n\n## Level\nbeginners",
            "Bring:\n- a laptop\n- a charger\n\nLevel\n\nbeginners",
        ),
        ("<p>First<br>line two</p><ul><li>a</li><li>b</li></ul>", "First\nline two\n\na\nb"),
    ],
)
def test_descriptions_keep_the_words_not_the_markup(written, shown):
    assert plain(written) == shown


INDENTED = b"""<?xml version="1.0" encoding="utf-8"?>
<schedule>
  <conference><title>C</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
  <day index="1" date="2024-12-27">
    <room name="Saal 1">
      <event guid="e1" id="1">
        <date>2024-12-27T10:00:00+01:00</date>
        <duration>00:30</duration>
        <title>Indented</title>
        <type>lecture</type>
        <description>
                    A description the exporter indented
                    by twenty spaces, with **emphasis**.

                    And a [link](https://example.org).
        </description>
      </event>
    </room>
  </day>
</schedule>
"""


def test_xml_indentation_is_not_part_of_a_description():
    programme, problems = check_any(INDENTED, "indented.xml")
    assert problems == []
    assert programme.session("e1").description.get("en") == (
        "A description the exporter indented by twenty spaces, with emphasis.\n\nAnd a link."
    )


def test_36c3_descriptions_read_as_written():
    programme = read_any(real_export("real/36c3-everything.schedule.json"))
    texts = [s.description.get("en") for s in programme.sessions if s.description]
    # (Wiki-style lists "** item" and links "[url words]" are not Markdown and stay as written.)
    assert not [t for t in texts if "](http" in t or re.search(r"\*\*\w[^*\n]*\w\*\*", t)]
    assert not [t for t in texts if any(line != line.strip() for line in t.split("\n"))]
    me = next(s for s in programme.sessions if s.title.get("en") == "Look at ME! - Intel ME Investigation")
    assert "recent release of a redistributable firmware binary for the Management Engine, it has" in (
        me.description.get("en")
    )
