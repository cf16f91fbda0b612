"""Chat command handlers shared by every platform: parse the arguments, call the core, return a reply.

A handler never raises for bad input: it answers with a TextReply saying what was wrong. Replies are
platform-neutral; each platform renders them in its own way.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.app import Services
from bot.feeds.dedup import canonical_url
from bot.feeds.guard import check_user_url
from bot.feeds.http import FetchRefused
from bot.models import Article, Digest, Feed
from bot.store import FeedState, QuoteHit
from bot.textfmt import trim

MAX_ARGUMENT = 500
ECHO_CHARS = 60
_QUOTED = re.compile(r"""^\s*["“”„«'‘’](.+?)["“”»'‘’]?\s*$""", re.S)
_ITEM_NUMBER = re.compile(r"#?[0-9]+")  # "/summary 2", "/summary #2"; not "²", a digit int() refuses


@dataclass(frozen=True, slots=True)
class Invocation:
    """Who asked, and where: the channel (config name) and whether they may manage feeds."""

    channel: str | None = None
    can_manage: bool = False


@dataclass(frozen=True, slots=True)
class TextReply:
    text: str
    ephemeral: bool = False
    error: bool = False


@dataclass(frozen=True, slots=True)
class DigestReply:
    """A digest; `brief` shows each headline with its top key point only."""

    digest: Digest
    brief: bool = False


@dataclass(frozen=True, slots=True)
class ArticleReply:
    article: Article
    number: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class QuotesReply:
    query: str
    by_phrase: bool
    hits: tuple[QuoteHit, ...]


@dataclass(frozen=True, slots=True)
class FeedsReply:
    channel: str | None
    feeds: tuple[FeedState, ...]


Reply = TextReply | DigestReply | ArticleReply | QuotesReply | FeedsReply

HELP = """newsbot reads the news for you.
/summary: the latest digest in this channel, headline by headline
/summary 2: all key points of item 2 of that digest
/summary https://…: the key points of any article
/summary some words: the best matching stored article
/who-said Name: what a person was quoted saying, newest first
/who-said "a phrase": who said it, and where
/digest: post this channel's digest now (managers)
/feeds list | add URL [name] | remove NAME | resume NAME: this channel's feeds (managers change them)"""


def _clean(argument: str | None) -> str:
    """The argument trimmed, without control characters, at most MAX_ARGUMENT characters."""
    text = "".join(c for c in (argument or "") if c.isprintable() or c == " ")
    return text.strip()[:MAX_ARGUMENT]


def _echo(text: str) -> str:
    """What a user typed, short enough to quote back in a reply."""
    return trim(text, ECHO_CHARS)


def _is_url(text: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$", text))


class Commands:
    """The handlers behind /summary, /who-said, /digest and /feeds."""

    def __init__(self, services: Services, *, quote_limit: int = 5) -> None:
        self._svc = services
        self._quote_limit = quote_limit

    async def summary(self, inv: Invocation, target: str | None = None) -> Reply:
        """Key points of the latest digest, an item of it, a URL or the best match for some words."""
        arg = _clean(target)
        store = self._svc.store
        if not arg:
            digest = store.latest_digest(inv.channel)
            if digest is None:
                return TextReply("No digest has been posted here yet. Try /summary with some words.")
            return DigestReply(digest, brief=True)
        if _ITEM_NUMBER.fullmatch(arg):
            number = int(arg.lstrip("#"))
            digest = store.latest_digest(inv.channel)
            if digest is None:
                return TextReply("No digest has been posted here yet, so there is no item to show.")
            item = next((i for i in digest.items if i.number == number), None)
            if item is None:
                count = len(digest.items)
                return TextReply(f"The latest digest has items 1 to {count}; there is no item {_echo(str(number))}.")
            return ArticleReply(item.article, number=number)
        if _is_url(arg):
            return await self._summary_of_url(arg)
        found = store.search_articles(arg, limit=1)
        if not found:
            return TextReply(f"No stored article matches “{_echo(arg)}”.")
        return ArticleReply(found[0], note=f"Best match for “{_echo(arg)}”")

    def _refusal(self, url: str) -> TextReply | None:
        """Why a URL typed in chat may not be fetched, as a reply; None when it may."""
        try:
            check_user_url(url, self._svc.settings.poll.allowed_hosts)
        except FetchRefused as exc:
            return TextReply(f"That link is not fetched: {exc.reason}.", error=True)
        return None

    async def _summary_of_url(self, url: str) -> Reply:
        if refused := self._refusal(url):
            return refused
        stored = self._svc.store.article_by_url(canonical_url(url))
        if stored is not None:
            return ArticleReply(stored)
        article = await self._svc.processor.analyse_url(url)
        if article is None:
            return TextReply("That page could not be fetched or has no article text.", error=True)
        return ArticleReply(article)

    async def who_said(self, inv: Invocation, query: str | None) -> Reply:
        """A person's quotes, newest first; or, for a quoted phrase, who said it."""
        arg = _clean(query)
        if not arg:
            return TextReply('Tell me a name (/who-said Lavrov) or a quoted phrase (/who-said "no secret").')
        store = self._svc.store
        quoted = _QUOTED.match(arg)
        if quoted:
            phrase = quoted.group(1)
            return QuotesReply(phrase, True, tuple(store.quotes_by_phrase(phrase, self._quote_limit)))
        hits = store.quotes_by_speaker(arg, self._quote_limit)
        if hits:
            return QuotesReply(arg, False, tuple(hits))
        # unquoted words that name nobody may still be words someone said
        said = tuple(store.quotes_by_phrase(arg, self._quote_limit))
        return QuotesReply(arg, bool(said), said)

    async def digest(self, inv: Invocation) -> Reply:
        """A new digest for this channel now (managers only); the platform posts it."""
        if not inv.can_manage:
            return TextReply("Only admins may post a digest on demand.", ephemeral=True)
        if inv.channel is None:
            return TextReply("This channel gets no feeds, so it has no digest.", ephemeral=True)
        await self._svc.refresh()
        digest = self._svc.make_digest(inv.channel)
        if digest is None:
            return TextReply("Nothing new since the last digest.", ephemeral=True)
        return DigestReply(digest)

    async def feeds(self, inv: Invocation, action: str = "list", argument: str | None = None) -> Reply:
        """List this channel's feeds with their health; add, remove or resume one (managers only)."""
        action = _clean(action).lower() or "list"
        arg = _clean(argument)
        store = self._svc.store
        if action == "list":
            states = [f for f in store.feeds() if inv.channel is None or inv.channel in f.feed.channels]
            return FeedsReply(inv.channel, tuple(states))
        if action not in ("add", "remove", "resume"):
            return TextReply(f"Unknown action “{_echo(action)}”: use list, add, remove or resume.", error=True)
        if not inv.can_manage:
            return TextReply("Only admins may change feeds.", ephemeral=True)
        if not arg:
            return TextReply(f"/feeds {action} needs a {'URL' if action == 'add' else 'feed name'}.", error=True)
        if action == "add":
            return await self._add_feed(inv, arg)
        shown = _echo(arg)
        if action == "remove":
            done = store.remove_feed(arg, inv.channel)
            return TextReply(f"Removed “{shown}” from this channel." if done else f"No feed is named “{shown}”.")
        done = store.resume_feed(arg)
        return TextReply(f"Resumed “{shown}”; it is polled again." if done else f"No feed is named “{shown}”.")

    async def _add_feed(self, inv: Invocation, arg: str) -> Reply:
        url, _, name = arg.partition(" ")
        if refused := self._refusal(url):
            return refused
        parts = urlsplit(url)
        if inv.channel is None:
            return TextReply("Feeds can only be added in a channel that has a digest.", error=True)
        name = name.strip() or parts.hostname or url
        store = self._svc.store
        store.add_feed(Feed(name, url, (inv.channel,)))
        state = store.feed(name)
        assert state is not None
        report = await self._svc.poller.poll([state])
        if name in report.failed:
            store.remove_feed(name, inv.channel)
            return TextReply(f"Could not add {_echo(url)}: {report.failed[name]}.", error=True)
        return TextReply(f"Added {name!r}; its newest articles will be in the next digest.")

    async def run_line(self, inv: Invocation, line: str) -> Reply:
        """Run a command typed as text ("/summary 2", '/who-said "no deal"'), as `newsbot ask` does."""
        line = line.strip()
        name, _, rest = line.partition(" ")
        name = name.lstrip("/").lower()
        if name == "summary":
            return await self.summary(inv, rest)
        if name in ("who-said", "whosaid", "who_said"):
            return await self.who_said(inv, rest)
        if name == "digest":
            return await self.digest(inv)
        if name == "feeds":
            try:
                words = shlex.split(rest)
            except ValueError:
                words = rest.split()
            action = words[0] if words else "list"
            return await self.feeds(inv, action, " ".join(words[1:]))
        if name in ("help", ""):
            return TextReply(HELP)
        return TextReply(f"Unknown command /{_echo(name)}. Try /help.", error=True)
