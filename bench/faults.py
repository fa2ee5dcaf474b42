"""Fault and load scenarios against the local production set-up (issue 6), on demand:

    make faults            # or: .venv/bin/python -m bench.faults [--seconds 20] [--only baseline redis_stop …]

Starts `scripts/prod-local.sh` (two gunicorn app servers, 2 workers each, PostgreSQL, Redis,
task worker, Varnish in front of the app servers, nginx in front of Varnish; the ports, database
and Redis database follow APP_PORTS, NGINX_PORT, VARNISH_PORT, PROD_LOCAL_DB and REDIS_URL as
they do for the script), loads demo content, then for each scenario runs a bounded mixed load (API list and
detail, feeds, article pages) from threads on this machine against both app servers while an
"editor" publishes an article every 2 s through the ORM, and injects the fault. Every request is
recorded (time, server, status, latency); the report gives requests, errors by status, p50/p99
and recovery times, and writes bench/results/faults.md. Traffic goes to 127.0.0.1 only, and
every loop is bounded in time.
"""

import argparse
import contextlib
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PORTS = tuple(int(port) for port in os.environ.get("APP_PORTS", "8101 8102").split())
# The load goes through nginx and Varnish, as a deployment's traffic does (scripts/prod-local.sh
# starts them in front of the app servers); `--direct` sends it to the app servers in turn instead.
NGINX_PORT = int(os.environ.get("NGINX_PORT", "8100"))
VARNISH_PORT = int(os.environ.get("VARNISH_PORT", "8109"))
DATABASE_URL = os.environ.get(
    "DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{os.environ.get('PROD_LOCAL_DB', 'cms_prod_local')}"
)
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1")
PY = sys.executable
REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "-::1",
    "--port",
    "6379",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    "/var/lib/redis",
    "--logfile",
    "/var/log/redis/ci.log",
]  # fmt: skip  (the machine's own start command, docs/deploy.md)


@dataclass
class Sample:
    started: float
    port: int
    path: str
    status: int
    latency_ms: float


@dataclass
class Scenario:
    name: str
    samples: list[Sample] = field(default_factory=list)
    events: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def prod_env() -> dict[str, str]:
    state = ROOT / ".prod-local"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": (state / "secret_key").read_text().strip(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "SITE_URL": f"http://127.0.0.1:{NGINX_PORT}",
        # A change made here is purged from Varnish by the worker, as one made on an app server.
        "VARNISH_URLS": f"http://127.0.0.1:{VARNISH_PORT}",
        "MEDIA_ROOT": str(state / "media"),
        "STATIC_ROOT": str(state / "static"),
        "SECURE_SSL_REDIRECT": "false",
        "API_ANONYMOUS_RATE": "1000000/min",
    }


def django_shell(code: str, timeout: int = 120) -> str:
    result = subprocess.run(
        [PY, "manage.py", "shell", "-c", code], cwd=ROOT, env=prod_env(), capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip
    if result.returncode:
        raise RuntimeError(result.stderr[-2000:])
    return result.stdout


def unpublish_and_start_clock(pk: int) -> float:
    """Unpublish article `pk` on app server A; the `time.monotonic()` moment it committed (the
    clock starts then, not when the shell started)."""
    output = django_shell(
        f"import time\nfrom wagtail.models import Page\nPage.objects.get(pk={pk}).specific.unpublish()\n"
        "print(time.time())"
    )
    return time.monotonic() - (time.time() - float(output.strip().splitlines()[-1]))


def discover_paths() -> list[str]:
    output = django_shell(
        "import json\nfrom cms.news.selectors import published_articles\n"
        "a=list(published_articles()[:10])\n"
        "print(json.dumps([p.url for p in a] + [f'/api/v1/articles/{p.pk}/' for p in a]))"
    )
    pages_and_details = json.loads(output.strip().splitlines()[-1])
    return [
        "/api/v1/articles/?limit=20", "/api/v1/articles/?limit=20&unit=nhiet-dien-can-tho",
        "/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json", "/", *pages_and_details,
    ]  # fmt: skip


class Load:
    """Threads requesting random paths through nginx (or from both app servers) until stopped (bounded)."""

    def __init__(self, paths: list[str], threads: int, scenario: Scenario, timeout: float = 10.0, direct=False):
        self.paths, self.scenario, self.timeout = paths, scenario, timeout
        self.ports = PORTS if direct else (NGINX_PORT,)
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(threads)]

    def run(self, number: int) -> None:
        rng = random.Random(number)
        while not self.stop_event.is_set():
            port, path = self.ports[number % len(self.ports)], rng.choice(self.paths)
            started = time.monotonic()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=self.timeout) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except (urllib.error.URLError, OSError, http.client.HTTPException):
                status = 0  # connection refused / reset / timeout / a body cut short
            sample = Sample(started, port, path, status, (time.monotonic() - started) * 1000)
            with self.lock:
                self.scenario.samples.append(sample)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=self.timeout + 5)


