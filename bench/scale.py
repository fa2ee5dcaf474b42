"""The scale table (issue 15): the same pages at 1,000, 10,000 and 100,000 articles, one run.

`python -m bench.scale --sizes 1000 10000 100000` (`make scale`). One PostgreSQL database
(`cms_scale`, created if missing) is topped up size after size by `bench.seed`; at each size:

1. the URLs are discovered in a child process with Django set up, by reading the site as a
   client would: the API's `next` followed 50 times, the changes log's recent cursor, the
   feed's `rel="last"` link, the category with most articles and its pages, the sitemap
   index's first article part, the news section holding most articles and a superuser's
   session for the admin's page explorer;
2. queries per request are counted in-process (`bench.run.count_queries`);
3. gunicorn serves the project with the cache off and wrk loads each URL at one connection
   (a warm-up, then `--seconds`), so that p50 and p99 are per-request latencies, not queueing.
   Scenarios take turns over `--rounds`, and the median of the rounds is kept.

The table gives p50, p99 and queries at each size, the ratio of the p50 at the largest size
to the p50 at the smallest, and a verdict against the issue's targets: within 1.2× (2× for
search) and no more queries at a larger size than at the smallest. It is written, with a chart, to
bench/results/scale.{md,json,png}.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

from bench.run import (
    PYTHON,
    RESULTS,
    ROOT,
    bench_env,
    count_queries,
    ensure_database,
    free_port,
    run_wrk,
    search_scenarios,
    start_gunicorn,
    stop,
)

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/cms_scale"
LATENCY_LIMIT = 1.2  # p50 at the largest size / p50 at the smallest, the target
SEARCH_LATENCY_LIMIT = 2.0
DEPTH = 50  # cursors followed, and the category page asked for as "deep"
ADMIN_USER = "bench-scale"


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    search: bool = False  # held to SEARCH_LATENCY_LIMIT
    admin: bool = False  # sent with the superuser's session cookie


SCENARIOS = [
    # Reads no article: its ratio is the machine's own drift between sizes (they run minutes apart).
    Scenario("control", "control: bare Django view, 60 KB, reads no article"),
    Scenario("list_first", "API list, first page (limit 20)"),
    Scenario("list_deep", "API list, 50 cursors deep"),
    Scenario("detail", "API detail"),
    Scenario("changes_start", "/changes/ from the start"),
    Scenario("changes_recent", "/changes/ from a recent cursor"),
    Scenario("rss_first", "RSS, first page"),
    Scenario("rss_last", "RSS, last page"),
    Scenario("home", "site home"),
    Scenario("category_first", "category with most articles, first page"),
    Scenario("category_deep", "same category, page 50 (or its last)"),
    Scenario("category_last", "same category, last numbered page"),
    Scenario("category_oldest", "same category, its oldest articles (?truoc=)"),
    *[
        Scenario(s.key, s.label.removesuffix(", cold"), search=True)
        for s in search_scenarios()
        if not s.key.startswith("like_")
    ],
    Scenario("sitemap_index", "sitemap.xml, index"),
    Scenario("sitemap_part", "sitemap, first article part"),
    Scenario("admin_explorer", "admin page explorer, largest news section", admin=True),
]
SEARCH_PATHS = {s.key: s.path for s in search_scenarios() if not s.key.startswith("like_")}


@dataclass
class Measurement:
    path: str
    p50_ms: float
    p99_ms: float
    queries: int | None
    bytes: int | None
    errors: int = 0
    p50_range: tuple[float, float] = (0.0, 0.0)


@dataclass
class Row:
    key: str
    label: str
    search: bool
    by_size: dict[int, Measurement] = field(default_factory=dict)


# --- pure parts: following cursors, choosing pages, the verdicts and the table ---------------


def path_of(url: str) -> str:
    """The path and query of an absolute URL (the API's `next` is on SITE_URL)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def follow_next(fetch: Callable[[str], str | None], start: str, steps: int) -> tuple[str, int]:
    """The page reached by following `steps` next links from `start`, or the last one if the
    list ends first, with the number of links followed. `fetch(path)` returns the next page's
    path, or None on the last page."""
    path = start
    for followed in range(steps):
        following = fetch(path)
        if following is None:
            return path, followed
        path = following
    return path, steps


def deep_page(count: int, per_page: int, wanted: int = DEPTH) -> int:
    """The page number asked for as "deep": `wanted`, or the last page when there are fewer."""
    return min(wanted, last_page(count, per_page))


def last_page(count: int, per_page: int) -> int:
    return max(1, -(-count // per_page))


def p50_ratio(row: Row, sizes: list[int]) -> float | None:
    smallest, largest = row.by_size.get(sizes[0]), row.by_size.get(sizes[-1])
    if not smallest or not largest or not smallest.p50_ms:
        return None
    return largest.p50_ms / smallest.p50_ms


def queries_grow(row: Row, sizes: list[int]) -> bool:
    """Whether a larger size takes more queries than the smallest (fewer is no miss: a search
    can find its page in fewer steps when more articles match)."""
    counts = [row.by_size[size].queries for size in sizes if size in row.by_size]
    return None in counts or any(count > counts[0] for count in counts[1:])


def verdict(row: Row, sizes: list[int]) -> str:
    """The verdict: "ok", or what misses the target: the p50 ratio beyond its limit, queries that grow."""
    limit = SEARCH_LATENCY_LIMIT if row.search else LATENCY_LIMIT
    ratio = p50_ratio(row, sizes)
    misses = []
    if ratio is None:
        misses.append("not measured")
    elif ratio > limit:
        misses.append(f"p50 {ratio:.2f}× > {limit:g}×")
    if queries_grow(row, sizes):
        counts = "→".join(str(row.by_size[size].queries) if size in row.by_size else "?" for size in sizes)
        misses.append(f"queries {counts}")
    if any(m.errors for m in row.by_size.values()):
        misses.append("errors")
    return "ok" if not misses else "**no**: " + ", ".join(misses)


def scale_table(rows: list[Row], sizes: list[int]) -> str:
    head = "| scenario | " + " | ".join(f"{size:,} p50 ms | p99 ms | queries" for size in sizes)
    head += f" | p50 {sizes[-1]:,} / {sizes[0]:,} | verdict |"
    lines = [head, "|---|" + "---:|---:|---:|" * len(sizes) + "---:|---|"]
    for row in rows:
        cells = []
        for size in sizes:
            m = row.by_size.get(size)
            if m is None:
                cells += ["", "", ""]
            else:
                cells += [f"{m.p50_ms:.1f}", f"{m.p99_ms:.1f}", "" if m.queries is None else str(m.queries)]
        ratio = p50_ratio(row, sizes)
        cells += ["" if ratio is None else f"{ratio:.2f}×", verdict(row, sizes)]
        lines.append(f"| {row.label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def paths_table(rows: list[Row], sizes: list[int]) -> str:
    """Which URL each row loaded at each size (they differ: the deep pages are found per size),
    and the body's bytes."""
    lines = ["| scenario | " + " | ".join(f"{size:,}" for size in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for row in rows:
        cells = []
        for size in sizes:
            m = row.by_size.get(size)
            cells.append("" if m is None else f"`{m.path}`" + ("" if m.bytes is None else f" ({m.bytes:,} B)"))
        lines.append(f"| {row.label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def chart(rows: list[Row], sizes: list[int], path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(11, 0.32 * len(rows) * len(sizes) + 1.8))
    height = 0.8 / len(sizes)
    colours = ["#9ecae1", "#4292c6", "#08306b", "#41ab5d", "#fd8d3c"]
    labels = [row.label for row in rows][::-1]
    for index, size in enumerate(sizes):
        values = [row.by_size[size].p50_ms if size in row.by_size else 0 for row in rows][::-1]
        positions = [y - (index - (len(sizes) - 1) / 2) * height for y in range(len(rows))]  # smallest on top
        axis.barh(positions, values, height=height, color=colours[index % len(colours)], label=f"{size:,} articles")
    axis.set_yticks(range(len(rows)), labels, fontsize=8)
    axis.set_xscale("log")
    axis.set_xlabel("p50 ms per request, cache off, one connection (log scale)")
    axis.set_title("The same pages at each number of articles")
    axis.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=110)


# --- discovery, in a child process with Django set up ----------------------------------------

LAST_LINK = re.compile(r'<atom:link[^>]*rel="last"[^>]*>|<link[^>]*rel="last"[^>]*>')
HREF = re.compile(r'href="([^"]+)"')
LOC = re.compile(r"<loc>([^<]+)</loc>")


def discover() -> dict:
    """This size's URLs, each fetched once here to check it answers 200, and the admin's cookie."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from api.models import ArticleChange
    from bench.seed import LEGACY_PREFIX
    from cms.news.models import ArticlePage, Category, NewsIndexPage
    from cms.news.selectors import published_articles, with_article_counts
    from cms.pagination import ARTICLES_PER_PAGE, OLDER, format_cursor

    client = Client()

    def get(path: str, **kwargs):
        response = client.get(path, **kwargs)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        return response

    paths, notes = {"control": "/api/bench/floor/"}, {}
    paths["list_first"] = "/api/v1/articles/?limit=20"
    paths["list_deep"], notes["list_cursors"] = follow_next(
        lambda path: path_of(url) if (url := get(path).json()["next"]) else None, paths["list_first"], DEPTH
    )
    articles = published_articles()
    newest = list(articles.order_by("-date", "-pk").values_list("pk", flat=True)[: DEPTH + 1])
    paths["detail"] = f"/api/v1/articles/{newest[-1]}/"  # bench.run's detail: the 51st newest

    paths["changes_start"] = "/api/v1/changes/"
    public = ArticleChange.objects.filter(audience=ArticleChange.Audience.PUBLIC).order_by("-pk")
    # What a client that synced a moment ago sends: the `next_cursor` of an entry 50 from the end.
    recent = public.values_list("pk", flat=True)[: DEPTH + 1]
    paths["changes_recent"] = f"/api/v1/changes/?since={list(recent)[-1]}"

    paths["rss_first"] = "/feeds/rss.xml"
    last = LAST_LINK.search(get(paths["rss_first"]).content.decode())
    paths["rss_last"] = path_of(HREF.search(last.group(0)).group(1)) if last else paths["rss_first"]

    paths["home"] = "/"
    category = with_article_counts(Category.objects.all(), "articles", articles).order_by("-article_count", "pk")[0]
    in_category = articles.filter(categories=category).count()
    numbered = min(in_category, settings.SITE_MAX_PAGES * ARTICLES_PER_PAGE)  # past them: "Tin cũ hơn"
    base = f"/chuyen-muc/{category.slug}/"
    paths["category_first"] = base
    paths["category_deep"] = f"{base}?page={deep_page(numbered, ARTICLES_PER_PAGE)}"
    paths["category_last"] = f"{base}?page={last_page(numbered, ARTICLES_PER_PAGE)}"
    # The "Tin cũ hơn" page that lists the category's oldest articles: the far end of the keyset.
    oldest = articles.filter(categories=category).order_by("date", "pk")[ARTICLES_PER_PAGE : ARTICLES_PER_PAGE + 1]
    paths["category_oldest"] = next(
        (f"{base}?{OLDER}={format_cursor(article.date, article.pk)}" for article in oldest), base
    )
    notes["category"] = {"slug": category.slug, "articles": in_category}
    paths |= SEARCH_PATHS

    paths["sitemap_index"] = "/sitemap.xml"
    parts = [path_of(url) for url in LOC.findall(get(paths["sitemap_index"]).content.decode())]
    paths["sitemap_part"] = next(part for part in parts if "sitemap-articles-" in part)

    section = NewsIndexPage.objects.order_by("-numchild", "pk").first()
    paths["admin_explorer"] = f"/admin/pages/{section.pk}/"
    notes["section"] = {"id": section.pk, "title": section.title, "children": section.numchild}
    user, created = get_user_model().objects.get_or_create(
        username=ADMIN_USER, defaults={"is_superuser": True, "is_staff": True, "email": "bench-scale@example.com"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    admin = Client()
    admin.force_login(user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={admin.cookies[settings.SESSION_COOKIE_NAME].value}"

    for key, path in paths.items():
        response = (admin if key == "admin_explorer" else client).get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{key}: {path} answered {response.status_code}")
    notes["published"] = articles.count()
    notes["benchmark_articles"] = ArticlePage.objects.filter(legacy_id__startswith=LEGACY_PREFIX).count()
    return {"paths": paths, "cookie": cookie, "notes": notes}


def discovered() -> dict:
    output = subprocess.run(
        [PYTHON, "-m", "bench.scale", "--discover"], cwd=ROOT, env=bench_env("off"),
        capture_output=True, text=True,
    )  # fmt: skip
    if output.returncode:
        raise RuntimeError(f"discovery failed:\n{output.stderr[-4000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


# --- the run ------------------------------------------------------------------------------------


def measure_size(size: int, args) -> tuple[dict[str, Measurement], dict]:
    env = bench_env("off")
    print(f"\n== {size:,} articles: seeding…", flush=True)
    subprocess.run([PYTHON, "-m", "bench.seed", "--articles", str(size)], cwd=ROOT, env=env, check=True)
    print(f"== {size:,} articles: discovering the URLs…", flush=True)
    found = discovered()
    paths, cookie = found["paths"], found["cookie"]
    if found["notes"]["benchmark_articles"] != size:
        # The seed only adds: a database seeded larger before cannot be measured at this size.
        sys.exit(
            f"{found['notes']['benchmark_articles']:,} benchmark articles in the database, not {size:,}: "
            "start from an empty one (`--fresh` drops and recreates it)."
        )
    print(json.dumps(found["notes"], ensure_ascii=False), flush=True)
    admin_keys = {s.key for s in SCENARIOS if s.admin}
    print(f"== {size:,} articles: counting queries…", flush=True)
    public_paths = sorted({paths[s.key] for s in SCENARIOS if not s.admin})
    counts = count_queries(public_paths)
    counts |= count_queries([paths[key] for key in admin_keys], headers={"Cookie": cookie})
    runs: dict[str, list[tuple[float, float, float, int]]] = {s.key: [] for s in SCENARIOS}
    port = free_port()
    server = start_gunicorn("off", port)
    try:
        for turn in range(args.rounds):
            for scenario in SCENARIOS:
                url = f"http://127.0.0.1:{port}{paths[scenario.key]}"
                headers = [f"Cookie: {cookie}"] if scenario.admin else []
                print(f"{size:,}, round {turn + 1}/{args.rounds}: {scenario.label}…", flush=True)
                run_wrk(url, 2 if turn == 0 else 1, 1, headers, threads=1)  # warm-up
                runs[scenario.key].append(run_wrk(url, args.seconds, 1, headers, threads=1))
    finally:
        stop(server)
    measured = {}
    for scenario in SCENARIOS:
        taken = runs[scenario.key]
        queries, size_bytes = counts.get(paths[scenario.key], (None, None))
        p50s = [run[1] for run in taken]
        measured[scenario.key] = Measurement(
            path=paths[scenario.key],
            p50_ms=statistics.median(p50s),
            p99_ms=statistics.median(run[2] for run in taken),
            queries=queries,
            bytes=size_bytes,
            errors=sum(run[3] for run in taken),
            p50_range=(min(p50s), max(p50s)),
        )
    return measured, found["notes"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--seconds", type=int, default=5, help="load per scenario and round, after a warm-up")
    parser.add_argument("--rounds", type=int, default=3, help="turns each scenario takes; the median is shown")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--fresh", action="store_true", help="drop the database first (sizes below its own fail)")
    parser.add_argument("--discover", action="store_true", help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args()
    if args.discover:
        print(json.dumps(discover(), ensure_ascii=False))
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: `apt-get install wrk` (make scale does it).")
    sizes = sorted(set(args.sizes))
    os.environ["DATABASE_URL"] = args.database_url  # bench_env passes it to every child
    if args.fresh:
        name = args.database_url.rsplit("/", 1)[-1]
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True)
    ensure_database(args.database_url)
    started = time.monotonic()
    rows = [Row(s.key, s.label, s.search) for s in SCENARIOS]
    notes = {}
    for size in sizes:
        measured, notes[size] = measure_size(size, args)
        for row in rows:
            row.by_size[size] = measured[row.key]

    database = args.database_url.rsplit("/", 1)[-1]
    setup = (
        f"{', '.join(f'{size:,}' for size in sizes)} articles in one database ({database}), "
        f"topped up between sizes; gunicorn 2 workers, cache off; wrk -t1 -c1 -d{args.seconds}s per scenario and "
        f"round after a warm-up, median of {args.rounds} rounds taken in turns; on {os.cpu_count()} cores; "
        f"{(time.monotonic() - started) / 60:.0f} min in all."
    )
    targets = (
        f"Target: p50 at {sizes[-1]:,} within {LATENCY_LIMIT:g}× of p50 at {sizes[0]:,} "
        f"({SEARCH_LATENCY_LIMIT:g}× for search), and no query count that grows with the number of articles."
    )
    failing = [row.label for row in rows if verdict(row, sizes) != "ok"]
    text = "\n".join([
        f"Scale table: {setup}", "", targets, "", scale_table(rows, sizes), "",
        f"{len(rows) - len(failing)} of {len(rows)} rows meet the target"
        + (f"; missing it: {'; '.join(failing)}." if failing else "."),
        "", "URLs loaded:", "", paths_table(rows, sizes),
    ])  # fmt: skip
    print("\n" + text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scale.md").write_text(text + "\n")
    document = {
        "setup": setup,
        "sizes": sizes,
        "notes": notes,
        "rows": [{**asdict(row), "p50_ratio": p50_ratio(row, sizes), "verdict": verdict(row, sizes)} for row in rows],
    }
    (RESULTS / "scale.json").write_text(json.dumps(document, indent=2, ensure_ascii=False))
    chart(rows, sizes, RESULTS / "scale.png")
    print(f"\nwritten: {RESULTS / 'scale.md'}, scale.json, scale.png")


if __name__ == "__main__":
    main()
