"""A programme from a web address, kept in an on-disk cache so that screens survive the network going down.

``fetch`` asks the server whether the programme changed (If-None-Match / If-Modified-Since with the
ETag and Last-Modified it stored last time), checks a new download fully before it replaces the cached
copy, and never raises: a failure is reported in the result, with the last good copy when there is one.
It blocks for up to ``timeout`` seconds, so screens call it from a worker thread.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
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
    ends = time.monotonic() + deadline
    opener = urllib.request.build_opener(_SameHostRedirects(url, redirect_hosts))
    try:
        with opener.open(request, timeout=min(timeout, deadline)) as response:
            data = _read_until(response, ends, deadline)
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


def _read_until(response, ends: float, deadline: float) -> bytes:
    """The body, at most MAX_BYTES + 1 bytes, read piece by piece so that the deadline is kept."""
    chunks, size = [], 0
    while size <= MAX_BYTES:
        if time.monotonic() > ends:
            raise _Refused(f"the download took longer than {deadline:g} s: stopped")
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