class Editor:
    """Publishes an article every 2 s through the ORM; records the ids that reported success."""

    CODE = (
        "import time,sys,datetime\nfrom cms.news.models import ArticlePage, NewsIndexPage\n"
        "from wagtail.rich_text import RichText\n"
        "parent=NewsIndexPage.objects.order_by('path').first()\nend=time.monotonic()+float(sys.argv[-1])\n"
        "n=0\nwhile time.monotonic()<end:\n"
        "    n+=1\n"
        "    try:\n"
        "        p=ArticlePage(title=f'Tin thử tải {time.time_ns()}',lead='Sapo.',\n"
        "                      body=[('paragraph',RichText('<p>x</p>'))])\n"
        "        parent.add_child(instance=p); p.save_revision().publish(); print('OK',p.pk,flush=True)\n"
        "    except Exception as e:\n"
        "        print('FAIL',type(e).__name__,flush=True)\n"
        "        from django.db import connection; connection.close()\n"
        "    time.sleep(2)\n"
    )  # fmt: skip

    def __init__(self, seconds: float):
        self.process = subprocess.Popen(
            [PY, "-c", "import django,sys;django.setup();exec(sys.argv[1])", self.CODE, str(seconds)],
            cwd=ROOT, env=prod_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip

    def finish(self) -> tuple[list[int], int]:
        output, _ = self.process.communicate(timeout=300)
        ok = [int(line.split()[1]) for line in output.splitlines() if line.startswith("OK")]
        failed = sum(1 for line in output.splitlines() if line.startswith("FAIL"))
        return ok, failed


def summarise(scenario: Scenario, since: float) -> dict:
    samples = scenario.samples
    latencies = sorted(s.latency_ms for s in samples) or [0.0]
    statuses = Counter(s.status for s in samples)
    return {
        "requests": len(samples),
        "by_status": dict(sorted(statuses.items())),
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 1),
        "errors_5xx_or_refused": sum(n for code, n in statuses.items() if code >= 500 or code == 0),
        "events": {name: round(at - since, 1) for name, at in scenario.events.items()},
        "notes": scenario.notes,
    }


def errors_after(scenario: Scenario, moment: float, codes=(500, 502, 503, 504, 0)) -> int:
    return sum(1 for s in scenario.samples if s.started >= moment and s.status in codes)


def redis_pid() -> int:
    return int(subprocess.run(["pgrep", "-f", "redis-server.*6379"], capture_output=True, text=True).stdout.split()[0])


