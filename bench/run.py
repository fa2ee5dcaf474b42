"""One command for the whole benchmark (`make bench`): seed, serve, load, print, chart.

1. Seeds the benchmark database (PostgreSQL `cms_bench`, created if missing) to N articles.
2. Counts SQL queries per request for every scenario, in-process (Django test client).
3. Serves the project with gunicorn (2 workers, bench.settings) twice: cache off ("cold"),
   then with Redis ("warm"), and loads each scenario with wrk from this machine after a warm-up.
   Scenarios take turns, round after round (`--rounds`, default 3), and the table shows each
   one's median: this machine's speed drifts over minutes, and turns keep a baseline and the
   scenario compared with it under the same drift.
4. Prints one table (requests/s, p50, p99, queries) with the baselines side by side and the
   ratios the issues set as targets, and writes bench/results/results.{json,md,png}.

5. In front of the warm server, Varnish with the deployed VCL (bench/front.py): a hit, the same
   bytes served by nginx as a static file (the limit of any cache here), and a miss.

`--against DIR` compares this checkout with another one (an earlier commit, with its own
`.venv`): both are served side by side on the same database, each scenario's turn loads one
and then the other (in alternating order), and the table gives both medians, the change and
whether it is within 5% (issue 13's rule for "no regression"), in bench/results/compare.md.
The shared-cache scenarios are left out of a comparison.

The framework's floor is a bare Django view returning a fixed body as large as the response it
is compared with (issue 3's definition): one as large as the API list, one as large as the RSS
feed (about ten times larger, and the size alone costs throughput). They live under /api/ and
/feeds/, so the project's middleware treats them as it treats the API and the feeds.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import front

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable


@dataclass(frozen=True)
class Tree:
    """A checkout to serve: this one, or the one `--against` names."""

    name: str
    root: Path
    python: str
    redis: str  # each its own Redis database, so that neither reads the other's cached bodies


THIS = Tree("after", ROOT, PYTHON, "redis://127.0.0.1:6379/9")


@dataclass
class Scenario:
    key: str
    label: str
    path: str
    cache: str  # "off" (cold), "on" (warm) or "front" (warm, Varnish and nginx in front)
    conditional: bool = False  # send If-None-Match with the ETag of a first response
    server: str = "app"  # "app" (gunicorn), "varnish" or "nginx" (bench/front.py)
    unique_query: bool = False  # a query string of its own per request: every one a Varnish miss


@dataclass
class Result:
    key: str
    label: str
    cache: str
    rps: float
    rps_min: float
    rps_max: float
    p50_ms: float
    p99_ms: float
    non_2xx_3xx: int
    queries: int | None
    bytes: int | None


def scenarios(article_id: int, article_path: str = "/") -> list[Scenario]:
    article_type = "news.ArticlePage"
    return [
        # The floors run in the warm server's turns: the ratios compare runs taken side by side.
        Scenario("floor", "bare Django view, body as large as our list (floor)", "/api/bench/floor/", "on"),
        Scenario("floor_feed", "bare Django view, body as large as our RSS (floor)", "/feeds/bench/floor.xml", "on"),
        Scenario("v2_list", "Wagtail API v2 list (limit 20, fields=*)",
                 f"/api/v2/pages/?type={article_type}&fields=*&limit=20", "off"),
        Scenario("v2_detail", "Wagtail API v2 detail", f"/api/v2/pages/{article_id}/", "off"),
        Scenario("list_cold", "our list (limit 20, all fields), cold", "/api/v1/articles/?limit=20", "off"),
        Scenario("list_warm", "our list (limit 20, all fields), warm", "/api/v1/articles/?limit=20", "on"),
        Scenario("detail_cold", "our detail, cold", f"/api/v1/articles/{article_id}/", "off"),
        Scenario("detail_warm", "our detail, warm", f"/api/v1/articles/{article_id}/", "on"),
        Scenario("syndication", "Django syndication Feed (50, full content)", "/bench/syndication/rss.xml", "off"),
        Scenario("rss_cold", "our RSS (50, full content), cold", "/feeds/rss.xml", "off"),
        Scenario("atom_cold", "our Atom (50, full content), cold", "/feeds/atom.xml", "off"),
        Scenario("rss_warm", "our RSS, warm", "/feeds/rss.xml", "on"),
        Scenario("atom_warm", "our Atom, warm", "/feeds/atom.xml", "on"),
        Scenario("rss_304", "our RSS, 304 (If-None-Match)", "/feeds/rss.xml", "on", conditional=True),
        Scenario("list_304", "our list, 304 (If-None-Match)", "/api/v1/articles/?limit=20", "on", conditional=True),
        Scenario("static_copy", "nginx: a Varnish hit's bytes as a static file (the limit)", front.STATIC_COPY,
                 "front", server="nginx"),
        Scenario("varnish_hit", "our article page through Varnish, hit", article_path, "front", server="varnish"),
        Scenario("varnish_miss", "our article page through Varnish, miss (new query string each request)",
                 article_path, "front", server="varnish", unique_query=True),
        *search_scenarios(),
    ]  # fmt: skip


# Issue 11: a common two-syllable query, a rare word, a quoted phrase; ours against the LIKE scan it replaced.
SEARCHES = {
    "common": ("nhà máy", "common two-syllable query `nhà máy`"),
    "rare": ("Pleikrông", "rare word `Pleikrông`"),
    "phrase": ('"an toàn lao động"', 'quoted phrase `"an toàn lao động"`'),
}


def search_scenarios() -> list[Scenario]:
    from urllib.parse import quote

    found = []
    for key, (query, label) in SEARCHES.items():
        q = quote(query)
        found += [
            Scenario(
                f"like_{key}", f"baseline: LIKE per folded word, {label}", f"/api/bench/like-search/?q={q}", "off"
            ),
            Scenario(f"search_{key}", f"our API search, {label}, cold", f"/api/v1/articles/?q={q}&limit=20", "off"),
            Scenario(f"site_search_{key}", f"our results page, {label}, cold", f"/tim-kiem/?q={q}", "off"),
        ]
    return found


def bench_env(cache: str, tree: Tree = THIS) -> dict[str, str]:
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cms_bench")
    env["BENCH_CACHE"] = cache
    env["SITE_URL"] = "http://127.0.0.1"
    if tree is not THIS:
        env["REDIS_URL"] = tree.redis
        env.setdefault("MEDIA_ROOT", str(ROOT / "bench" / "media"))  # the photos the seed wrote
    return env


def ensure_database(url: str) -> None:
    name = url.rsplit("/", 1)[-1]
    listing = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", "select datname from pg_database"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    if name not in listing:
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(cache: str, port: int, tree: Tree = THIS) -> subprocess.Popen:
    process = subprocess.Popen(
        [tree.python, "-m", "gunicorn", "cms.wsgi:application", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "--timeout", "120"],
        cwd=tree.root, env=bench_env(cache, tree), start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/bench/floor/", timeout=2)
            return process
        except OSError:
            time.sleep(0.3)
    stop(process)
    raise RuntimeError("gunicorn did not start")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def etag_of(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.headers.get("ETag", "")


LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(
    url: str, seconds: int, connections: int, headers: list[str], script: str | None = None, threads: int = 2
) -> tuple[float, float, float, int]:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "30s"]
    if script:
        command += ["-s", script]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latencies = {match[0]: float(match[1]) * UNIT_MS[match[2]] for match in LATENCY.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rps, latencies.get("50", 0.0), latencies.get("99", 0.0), int(errors.group(1)) if errors else 0


def count_queries(
    paths: list[str], tree: Tree = THIS, headers: dict[str, str] | None = None
) -> dict[str, tuple[int, int]]:
    """Queries and bytes per request, measured in a child process with the cache off; `headers`
    are sent with every request (a session cookie, for the admin)."""
    code = (
        "import json,sys,django;django.setup()\n"
        "from django.test import Client\nfrom django.db import connection\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client=Client(headers=json.loads(sys.argv[2]));out={}\n"
        "for path in json.loads(sys.argv[1]):\n"
        "    client.get(path)\n"
        "    with CaptureQueriesContext(connection) as ctx: r=client.get(path)\n"
        "    out[path]=[len(ctx.captured_queries), len(r.content), r.status_code]\n"
        "print(json.dumps(out))\n"
    )
    arguments = [json.dumps(paths), json.dumps(headers or {})]
    output = subprocess.run([tree.python, "-c", code, *arguments], cwd=tree.root, env=bench_env("off", tree),
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    return {path: (queries, size) for path, (queries, size, _status) in json.loads(output.splitlines()[-1]).items()}


def first_article() -> tuple[int, str]:
    """The id and page path of the article the detail scenarios read."""
    code = (
        "import django;django.setup()\nfrom cms.news.selectors import published_articles\n"
        "a=published_articles().filter(legacy_id__startswith='bench-')[50]\nprint(a.pk, a.url)\n"
    )
    output = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=bench_env("off"), capture_output=True, text=True)
    article_id, path = output.stdout.strip().splitlines()[-1].split()
    return int(article_id), path


def table(results: dict[str, Result]) -> str:
    lines = [
        "| scenario | cache | req/s (median) | req/s range | p50 ms | p99 ms | queries/req | body bytes | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results.values():
        queries = "" if result.queries is None else str(result.queries)
        size = "" if result.bytes is None else f"{result.bytes:,}"
        lines.append(
            f"| {result.label} | {result.cache} | {result.rps:,.1f} | {result.rps_min:,.1f}–{result.rps_max:,.1f} "
            f"| {result.p50_ms:.1f} | {result.p99_ms:.1f} | {queries} | {size} | {result.non_2xx_3xx} |"
        )
    return "\n".join(lines)


def ratios(results: dict[str, Result]) -> list[str]:
    def p50_ratio(slow: str, fast: str) -> str:
        if slow in results and fast in results and results[fast].p50_ms:
            return f"{results[slow].p50_ms / results[fast].p50_ms:.1f}×"
        return "n/a"

    def ratio(a: str, b: str) -> str:
        if a in results and b in results and results[b].rps:
            return f"{results[a].rps / results[b].rps:.2f}×"
        return "n/a"

    return [
        f"our cold list / Wagtail API v2 list: {ratio('list_cold', 'v2_list')} (target ≥ 10×)",
        f"our cold detail / Wagtail API v2 detail: {ratio('detail_cold', 'v2_detail')}",
        f"our warm list / floor: {ratio('list_warm', 'floor')} (target ≥ 0.6×)",
        f"our warm detail / floor: {ratio('detail_warm', 'floor')} (target ≥ 0.6×)",
        f"our cold RSS / syndication Feed: {ratio('rss_cold', 'syndication')} (target ≥ 10×)",
        f"our cold Atom / syndication Feed: {ratio('atom_cold', 'syndication')} (target ≥ 10×)",
        f"our warm RSS / floor of the same size: {ratio('rss_warm', 'floor_feed')} (target ≥ 0.6×)",
        f"our warm Atom / floor of the same size: {ratio('atom_warm', 'floor_feed')} (target ≥ 0.6×)",
        f"our warm RSS / list-size floor (for reference): {ratio('rss_warm', 'floor')}",
        f"our RSS 304 / list-size floor: {ratio('rss_304', 'floor')} (target ≥ 0.8×)",
        f"our list 304 / list-size floor: {ratio('list_304', 'floor')}",
        f"Varnish hit / nginx static file of the same bytes: {ratio('varnish_hit', 'static_copy')}",
        f"Varnish hit / Varnish miss: {ratio('varnish_hit', 'varnish_miss')}",
        *[
            f"our API search / LIKE baseline, {label}: {ratio(f'search_{key}', f'like_{key}')} req/s, "
            f"p50 {p50_ratio(f'like_{key}', f'search_{key}')} faster (target p50 ≥ {20 if key == 'rare' else 5}× "
            "for the rare word and the common query)"
            for key, (_query, label) in SEARCHES.items()
        ],
    ]


def chart(results: dict[str, Result], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [result.label for result in results.values()]
    values = [result.rps for result in results.values()]
    baselines = (
        "floor", "floor_feed", "v2_list", "v2_detail", "syndication", "static_copy",
        *(f"like_{key}" for key in SEARCHES),
    )  # fmt: skip
    colours = ["#999999" if key in baselines else "#0b4f8a" for key in results]
    figure, axis = plt.subplots(figsize=(11, 0.45 * len(labels) + 1.5))
    axis.barh(labels[::-1], values[::-1], color=colours[::-1])
    axis.set_xscale("log")
    axis.set_xlabel("requests per second (log scale); grey = baselines")
    for y, value in enumerate(values[::-1]):
        axis.text(value, y, f" {value:,.0f}", va="center", fontsize=8)
    axis.set_title("API and feeds vs Wagtail API v2, Django syndication and the bare-Django floor")
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def compare_table(before: dict[str, Result], after: dict[str, Result]) -> str:
    """Both checkouts' medians side by side; "ok" where the change is within 5% or better."""
    lines = [
        "| scenario | before req/s | after req/s | change | before p50 ms | after p50 ms | change "
        "| queries | within 5% |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for key, new in after.items():
        old = before[key]
        rate, latency = new.rps / old.rps - 1 if old.rps else 0.0, new.p50_ms / old.p50_ms - 1 if old.p50_ms else 0.0
        queries = f"{old.queries}→{new.queries}" if new.queries is not None else ""
        fewer = new.queries is None or old.queries is None or new.queries <= old.queries
        verdict = "ok" if rate >= -0.05 and latency <= 0.05 and fewer else "**no**"
        lines.append(
            f"| {new.label} | {old.rps:,.1f} | {new.rps:,.1f} | {rate:+.0%} | {old.p50_ms:.1f} | {new.p50_ms:.1f} "
            f"| {latency:+.0%} | {queries} | {verdict} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=5, help="load per scenario and round, after a warm-up")
    parser.add_argument("--rounds", type=int, default=3, help="turns each scenario takes; the median is shown")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--only", nargs="*", help="scenario keys to run (default: all)")
    parser.add_argument("--against", type=Path, help="another checkout, with its .venv, to compare with (before)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: `apt-get install wrk` (make bench does it).")
    trees = [THIS]
    if args.against:
        before = args.against.resolve()
        if not (before / ".venv" / "bin" / "python").exists():
            sys.exit(f"{before} has no .venv: `make install-dev` there first.")
        trees = [Tree("before", before, str(before / ".venv" / "bin" / "python"), "redis://127.0.0.1:6379/10"), THIS]

    env = bench_env("off")
    ensure_database(env["DATABASE_URL"])
    subprocess.run([PYTHON, "-m", "bench.seed", "--articles", str(args.articles)], cwd=ROOT, env=env, check=True)
    article_id, article_path = first_article()
    chosen = [s for s in scenarios(article_id, article_path) if not args.only or s.key in args.only]
    if (args.against or not front.available()) and any(s.cache == "front" for s in chosen):
        why = "a comparison measures the app servers" if args.against else "Varnish or nginx is not installed"
        print(f"{why}: the shared-cache scenarios are skipped.", flush=True)
        chosen = [s for s in chosen if s.cache != "front"]

    print("measuring queries per request…", flush=True)
    paths = sorted({s.path for s in chosen if s.server == "app"})
    counts = {tree: count_queries(paths, tree) for tree in trees}
    list_size = counts[THIS].get("/api/v1/articles/?limit=20", (0, 60_000))[1]
    feed_size = counts[THIS].get("/feeds/rss.xml", (0, 550_000))[1]
    os.environ["BENCH_FLOOR_BYTES"] = str(list_size or 60_000)
    os.environ["BENCH_FEED_FLOOR_BYTES"] = str(feed_size or 550_000)
    for tree_counts in counts.values():
        tree_counts["/api/bench/floor/"] = (0, list_size)
        tree_counts["/feeds/bench/floor.xml"] = (0, feed_size)

    results: dict[Tree, dict[str, Result]] = {tree: {} for tree in trees}
    for cache in ("off", "on", "front"):
        group = [s for s in chosen if s.cache == cache]
        if not group:
            continue
        servers: dict[Tree, tuple[subprocess.Popen, int]] = {}
        in_front = None
        runs: dict[tuple[Tree, str], list[tuple[float, float, float, int]]] = {
            (tree, s.key): [] for tree in trees for s in group
        }
        try:
            for tree in trees:
                port = free_port()
                servers[tree] = (start_gunicorn("off" if cache == "off" else "on", port, tree), port)
            if cache == "front":  # never with --against: only this checkout is measured behind Varnish
                in_front = front.start(servers[THIS][1], article_path, free_port(), free_port())
            for turn in range(args.rounds):
                for scenario in group:
                    for tree in trees if turn % 2 == 0 else trees[::-1]:
                        ports = {"app": servers[tree][1]}
                        if in_front:
                            ports |= {"varnish": in_front.varnish_port, "nginx": in_front.nginx_port}
                        url = f"http://127.0.0.1:{ports[scenario.server]}{scenario.path}"
                        headers = [f"If-None-Match: {etag_of(url)}"] if scenario.conditional else []
                        headers += [front.GZIP] if cache == "front" else []
                        script = in_front.unique_query_script if scenario.unique_query else None
                        who = f" ({tree.name})" if len(trees) > 1 else ""
                        print(f"load, round {turn + 1}/{args.rounds}: {scenario.label}{who}…", flush=True)
                        run_wrk(url, 2 if turn == 0 else 1, args.connections, headers, script)  # warm-up
                        runs[tree, scenario.key].append(run_wrk(url, args.seconds, args.connections, headers, script))
        finally:
            if in_front:
                in_front.stop()
            for process, _port in servers.values():
                stop(process)
        for tree in trees:
            for scenario in group:
                taken = runs[tree, scenario.key]
                rates = [run[0] for run in taken]
                queries, size = counts[tree].get(scenario.path) or (None, None)
                if cache == "front":  # bytes on the wire: gzipped, the same for all three
                    queries, size = (None if scenario.unique_query else 0), in_front.hit_bytes
                results[tree][scenario.key] = Result(
                    scenario.key, scenario.label,
                    "none" if scenario.key.startswith("floor") else "off" if cache == "off"
                    else {"varnish": "Varnish (Redis behind)", "nginx": "file"}.get(scenario.server, "Redis"),
                    statistics.median(rates), min(rates), max(rates),
                    statistics.median(run[1] for run in taken), statistics.median(run[2] for run in taken),
                    sum(run[3] for run in taken),
                    None if scenario.conditional or cache == "on" else queries,
                    0 if scenario.conditional else size,
                )  # fmt: skip

    ordered = {s.key: results[THIS][s.key] for s in chosen if s.key in results[THIS]}
    RESULTS.mkdir(parents=True, exist_ok=True)
    setup = (
        f"{args.articles:,} articles, gunicorn 2 workers, PostgreSQL, wrk -t2 -c{args.connections} "
        f"-d{args.seconds}s per scenario and round after a warm-up, median of {args.rounds} rounds taken in turns, "
        f"on {os.cpu_count()} cores."
    )
    if args.against:
        text = "\n".join([
            f"Before ({trees[0].root}) and after ({ROOT}), served side by side, taking turns: {setup}",
            "",
            compare_table(results[trees[0]], ordered),
        ])  # fmt: skip
        print("\n" + text)
        (RESULTS / "compare.md").write_text(text + "\n")
        print(f"\nwritten: {RESULTS / 'compare.md'}")
        return
    report = [f"Benchmark: {setup}", "", table(ordered), "", *ratios(ordered)]
    text = "\n".join(report)
    print("\n" + text)
    (RESULTS / "results.md").write_text(text + "\n")
    (RESULTS / "results.json").write_text(json.dumps([asdict(r) for r in ordered.values()], indent=2))
    chart(ordered, RESULTS / "results.png")
    print(f"\nwritten: {RESULTS / 'results.md'}, results.json, results.png")


if __name__ == "__main__":
    main()
