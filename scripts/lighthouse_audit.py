"""`make audit`: Lighthouse (mobile) on the demo site's home page, an article and a category page.

Builds a demo database of its own in .audit/ (migrate + load_demo), serves it on 127.0.0.1,
runs the Lighthouse CLI (installed by the Makefile into .audit/node_modules) with Debian's
Chromium (CHROME_PATH), prints the scores, writes .audit/scores.json and the full reports, and
exits non-zero when a score is below its floor. Each page is audited AUDIT_RUNS (3) times and
the median run counts, as Lighthouse advises on a busy machine.
"""

import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
AUDIT_DIR = BASE_DIR / ".audit"
LIGHTHOUSE = AUDIT_DIR / "node_modules" / ".bin" / "lighthouse"
FLOORS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
PORT = int(os.environ.get("AUDIT_PORT", "8177"))
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))
ORIGIN = f"http://127.0.0.1:{PORT}"


def site_environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "true",  # runserver serves the generated media only with DEBUG on
        "DATABASE_URL": f"sqlite:///{AUDIT_DIR / 'db.sqlite3'}",
        "MEDIA_ROOT": str(AUDIT_DIR / "media"),
        "SITE_URL": ORIGIN,
    }


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=site_environment(), check=True)


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.5)


def fetch(path: str) -> str:
    with urllib.request.urlopen(ORIGIN + path, timeout=30) as response:
        return response.read().decode()


def pages_to_audit() -> dict[str, str]:
    home = fetch("/")
    article = re.search(r'class="featured__title"><a href="([^"]+)"', home).group(1)
    category = re.search(r'href="(/chuyen-muc/[^"]+/)"', home).group(1)
    return {"home": "/", "article": article, "category": category}


def lighthouse(name: str, path: str, run: int) -> dict[str, int]:
    report = AUDIT_DIR / f"lighthouse-{name}-{run}.json"
    for attempt in range(3):  # "NO_NAVSTART" and friends happen on a busy machine: run again
        finished = subprocess.run(
            [
                str(LIGHTHOUSE),
                ORIGIN + path,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--form-factor=mobile",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        )
        if finished.returncode == 0:
            break
        print(f"  {name}: Lighthouse failed (attempt {attempt + 1}), running it again")
    else:
        raise RuntimeError(f"Lighthouse could not audit {path}")
    data = json.loads(report.read_text())
    failing = [
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    ]
    if failing:
        print(f"  {name}: audits not passed: {', '.join(sorted(failing))}")
    return {key: round(data["categories"][key]["score"] * 100) for key in FLOORS}


def main() -> int:
    AUDIT_DIR.mkdir(exist_ok=True)
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload", "--nothreading"],
        cwd=BASE_DIR,
        env=site_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(ORIGIN + "/")
        pages = pages_to_audit()
        for path in pages.values():  # warm the renditions and caches, as a running site is
            fetch(path)
        scores = {}
        for name, path in pages.items():
            runs = [lighthouse(name, path, run) for run in range(RUNS)]
            # The median run per category, as Lighthouse's documentation advises for noisy machines.
            scores[name] = {key: statistics.median_low(row[key] for row in runs) for key in FLOORS}
            print(f"  {name}: runs {runs}")
    finally:
        server.terminate()
        server.wait(timeout=10)
    (AUDIT_DIR / "scores.json").write_text(json.dumps({"pages": pages, "scores": scores}, indent=2))
    print(f"{'page':10} " + " ".join(f"{key:>15}" for key in FLOORS))
    failed = False
    for name, row in scores.items():
        print(f"{name:10} " + " ".join(f"{row[key]:>15}" for key in FLOORS) + f"   {pages[name]}")
        failed |= any(row[key] < floor for key, floor in FLOORS.items())
    print("floors     " + " ".join(f"{floor:>15}" for floor in FLOORS.values()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