def run_scenario(name: str, paths: list[str], seconds: float, threads: int, direct: bool = False) -> dict:
    scenario = Scenario(name)
    begin = time.monotonic()
    editor = Editor(seconds)
    with Load(paths, threads, scenario, direct=direct):
        if name == "baseline":
            time.sleep(seconds)
        elif name == "postgres_restart":
            time.sleep(seconds / 4)
            cluster = sorted(os.listdir("/etc/postgresql"))[0]
            scenario.events["restart"] = time.monotonic()
            subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart", "-m", "fast"],
                           check=True)  # fmt: skip
            scenario.events["back"] = time.monotonic()
            time.sleep(max(0.0, seconds - (time.monotonic() - begin)))
            scenario.notes.append(
                f"5xx/refused from 5 s after it was back: {errors_after(scenario, scenario.events['back'] + 5)}"
            )
        elif name == "redis_stop":
            time.sleep(5)
            scenario.events["stopped"] = time.monotonic()
            subprocess.run(["redis-cli", "-p", "6379", "shutdown", "nosave"], capture_output=True)
            time.sleep(min(30, seconds))
            subprocess.run(REDIS_START, check=True)
            scenario.events["started"] = time.monotonic()
            time.sleep(5)
        elif name == "redis_pause":
            time.sleep(5)
            pid = redis_pid()
            scenario.events["paused"] = time.monotonic()
            os.kill(pid, signal.SIGSTOP)
            try:
                time.sleep(min(20, seconds))
            finally:
                os.kill(pid, signal.SIGCONT)
            scenario.events["resumed"] = time.monotonic()
            time.sleep(5)
        elif name == "cache_flush":
            time.sleep(seconds / 3)
            scenario.events["flushed"] = time.monotonic()
            redis_db = REDIS_URL.rsplit("/", 1)[-1] or "0"
            subprocess.run(["redis-cli", "-p", "6379", "-n", redis_db, "flushdb"], check=True, capture_output=True)
            time.sleep(seconds * 2 / 3)
            before = [s.latency_ms for s in scenario.samples if s.started < scenario.events["flushed"]]
            baseline = statistics.median(before) if before else 0
            recovered = next(
                (s.started for s in scenario.samples
                 if s.started > scenario.events["flushed"] + 1 and s.latency_ms <= max(2 * baseline, baseline + 20)),
                None,
            )  # fmt: skip
            scenario.notes.append(
                f"median before flush {baseline:.1f} ms; back to it "
                f"{(recovered - scenario.events['flushed']) if recovered else float('nan'):.1f} s after the flush"
            )
        elif name == "worker_kill":
            time.sleep(seconds / 3)
            master = int((ROOT / ".prod-local" / f"app-{PORTS[0]}.pid").read_text())
            children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
            scenario.events["killed"] = time.monotonic()
            os.kill(int(children[0]), signal.SIGKILL)
            time.sleep(seconds * 2 / 3)
            scenario.notes.append(
                f"errors from 2 s after the kill: {errors_after(scenario, scenario.events['killed'] + 2)}"
            )
        elif name == "varnish_restart":
            # nginx sends requests straight to the app servers while Varnish does not answer
            # (deploy/nginx/cms.conf, `backup`), and the worker retries the purges it missed.
            time.sleep(seconds / 3)
            scenario.events["restart"] = time.monotonic()
            subprocess.run(["scripts/prod-local.sh", "restart-varnish"], cwd=ROOT, check=True, capture_output=True)
            scenario.events["back"] = time.monotonic()
            time.sleep(max(0.0, seconds - (time.monotonic() - begin)))
            scenario.notes.append(
                f"5xx/refused during and after the restart: {errors_after(scenario, scenario.events['restart'])}"
            )
    published, failed = editor.finish()
    scenario.notes.append(f"editor: {len(published)} publishes reported success, {failed} failed")
    missing = (
        django_shell(
            "from cms.news.models import ArticlePage\n"
            f"ids={published!r}\n"
            "live=ArticlePage.objects.filter(pk__in=ids, live=True).values_list('pk', flat=True)\n"
            "print(len(set(ids) - set(live)))"
        )
        .strip()
        .splitlines()[-1]
    )
    scenario.notes.append(f"successful publishes missing afterwards: {missing}")
    return summarise(scenario, begin)


def unpublish_propagation() -> dict:
    """Unpublish on app server A; poll app server B's API, feed and page until the article is gone."""
    output = (
        django_shell(
            "from cms.news.selectors import published_articles\np=published_articles().first()\nprint(p.pk, p.url)"
        )
        .strip()
        .splitlines()[-1]
    )
    pk, url = output.split()
    checks = {
        "api": (f"/api/v1/articles/{pk}/", lambda status, body: status == 404),
        "feed": ("/feeds/atom.xml", lambda status, body: f":article:{pk}<" not in body and f":{pk}<" not in body),
        "page": (url, lambda status, body: status == 404),
    }
    for path, _check in checks.values():  # warm B's caches with the article present
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{PORTS[1]}{path}", timeout=10).read()
    started = unpublish_and_start_clock(pk)
    done = {}
    while len(done) < len(checks) and time.monotonic() - started < 10:
        for name, (path, gone) in checks.items():
            if name in done:
                continue
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORTS[1]}{path}", timeout=10) as response:
                    status, body = response.status, response.read().decode()
            except urllib.error.HTTPError as error:
                status, body = error.code, ""
            if gone(status, body):
                done[name] = round(time.monotonic() - started, 2)
        time.sleep(0.1)
    return {"seconds_until_gone_on_B": done}


def fetch(port: int, path: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), ""


