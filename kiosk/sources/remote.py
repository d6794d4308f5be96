"""A programme from a web address, kept in an on-disk cache so that screens survive the network going down.

``fetch`` asks the server whether the programme changed (If-None-Match / If-Modified-Since with the
ETag and Last-Modified it stored last time), checks a new download fully before it replaces the cached
copy, and never raises: a failure is reported in the result, with the last good copy when there is one.
It blocks for up to ``deadline`` seconds in all (connect, headers, body, redirects), so screens call
it from a worker thread.
"""

from __future__ import annotations

import email.utils
import functools
import hashlib
import http.client
import json
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import __version__, folders
from ..atomic import write_atomically
from . import MAX_BYTES, check_any, is_url

USER_AGENT = f"kiosk/{__version__} (conference room signage)"


@dataclass(frozen=True)
class FetchResult:
    path: Path | None  # the cached programme to read; None when there is none yet
    changed: bool  # the cached programme is new since the last fetch
    from_cache: bool  # nothing new was downloaded this time (304 Not Modified, or a failure)
    error: str | None  # why the fetch failed; the cached copy, if any, is still the last good one


def cache_files(url: str, cache_dir: str | Path) -> tuple[Path, Path]:
    """Where the programme from ``url`` and its validators (ETag, Last-Modified) are kept."""
    digest = hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:16]
    tail = Path(urllib.parse.urlsplit(url.strip()).path).name
    tail = re.sub(r"[^A-Za-z0-9._-]+", "-", tail).strip(".-")[:40]
    stem = f"programme-{digest}" + (f"-{tail}" if tail else "")
    directory = Path(cache_dir)
    return directory / stem, directory / f"{stem}.http.json"


# Why a download cannot be used (None: it can). A programme by default; the notices file brings its own.
Check = Callable[[bytes, str], "str | None"]


def check_programme(data: bytes, url: str, timezone: str | None = None) -> str | None:
    programme, problems = check_any(data, url, timezone)
    if programme is None:
        return (
            f"the downloaded programme cannot be used: {next((p for p in problems if not p.warning), None)}"
        )
    return None


def fetch_for_command(url: str, check: Check, redirect_hosts: tuple[str, ...] = ()) -> Path:
    """For a command (`kiosk state`, `render`): ``url``'s copy in the cache the screens use, fetched now,
    else the copy fetched before when the server cannot be reached; ValueError saying why when there is
    neither."""
    cache = folders.cache_dir()
    if cache is None:
        raise ValueError("no cache folder to fetch it into: the user has no home")
    result = fetch(url, cache, check=check, redirect_hosts=redirect_hosts)
    if result.path is None:
        raise ValueError(result.error or "not fetched")
    return result.path


# A whole download (connection, redirects, headers and body) never takes longer than this: a server
# sending one byte every 5 s would otherwise hold a fetch for ever (each read is within its timeout).
DEADLINE = 60.0


def fetch(
    url: str,
    cache_dir: str | Path,
    timeout: float = 10,
    check: Check = check_programme,
    deadline: float = DEADLINE,
    redirect_hosts: tuple[str, ...] = (),
) -> FetchResult:
    """Bring the cached copy of the file at ``url`` (a programme unless ``check`` says otherwise) up to
    date; never raises. ``timeout`` bounds each network wait, ``deadline`` the whole download;
    redirects are followed to http(s) on the same host, or on one of ``redirect_hosts``."""
    try:
        return _fetch(url, Path(cache_dir), timeout, check, deadline, redirect_hosts)
    except Exception as err:  # a screen keeps showing its programme, whatever goes wrong here
        body, _ = cache_files(url, cache_dir)
        cached = body if body.is_file() else None
        return FetchResult(cached, False, True, f"{type(err).__name__}: {err}")


