"""The `kiosk` command: it parses and prints; the work is the core's (and Qt's, for `run` and `render`).

Qt is imported only by `run` and `render`, so the rest is fast and works over ssh.
"""

from .parser import build_parser, main

__all__ = ["build_parser", "main"]
