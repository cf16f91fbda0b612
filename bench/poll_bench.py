"""Poll N local feeds with newsbot, with the reader library and with a naive feedparser loop; compare.

    .venv/bin/python bench/poll_bench.py [--feeds 1000] [--items 20] [--change 0.1] [--burst 1000]
                                         [--memory-feeds 10000] [--reader-workers 16] [--quick]

Starts bench/feedserver.py on 127.0.0.1 and runs every contender against it, one child process per
contender and phase (bench/contenders.py), so that CPU seconds and peak RSS are that contender's own:

1. cold: an empty store polls every feed (all 200, gzipped);
2. warm: nothing changed (every feed answers 304);
3. warm + change: the server adds a new item to ``--change`` of the feeds first.

Then newsbot's article work (Processor.process_pending on ``--burst`` new articles: page fetch,
extraction, key points, quotes) with the event loop's lag sampled meanwhile, and the whole bot's peak
memory with ``--memory-feeds`` feeds configured and polled. Prints a table, newsbot's ratio to each
peer, and the targets with PASS/FAIL. ``--quick`` is a smaller run (200 feeds, no memory run).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PY = sys.executable
CHILD_TIMEOUT = 900


class Server:
    """bench/feedserver.py in a child process."""

    def __init__(self, feeds: int, items: int, ports: int) -> None:
        self.proc = subprocess.Popen(
            [PY, str(HERE / "feedserver.py"), "--feeds", str(feeds), "--items", str(items),
             "--ports", str(ports), "--seconds", "3600"],
            stdout=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit("the feed server did not start")
        self.ports: list[int] = json.loads(line)["ports"]
        self.feeds = feeds

    def url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.ports[index % len(self.ports)]}/feeds/{index}.xml"

    def control(self, what: str) -> Any:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.ports[0]}/_control/{what}", timeout=30) as resp:
            return json.load(resp)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def child(contender: str, phase: str, workdir: Path, *extra: str) -> dict[str, Any]:
    """Run one contender phase in its own process; return what it measured."""
    cmd = [PY, str(HERE / "contenders.py"), contender, phase, str(workdir), *extra]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"{contender} {phase} failed (exit {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def cli_poll(workdir: Path, server: Server, n: int) -> dict[str, Any]:
    """Time `newsbot poll` from the outside (start-up included) on a config naming the same feeds."""
    config = workdir / "newsbot.toml"
    lines = ['[store]\npath = "cli.sqlite3"\n', '[[channels]]\nname = "news"\n']
    lines += [f'[[feeds]]\nname = "feed-{i:05d}"\nurl = "{server.url(i)}"\nchannels = ["news"]\n' for i in range(n)]
    config.write_text("\n".join(lines))
    out: dict[str, Any] = {}
    for phase in ("cold", "warm"):
        start = time.perf_counter()
        done = subprocess.run([PY, "-m", "bot", "poll", "--config", str(config), "--db", str(workdir / "cli.sqlite3")],
                              capture_output=True, text=True, timeout=CHILD_TIMEOUT, cwd=HERE.parent)
        out[phase] = time.perf_counter() - start
        out[phase + "_line"] = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-300:]
    return out


def row(name: str, r: dict[str, Any], feeds: int) -> str:
    return (f"{name:<34} {r['wall']:>8.2f} {feeds / r['wall']:>10.0f} {r['cpu']:>8.2f} {r['peak_mb']:>8.0f}"
            f"   {_what(r)}")


def _what(r: dict[str, Any]) -> str:
    keys = ("new", "not_modified", "entries", "errors", "failed")
    return ", ".join(f"{k}={r[k]}" for k in keys if k in r)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--ports", type=int, default=16, help="the server's ports (hosts, as a poller sees them)")
    ap.add_argument("--change", type=float, default=0.1, help="share of feeds changed before the third poll")
    ap.add_argument("--burst", type=int, default=1000, help="new articles for the processing run (0: skip)")
    ap.add_argument("--memory-feeds", type=int, default=10000, help="feeds for the memory run (0: skip)")
    ap.add_argument("--reader-workers", type=int, default=16)
    ap.add_argument("--no-naive", action="store_true", help="skip the sequential feedparser baseline")
    ap.add_argument("--quick", action="store_true", help="200 feeds, burst 100, no memory run")
    args = ap.parse_args(argv)
    if args.quick:
        args.feeds, args.burst, args.memory_feeds = 200, 100, 0
    n = args.feeds
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="newsbot-bench-") as tmp:
        work = Path(tmp)
        server = Server(max(n, args.memory_feeds), args.items, args.ports)
        try:
            (work / "feeds.json").write_text(json.dumps([server.url(i) for i in range(n)]))
            rw = ("--reader-workers", str(args.reader_workers))
            contenders = [("newsbot", ()), ("reader", rw)] + ([] if args.no_naive else [("feedparser", ())])
            for phase in ("cold", "warm"):
                for name, extra in contenders:
                    results[f"{name} {phase}"] = child(name, phase, work, *extra)
            changed = server.control(f"change?share={args.change}&round=1&feeds={n}")["changed"]
            for name, extra in contenders:
                results[f"{name} warm+change"] = child(name, "warm+change", work, *extra)
            if args.burst:
                results["process"] = child("newsbot-process", "burst", work, "--burst", str(args.burst))
            cli = cli_poll(work, server, n)
            if args.memory_feeds:
                mem = work / "memory"
                mem.mkdir()
                (mem / "feeds.json").write_text(json.dumps([server.url(i) for i in range(args.memory_feeds)]))
                results["memory"] = child("newsbot-memory", "cold", mem)
            stats = server.control("stats")
        finally:
            server.stop()
    report(args, results, changed, cli, stats)
    return 0


def report(args: argparse.Namespace, results: dict[str, dict[str, Any]], changed: int,
           cli: dict[str, Any], stats: dict[str, int]) -> None:
    n = args.feeds
    print(f"\nnewsbot poll benchmark: {n} feeds x {args.items} items on 127.0.0.1 ({args.ports} ports), "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"warm+change: {changed} feeds ({args.change:.0%}) got a new item; reader workers={args.reader_workers}")
    print(f"\n{'contender / phase':<34} {'wall s':>8} {'feeds/s':>10} {'CPU s':>8} {'peak MB':>8}   counts")
    for phase in ("cold", "warm", "warm+change"):
        for name in ("newsbot", "reader", "feedparser"):
            key = f"{name} {phase}"
            if key in results:
                print(row(key, results[key], n))
    print(f"{'newsbot poll CLI (start-up incl.)':<34} cold {cli['cold']:.2f} s, warm {cli['warm']:.2f} s"
          f"   ({cli['warm_line']})")
    print("\nratios (peer wall time / newsbot wall time; CPU in brackets):")
    for phase in ("cold", "warm", "warm+change"):
        ours = results[f"newsbot {phase}"]
        parts = []
        for peer in ("reader", "feedparser"):
            theirs = results.get(f"{peer} {phase}")
            if theirs:
                cpu = theirs["cpu"] / max(ours["cpu"], 1e-9)
                parts.append(f"{peer} {theirs['wall'] / ours['wall']:.1f}x ({cpu:.1f}x)")
        print(f"  {phase:<12} " + ", ".join(parts))
    proc = results.get("process")
    if proc:
        print(f"\narticle work: {proc['articles']} articles in {proc['wall']:.1f} s = {proc['per_second']:.1f}/s, "
              f"CPU {proc['cpu']:.1f} s, peak {proc['peak_mb']:.0f} MB; event-loop lag p50 {proc['lag_p50_ms']:.1f} ms,"
              f" p99 {proc['lag_p99_ms']:.1f} ms, max {proc['lag_max_ms']:.1f} ms")
    mem = results.get("memory")
    if mem:
        print(f"whole bot, {args.memory_feeds} feeds configured: cold poll {mem['wall']:.1f} s "
              f"({mem['feeds'] / mem['wall']:.0f} feeds/s, {mem['new']} new, {mem['failed']} failed), "
              f"{mem['processed']} articles processed, peak RSS {mem['peak_mb']:.0f} MB")
    print(f"server counts: {json.dumps(stats, sort_keys=True)}")
    print("\ntargets:")
    checks = [
        ("cold poll >= 10x faster than reader", results["reader cold"]["wall"] / results["newsbot cold"]["wall"], 10),
        ("warm poll (all 304) >= 4x faster than reader",
         results["reader warm"]["wall"] / results["newsbot warm"]["wall"], 4),
    ]
    for label, value, goal in checks:
        print(f"  {'PASS' if value >= goal else 'FAIL'}  {label}: {value:.1f}x")
    if mem:
        ok = mem["peak_mb"] < 250
        print(f"  {'PASS' if ok else 'FAIL'}  peak memory < 250 MB with {args.memory_feeds} feeds: "
              f"{mem['peak_mb']:.0f} MB")
    failures = sum(results[f"newsbot {p}"].get("failed", 0) for p in ("cold", "warm", "warm+change"))
    print(f"  {'PASS' if failures == 0 else 'FAIL'}  newsbot polls without failures: {failures} failed")


if __name__ == "__main__":
    sys.exit(main())
