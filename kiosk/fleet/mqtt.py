"""paho-mqtt's client module, imported without the modules a plain mqtt:// link never uses. Qt-free.

paho-mqtt imports, at its top, ssl and hashlib (both load OpenSSL), urllib.request (and with it
http.client and email) and uuid: for TLS, websockets, proxies through PySocks and random client
ids. On a running screen they are about 7 MiB of resident memory that an `mqtt://` link never uses
(measured: docs/fleet.md). So paho gets stand-ins for them: a stand-in imports the real module the
first time paho uses one of its names (a TLS link loads ssl at once: tls_set uses it), and other
code is not affected (the stand-ins leave sys.modules once paho is imported: any later `import ssl`
is the real one).

One exception: paho names ssl's errors in the `except` clauses of every socket read and write, and
Python looks them up whenever the socket raises (a large screenshot fills the socket's buffer).
While ssl is not loaded no TLS socket can exist, so nothing can raise them: the stand-in answers
those names with an error class that is never raised, instead of loading OpenSSL for nothing.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

DEFERRED = ("ssl", "hashlib", "urllib.request", "uuid")
# The errors paho catches on plain sockets too: only a TLS socket (so a loaded ssl) raises them.
ONLY_FROM_TLS = {"ssl": frozenset({"SSLError", "SSLWantReadError", "SSLWantWriteError", "CertificateError"})}


class NeverRaised(Exception):
    """Stands for an error of a module that is not loaded, so that nothing can have raised."""


class Deferred(types.ModuleType):
    """Stands for a module that is imported the first time one of its names is used."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            # What the machinery asks of any module (PySide6's import hook looks for __wrapped__ and
            # __file__ in each one paho imports) is no use of the module: it does not load it.
            raise AttributeError(name)
        real = sys.modules.get(self.__name__)
        if real is None or real is self:
            if name in ONLY_FROM_TLS.get(self.__name__, ()):
                return NeverRaised
            if real is self:  # used while paho itself is being imported
                del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def paho_client() -> types.ModuleType:
    """``paho.mqtt.client``; imported with stand-ins for DEFERRED modules not loaded already."""
    loaded = sys.modules.get("paho.mqtt.client")
    if loaded is not None:
        return loaded
    placed: dict[str, Deferred] = {}
    for name in DEFERRED:
        if name not in sys.modules:
            placed[name] = sys.modules[name] = Deferred(name)
            parent, _, child = name.rpartition(".")
            if parent:
                # `import urllib.request` finds it in sys.modules, and paho then reads it as an
                # attribute of the package: the stand-in stays there until the real one replaces it.
                setattr(importlib.import_module(parent), child, placed[name])
    try:
        import paho.mqtt.client as mqtt
    finally:
        for name, stand_in in placed.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    return mqtt