def _fetch(
    url: str, cache_dir: Path, timeout: float, check: Check, deadline: float, redirect_hosts: tuple[str, ...]
) -> FetchResult:
    body, meta = cache_files(url, cache_dir)
    cached = body if body.is_file() else None

    def failed(why: str) -> FetchResult:
        return FetchResult(cached, False, True, why)

    kept = "; the last good copy is kept" if cached else ""

    if not is_url(url):
        return failed(f"{url!r} is not an http:// or https:// address")
    validators = _read_validators(meta) if cached else {}
    request = urllib.request.Request(url.strip(), headers={"User-Agent": USER_AGENT})
    if validators.get("etag"):
        request.add_header("If-None-Match", validators["etag"])
    if validators.get("last_modified"):
        request.add_header("If-Modified-Since", validators["last_modified"])
    limit = _Deadline(deadline, timeout)
    opener = urllib.request.build_opener(
        _SameHostRedirects(url, redirect_hosts), _HTTPHandler(limit), _HTTPSHandler(limit)
    )
    try:
        with opener.open(request, timeout=min(timeout, deadline)) as response:
            data = _read_until(response, limit)
            headers = response.headers
    except _Refused as err:
        return failed(f"{err}{kept}")
    except urllib.error.HTTPError as err:
        err.close()
        if err.code == 304 and cached:
            return FetchResult(cached, False, True, None)
        return failed(f"the server answered {err.code} {err.reason}")
    except urllib.error.URLError as err:
        return failed(f"cannot reach the server: {err.reason}")
    except (OSError, http.client.HTTPException, ValueError) as err:
        return failed(f"the download failed: {err or type(err).__name__}")
    if len(data) > MAX_BYTES:
        return failed(f"the download is larger than {MAX_BYTES >> 20} MB{kept}")

    problem = check(data, url)
    if problem:
        return failed(f"{problem}{kept}")

    changed = cached is None or cached.read_bytes() != data
    cache_dir.mkdir(parents=True, exist_ok=True)
    if changed:
        write_atomically(body, data)
    stored = {
        "url": url.strip(),
        "etag": headers.get("ETag"),
        "last_modified": headers.get("Last-Modified"),
        "fetched": email.utils.formatdate(usegmt=True),
    }
    write_atomically(meta, json.dumps(stored, indent=1).encode("utf-8"))
    return FetchResult(body, changed, False, None)


class _Refused(Exception):
    """A download stopped on purpose: past its deadline, or redirected where it may not go."""


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to http(s) on the programme's own host (or one allowed by name): a
    redirect to ftp:// or to another site is refused, not followed."""

    def __init__(self, url: str, hosts: tuple[str, ...]):
        self.hosts = {urllib.parse.urlsplit(url.strip()).hostname or "", *(h.lower() for h in hosts)}

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urllib.parse.urlsplit(newurl)
        if target.scheme.lower() not in ("http", "https") or (target.hostname or "") not in self.hosts:
            raise _Refused(f"the server redirects to {newurl}, not http(s) on the same host: not followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """One download's end: every network wait of it (connect, TLS, request, status line, headers, body,
    and those of every redirect) waits at most what is left, so a server trickling its headers or its
    body a byte at a time is cut at the deadline. (Name resolution keeps the resolver's own timeouts.)"""

    def __init__(self, seconds: float, per_wait: float, monotonic: Callable[[], float] = time.monotonic):
        self.seconds = seconds
        self.per_wait = per_wait
        self.monotonic = monotonic
        self.ends = monotonic() + seconds

    def left(self) -> float:
        """The longest the next wait may take; raises once the download is out of time."""
        left = self.ends - self.monotonic()
        if left <= 0:
            raise _Refused(f"the download took longer than {self.seconds:g} s: stopped")
        return min(self.per_wait, left)

    def bind(self, sock: socket.socket) -> socket.socket:
        """``sock`` with each of its reads and writes bounded by what is left (http.client reads
        through ``sock.makefile``, which calls these)."""
        for name in ("recv", "recv_into", "send", "sendall"):
            setattr(sock, name, self._bounded(sock, getattr(sock, name)))
        return sock

    def _bounded(self, sock: socket.socket, method: Callable) -> Callable:
        def call(*args, **kwargs):
            sock.settimeout(self.left())
            try:
                return method(*args, **kwargs)
            except TimeoutError:
                self.left()  # the deadline's own wait ran out: say so, rather than "timed out"
                raise

        return call


class _Socket(socket.socket):
    """A socket that can take the deadline's bounded methods (a plain socket has no __dict__)."""


def _connect(deadline: _Deadline, address, timeout, source_address=None) -> socket.socket:
    plain = socket.create_connection(address, deadline.left(), source_address)
    sock = _Socket(plain.family, plain.type, plain.proto, fileno=plain.detach())
    sock.settimeout(deadline.left())  # a TLS handshake waits this long at most per step
    return deadline.bind(sock)


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, deadline: _Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_connect, deadline)


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, deadline: _Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self.deadline = deadline
        self._create_connection = functools.partial(_connect, deadline)

    def connect(self) -> None:
        super().connect()
        self.deadline.bind(self.sock)  # the TLS socket in place of the plain one


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(functools.partial(_HTTPConnection, deadline=self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        return self.do_open(
            functools.partial(_HTTPSConnection, deadline=self.deadline), req, context=self._context
        )


def _read_until(response, deadline: _Deadline) -> bytes:
    """The body, at most MAX_BYTES + 1 bytes, read piece by piece so that the deadline is kept."""
    chunks, size = [], 0
    while size <= MAX_BYTES:
        deadline.left()
        chunk = response.read1(min(1 << 16, MAX_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read_validators(meta: Path) -> dict:
    try:
        stored = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


__all__ = ["FetchResult", "cache_files", "fetch", "is_url"]
