"""Tests of canonical URLs and dedup keys, with examples and properties."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.feeds.dedup import canonical_url, entry_keys, without_tracking
from bot.models import Entry


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTP://WWW.Example.COM:80/News/Story/", "https://example.com/News/Story"),
        ("https://example.com:443/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed&id=7#comments", "https://example.com/a?id=7"),
        (
            "https://example.com/a?fbclid=x&gclid=y&mc_cid=1&mc_eid=2&ref=home&_hsenc=z",
            "https://example.com/a",
        ),
        ("https://example.com/", "https://example.com"),
        ("https://example.com:8443/a/", "https://example.com:8443/a"),
        ("https://user:secret@example.com/a", "https://example.com/a"),
        ("https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("http://[2001:db8::1]:80/x", "https://[2001:db8::1]/x"),
        ("file:///srv/feeds/a.html#top", "file:///srv/feeds/a.html"),
        ("samples/article.txt", "samples/article.txt"),
        ("https://example.com:²/a", "https://example.com:²/a"),  # no port int() can read: left as it is
        ("file:///srv/a.html?utm_source=rss&utm_medium=feed", "file:///srv/a.html"),
        ("file:///srv/a.html?page=2&utm_source=rss", "file:///srv/a.html?page=2"),
    ],
)
def test_canonical_url_examples(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_path_case_and_meaningful_params_are_kept() -> None:
    assert canonical_url("https://e.com/A?id=1") != canonical_url("https://e.com/a?id=1")
    assert canonical_url("https://e.com/a?id=1") != canonical_url("https://e.com/a?id=2")
    assert canonical_url("https://e.com/a") != canonical_url("https://other.com/a")


hosts = st.from_regex(r"(www\.)?[a-z][a-z0-9-]{0,10}\.(com|org|example)", fullmatch=True)
segments = st.lists(st.from_regex(r"[A-Za-z0-9._~%-]{1,8}", fullmatch=True), max_size=4)
params = st.lists(
    st.tuples(
        st.from_regex(r"[a-z][a-z0-9]{0,5}", fullmatch=True),
        st.from_regex(r"[A-Za-z0-9]{0,5}", fullmatch=True),
    ),
    max_size=4,
    unique_by=lambda kv: kv[0],
)
tracking = st.lists(
    st.sampled_from(["utm_source=rss", "utm_campaign=x", "fbclid=abc", "gclid=1", "mc_eid=2", "ref=top"]),
    max_size=3,
)


@st.composite
def urls(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]], str, str]:
    host, path = draw(hosts), "/".join(draw(segments))
    query = [kv for kv in draw(params) if kv[0] not in ("ref",) and not kv[0].startswith("utm")]
    return host, query, path, draw(st.sampled_from(["", "/"]))


def build(scheme: str, host: str, path: str, slash: str, query: list[str], fragment: str = "") -> str:
    url = f"{scheme}://{host}/{path}{slash}" if path else f"{scheme}://{host}{slash}"
    return url + ("?" + "&".join(query) if query else "") + (f"#{fragment}" if fragment else "")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
@example("HTTP://::")
@example("https://www.www.example.com:443./a//")
@example("http://x:80.")
def test_canonical_url_is_idempotent_on_any_text(text: str) -> None:
    once = canonical_url(text)
    assert canonical_url(once) == once


@settings(max_examples=200, deadline=None)
@given(
    urls(),
    tracking,
    st.permutations(range(4)),
    st.sampled_from(["http", "https", "HTTPS"]),
    st.text(max_size=5),
)
def test_canonical_url_ignores_noise(
    parts: tuple[str, list[tuple[str, str]], str, str],
    noise: list[str],
    order: list[int],
    scheme: str,
    fragment: str,
) -> None:
    host, query, path, slash = parts
    plain = [f"{k}={v}" for k, v in query]
    shuffled = [plain[i] for i in order if i < len(plain)] + noise
    reference = canonical_url(build("https", host.removeprefix("www."), path, "", plain))
    noisy = build(scheme, host.upper(), path, slash, shuffled, fragment.replace("#", ""))
    assert canonical_url(noisy) == reference
    assert canonical_url(reference) == reference


def entry(**fields: object) -> Entry:
    base: dict[str, object] = {"guid": None, "link": None, "title": "Harbour reopens"}
    base.update(fields)
    return Entry(**base)  # type: ignore[arg-type]


def test_keys_for_link_and_guid() -> None:
    keys = entry_keys("gazette", entry(guid="g-1", link="http://www.gazette.example/a/?utm_source=rss"))
    assert keys == ("link:https://gazette.example/a", 'guid:["gazette", "g-1"]')


def test_link_key_is_shared_across_feeds_and_guid_key_is_not() -> None:
    a = entry_keys("one", entry(guid="same", link="https://e.example/story"))
    b = entry_keys("two", entry(guid="same", link="https://e.example/story/?fbclid=x"))
    assert a[0] == b[0]
    assert a[1] != b[1]


def test_title_key_only_without_link_and_guid() -> None:
    assert not any(k.startswith("title:") for k in entry_keys("f", entry(guid="g")))
    assert not any(k.startswith("title:") for k in entry_keys("f", entry(link="https://e/a")))
    one = entry_keys("f", entry(title="Harbour  REOPENS!"))
    two = entry_keys("f", entry(title="harbour reopens"))
    assert one == two and one[0].startswith("title:")
    assert entry_keys("g", entry(title="harbour reopens")) != one


def test_entry_with_nothing_but_a_body_still_has_a_key() -> None:
    a = entry_keys("f", entry(title="", summary="First body"))
    b = entry_keys("f", entry(title="", summary="Second body"))
    assert a and b and a != b


@settings(max_examples=100, deadline=None)
@given(
    st.text(min_size=1, max_size=20),
    st.one_of(st.none(), st.text(min_size=1, max_size=30)),
    st.one_of(st.none(), st.from_regex(r"https?://[a-z]{1,8}\.example/[a-z]{0,8}", fullmatch=True)),
    st.text(max_size=30),
    st.datetimes(timezones=st.just(UTC)),
    st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=30)),
)
def test_bumped_date_never_changes_keys(
    feed: str, guid: str | None, link: str | None, title: str, when: datetime, bump: timedelta
) -> None:
    original = entry(guid=guid, link=link, title=title, published=when)
    keys = entry_keys(feed, original)
    assert keys  # never empty
    later = when + bump if when < datetime.max.replace(tzinfo=UTC) - bump else when - bump
    assert entry_keys(feed, replace(original, published=later)) == keys
    assert entry_keys(feed, replace(original, published=None)) == keys


@settings(max_examples=100, deadline=None)
@given(
    st.text(max_size=10),
    st.text(min_size=1, max_size=10),
    st.text(max_size=10),
    st.text(min_size=1, max_size=10),
)
def test_guid_keys_of_different_feed_guid_pairs_differ(f1: str, g1: str, f2: str, g2: str) -> None:
    k1 = entry_keys(f1, entry(guid=g1))
    k2 = entry_keys(f2, entry(guid=g2))
    same_pair = (f1, g1.strip()) == (f2, g2.strip())
    assert (k1 == k2) == same_pair or not (g1.strip() and g2.strip())


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://news.example/a?utm_source=rss&id=7#top", "https://news.example/a?id=7#top"),
        ("http://www.news.example/a?fbclid=x", "http://www.news.example/a"),
        ("file:///srv/a.html?utm_medium=feed", "file:///srv/a.html"),
        ("https://news.example/a", "https://news.example/a"),
    ],
)
def test_links_are_shown_without_tracking(url: str, shown: str) -> None:
    assert without_tracking(url) == shown
