"""The Qt layer: the only package that imports PySide6."""

import builtins

import PySide6  # noqa: F401  (puts PySide6's import hook in place; undone below)

# PySide6 wraps Python's import to support `from __feature__ import snake_case`: after every later
# import it reads the new module's whole source (inspect.getsource, kept in linecache for good) to
# learn whether the module mentions PySide6. Kiosk never uses those features, and what was read
# stayed in memory all day: 3.1 MiB of a door's (docs/performance.md). The import PySide6 saved is put
# back; a module that names no feature runs exactly as before. Where someone else has wrapped the
# import since (a debugger, a profiler), it is left as it is.
if builtins.__import__ is getattr(builtins, "__feature_import__", None):
    builtins.__import__ = builtins.__orig_import__
