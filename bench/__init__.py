"""The performance benchmark of kiosk (issue 8): `make bench`, or `python -m bench --help`.

Every figure is measured on `kiosk run` started as a subprocess, side by side with the barest Qt Quick
window started the same way (bench/bare_window.py), and checked against the budgets in bench/report.py.
Not part of the test suite: it takes minutes and its figures depend on the machine.
"""
