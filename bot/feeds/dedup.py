"""Decide when two feed entries are the same article: canonical URLs and the keys an entry is remembered by.

Contract (what the store and the poller rely on):

* ``entry_keys(feed, entry)`` returns one or more keys, never an empty tuple.
* An entry is new only when **none** of its keys is already known; once it is handled, **all** of its keys
  are remembered. So an entry whose GUID changes but whose link does not stays old, and vice versa.
* The link key is global: two feeds carrying the same article (up to tracking parameters, ``www.``,
  http/https, default ports, fragments, trailing slashes and query order) produce the same key.
* The GUID key and the title key are scoped to the feed, since GUIDs are only unique within a feed.
* The title key is a last resort, present only when the entry has neither link nor GUID.
* Dates never take part: a feed that bumps an entry's pubDate does not make it new again.
* Keys are plain strings, stable across releases of this module unless noted in its changelog.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

from bot.models import Entry

__all__ = ["canonical_url", "entry_keys", "without_tracking"]

_DEFAULT_PORTS = {"http": "80", "https": "443"}
# Parameters that identify the click, not the page.
_TRACKING_PARAMS = frozenset(
    {
        *("fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid"),
        *("ref", "ref_src", "ref_url", "referrer", "_hsenc", "_hsmi", "_ga", "_gl", "mkt_tok", "oly_enc_id"),
        *("oly_anon_id", "vero_id", "wickedid", "rb_clickid", "s_cid", "cmpid", "ncid", "sr_share"),
        *("at_medium", "at_campaign", "guccounter", "guce_referrer", "guce_referrer_sig", "smid"),
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "at_custom")
_PERCENT_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
# What json.dumps(..., ensure_ascii=False) uses, made once: keys are stored, so their format is fixed.
_JSON = json.JSONEncoder(ensure_ascii=False)


def canonical_url(url: str) -> str:
    """Normalize ``url`` so that links to the same page compare equal; idempotent.

    http and https map to https, the host is lowercased and loses a leading ``www.``, default ports,
    user info, fragments, tracking parameters and trailing slashes go, the remaining query parameters are
    sorted, and percent-escapes are uppercased. URLs without an http(s) scheme (local paths, ``file:``)
    only lose their fragment, tracking parameters and surrounding whitespace.
    """
    m = _PLAIN_URL.fullmatch(url)
    if m is not None:
        return _canonical_plain(m)
    # One pass can expose more to strip ("www.www.", "host.:"), so repeat until nothing changes.
    for _ in range(8):
        again = _canonical_once(url)
        if again == url:
            break
        url = again
    return url


# An http(s) URL made of plain ASCII parts, with no user info, IPv6 host, IDN, space or control character:
# nearly every feed link. _canonical_plain reaches for these what the general loop below reaches, with
# no urllib round trips (tests/feeds/test_feeds_dedup_fast.py holds the two to the same answers).
_PLAIN_URL = re.compile(
    r"(https?)://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(?::([0-9]{1,5}))?"
    r"(/[A-Za-z0-9._~!$&'()*+,;=:@/%-]*)?(?:\?([A-Za-z0-9._~!$&'()*+,;=:@/?%-]*))?(?:#[!-~]*)?",
    re.ASCII,
)


def _canonical_plain(m: re.Match[str]) -> str:
    host = m[2].lower()
    while host.startswith("www."):
        host = host[4:]
    port = m[3]
    if port is not None:
        port = str(int(port))
        if port not in (_DEFAULT_PORTS["http"], _DEFAULT_PORTS["https"]):
            host = f"{host}:{port}"
    path = m[4] or ""
    if "%" in path:
        path = _upper_escapes(path)
    path = path.rstrip("/")
    query = _query(m[5]) if m[5] else ""
    return f"https://{host}{path}?{query}" if query else f"https://{host}{path}"


def _canonical_once(url: str) -> str:
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        kept = _query(parts.query)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, kept, "")) if parts.query else url.split("#", 1)[0]
    netloc = parts.netloc.rpartition("@")[2].lower()
    host, port = _split_port(netloc)
    if port in ("", _DEFAULT_PORTS["http"], _DEFAULT_PORTS["https"]):
        port = ""
    host = host.rstrip(".")
    while host.startswith("www."):
        host = host[4:]
    netloc = f"{host}:{port}" if port else host
    path = _upper_escapes(parts.path).rstrip("/")
    return urlunsplit(("https", netloc, path, _query(parts.query), ""))


def _query(query: str) -> str:
    """The query without tracking parameters, sorted."""
    return "&".join(sorted(_upper_escapes(p) for p in query.split("&") if p and not _is_tracking(p)))


def without_tracking(url: str) -> str:
    """`url` as readers should see it: the same link, without tracking parameters in its query."""
    if "?" not in url:  # no query to clean (and nothing urlsplit could object to that we would report)
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    kept = "&".join(p for p in parts.query.split("&") if p and not _is_tracking(p))
    return urlunsplit(parts._replace(query=kept))


def entry_keys(feed_name: str, entry: Entry) -> tuple[str, ...]:
    """Return the keys under which ``entry`` of ``feed_name`` is remembered (see the module contract)."""
    keys: list[str] = []
    if entry.link and entry.link.strip():
        keys.append("link:" + canonical_url(entry.link))
    if entry.guid and entry.guid.strip():
        keys.append("guid:" + _JSON.encode([feed_name, entry.guid.strip()]))
    if not keys:
        title = _normalize_title(entry.title)
        if not title:
            # No link, GUID or title: the body is all there is to tell entries apart.
            body = (entry.summary or entry.content).strip()
            title = "#" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]
        keys.append("title:" + _JSON.encode([feed_name, title]))
    return tuple(keys)


def _split_port(netloc: str) -> tuple[str, str]:
    if netloc.startswith("["):  # IPv6 literal: the port, if any, follows the bracket
        end = netloc.find("]")
        if end != -1:
            rest = netloc[end + 1 :]
            return netloc[: end + 1], rest[1:] if rest.startswith(":") else ""
        return netloc, ""
    host, sep, port = netloc.rpartition(":")
    if sep and port.isascii() and port.isdigit():  # not ":²", which int() refuses
        return host, str(int(port))
    if sep and not port:
        return host, ""
    return netloc, ""


def _is_tracking(param: str) -> bool:
    name = param.split("=", 1)[0].lower()
    return name in _TRACKING_PARAMS or name.startswith(_TRACKING_PREFIXES)


def _upper_escapes(text: str) -> str:
    return _PERCENT_ESCAPE.sub(lambda m: m.group(0).upper(), text)


def _normalize_title(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())