def varnish_unpublish() -> dict:
    """Warm Varnish with an article in its unit's and the site's lists and feeds, its API detail and
    page; unpublish it (the worker purges its keys); poll Varnish until each no longer shows it."""
    output = (
        django_shell(
            "from cms.news.selectors import published_articles\n"
            "p=published_articles().filter(units__isnull=False).first()\nprint(p.pk, p.units.first().slug, p.url)"
        )
        .strip()
        .splitlines()[-1]
    )
    pk, unit, url = output.split()
    detail = f"/api/v1/articles/{pk}/"
    checks = {
        "page": (url, lambda status, body: status == 404),
        "api_detail": (detail, lambda status, body: status == 404),
        "api_list": ("/api/v1/articles/?limit=50", lambda status, body: f'"id":{pk},' not in body.replace(" ", "")),
        "api_unit_list": (
            f"/api/v1/articles/?unit={unit}",
            lambda status, body: f'"id":{pk},' not in body.replace(" ", ""),
        ),
        "feed": ("/feeds/atom.xml", lambda status, body: f"{detail}" not in body and url not in body),
        "unit_feed": (f"/feeds/units/{unit}/rss.xml", lambda status, body: url not in body),
        "home": ("/", lambda status, body: f'href="{url}"' not in body),
    }
    hits = {}
    for name, (path, gone) in checks.items():  # fill the cache, then make sure it is a hit that shows it
        fetch(VARNISH_PORT, path)
        status, headers, body = fetch(VARNISH_PORT, path)
        hits[name] = headers.get("X-Cache")
        if gone(status, body):
            raise RuntimeError(f"{name}: {path} does not show article {pk} before the unpublish")
    started = unpublish_and_start_clock(pk)
    done = {}
    while len(done) < len(checks) and time.monotonic() - started < 10:
        for name, (path, gone) in checks.items():
            if name in done:
                continue
            status, _headers, body = fetch(VARNISH_PORT, path)
            if gone(status, body):
                done[name] = round(time.monotonic() - started, 2)
        time.sleep(0.02)
    slowest = max(done.values()) if len(done) == len(checks) else None
    return {
        "article": int(pk),
        "x_cache_before": hits,
        "seconds_until_gone_from_varnish": done,
        "within_1_s": slowest is not None and slowest <= 1.0,
    }


SCENARIOS = (
    "baseline",
    "postgres_restart",
    "redis_stop",
    "redis_pause",
    "cache_flush",
    "worker_kill",
    "varnish_restart",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20, help="per scenario (at most 60)")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--only", nargs="*", choices=[*SCENARIOS, "propagation", "varnish_unpublish"])
    parser.add_argument("--direct", action="store_true", help="load the app servers directly, not through nginx")
    args = parser.parse_args()
    seconds = min(args.seconds, 60)

    # One load generator is one client address: lift the anonymous API rate limit for it.
    load_env = {**os.environ, "API_ANONYMOUS_RATE": "1000000/min"}
    subprocess.run(["scripts/prod-local.sh", "start"], cwd=ROOT, env=load_env, check=True)
    try:
        django_shell("from cms.news.demo import load_demo_content\nload_demo_content()", timeout=600)
        paths = discover_paths()
        report = {}
        for name in SCENARIOS:
            if args.only and name not in args.only:
                continue
            print(f"scenario: {name}…", flush=True)
            report[name] = run_scenario(name, paths, seconds, args.threads, direct=args.direct)
            print(json.dumps(report[name], ensure_ascii=False), flush=True)
        if not args.only or "propagation" in args.only:
            report["propagation"] = unpublish_propagation()
            print(json.dumps(report["propagation"]), flush=True)
        if not args.only or "varnish_unpublish" in args.only:
            report["varnish_unpublish"] = varnish_unpublish()
            print(json.dumps(report["varnish_unpublish"]), flush=True)
    finally:
        subprocess.run(["scripts/prod-local.sh", "stop"], cwd=ROOT)
    RESULTS.mkdir(parents=True, exist_ok=True)
    lines = [
        "| scenario | requests | by status | p50 ms | p99 ms | 5xx/refused | notes |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    for name, row in report.items():
        if name in ("propagation", "varnish_unpublish"):
            continue
        lines.append(
            f"| {name} | {row['requests']} | {row['by_status']} | {row['p50_ms']} | {row['p99_ms']} "
            f"| {row['errors_5xx_or_refused']} | {'; '.join(row['notes'])} events {row['events']} |"
        )
    if "propagation" in report:
        lines.append(f"\nUnpublished on A, gone on B after (s): {report['propagation']['seconds_until_gone_on_B']}")
    if "varnish_unpublish" in report:
        row = report["varnish_unpublish"]
        lines.append(
            f"\nUnpublished, gone from Varnish after (s): {row['seconds_until_gone_from_varnish']} "
            f"(X-Cache before: {row['x_cache_before']}; within 1 s: {row['within_1_s']})"
        )
    text = "\n".join(lines)
    (RESULTS / "faults.md").write_text(text + "\n")
    (RESULTS / "faults.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print("\n" + text)


if __name__ == "__main__":
    main()
