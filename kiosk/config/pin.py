"""The setup PIN, kept as a salted scrypt hash: a configuration file written by kiosk never holds the
digits, and `kiosk config` never prints either.

hashlib is imported only when a PIN is hashed or checked: it loads OpenSSL's libcrypto (~3.5 MB
resident), which a screen does not need until someone types a PIN (bench/, docs/performance.md).
"""

from __future__ import annotations

import base64
import re

# RFC 7914's interactive parameters: 16 MiB and, measured on the 2-core build machine, 0.26 s per
# try, so a copied file's 10 000 PINs of four digits take most of an hour on such a machine.
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
_HASH = re.compile(r"scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]+=*)")
_DIGITS = re.compile(r"\d{4,12}")


def is_pin(text: str) -> bool:
    """Whether ``text`` is a PIN a person types: 4 to 12 digits."""
    return _DIGITS.fullmatch(text) is not None


def is_hash(text: str) -> bool:
    """Whether ``text`` is a PIN's hash as kiosk writes it (scrypt$N$r$p$salt$key)."""
    found = _HASH.fullmatch(text)
    if found is None:
        return False
    n, r, p = (int(x) for x in found.groups()[:3])
    # Bounds a hand-edited file cannot abuse (a huge N would take all the memory at the first try).
    return 2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The salted hash of ``pin`` to store in a configuration file."""
    import hashlib
    import os

    if not is_pin(pin):
        raise ValueError("a PIN is 4 to 12 digits")
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    key = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(key)}"


def pin_matches(stored: str | None, typed: str) -> bool:
    """Whether ``typed`` is the PIN ``stored`` (its hash, or digits from an older file); constant time."""
    import hashlib
    import hmac

    if not stored:
        return False
    found = _HASH.fullmatch(stored)
    if found is None or not is_hash(stored):
        return hmac.compare_digest(typed.encode(), stored.encode())
    n, r, p = (int(x) for x in found.groups()[:3])
    salt, key = base64.b64decode(found[4]), base64.b64decode(found[5])
    tried = hashlib.scrypt(
        typed.encode(), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r + 2**20, dklen=len(key)
    )
    return hmac.compare_digest(tried, key)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
