"""Presentation: every string a screen shows, in each language, from the schedule's answers. Qt-free.

``words`` holds the label catalogues and dates and durations in words; ``door`` and ``overview`` turn
a RoomState or an OverviewState into a screen's texts; ``board`` decides the overview board's rows and
pages; ``setup`` holds the technician's setup words. QML builds no strings: it shows these.
"""
