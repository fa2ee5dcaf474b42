"""The shared cache in front, for bench/run.py: Varnish with the deployed VCL (rendered by
scripts/prod-local.sh for the benchmark's gunicorn), and nginx serving the bytes of a Varnish hit
as a static file, the limit of any cache on this machine.

A hit and the static copy are loaded with `Accept-Encoding: gzip`, as browsers send it: Varnish
keeps the gzipped body and hands it out as it is, and nginx sends the same bytes from disk. A
miss gives every request a query string of its own (a wrk Lua script), so Varnish fetches each
from gunicorn (whose Redis cache is warm).
"""

import shutil
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC_COPY = "/varnish-hit-copy.html"
GZIP = "Accept-Encoding: gzip"
UNIQUE_QUERY_LUA = """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?bench-miss=" .. counter .. "-" .. math.random(1000000000))
end
"""


@dataclass
class Front:
    varnish_port: int
    nginx_port: int
    folder: Path
    hit_bytes: int = 0
    processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def unique_query_script(self) -> str:
        return str(self.folder / "unique-query.lua")

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
            process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def available() -> bool:
    nginx = shutil.which("nginx") or Path("/usr/sbin/nginx").exists()
    return bool((shutil.which("varnishd") or Path("/usr/sbin/varnishd").exists()) and nginx)


def _wait(url: str, headers: dict | None = None, seconds: float = 15) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            request = urllib.request.Request(url, headers=headers or {})
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (loopback only)
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def start(app_port: int, hit_path: str, varnish_port: int, nginx_port: int) -> Front:
    """Varnish in front of the app server on `app_port`, and nginx with a copy of the bytes
    Varnish gives for `hit_path`."""
    # Varnish drops root to its own user, who must read the VCL.
    folder = Path(tempfile.mkdtemp(prefix="bench-front-"))
    folder.chmod(0o755)
    front = Front(varnish_port, nginx_port, folder)
    vcl = subprocess.run(
        ["scripts/prod-local.sh", "varnish-vcl", str(folder / "cms.vcl"), str(app_port)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    front.processes.append(
        subprocess.Popen(
            [
                varnishd,
                "-F",
                "-n",
                str(folder / "work"),
                "-a",
                f"127.0.0.1:{varnish_port}",
                "-f",
                vcl,
                "-s",
                "malloc,256m",
            ],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
    )
    _wait(f"http://127.0.0.1:{varnish_port}/healthz")
    body = _wait(f"http://127.0.0.1:{varnish_port}{hit_path}", {"Accept-Encoding": "gzip"})
    front.hit_bytes = len(body)
    (folder / "static").mkdir()
    (folder / "static" / STATIC_COPY.lstrip("/")).write_bytes(body)
    (folder / "unique-query.lua").write_text(UNIQUE_QUERY_LUA)
    (folder / "nginx.conf").write_text(
        f"worker_processes 2;\npid {folder}/nginx.pid;\nerror_log {folder}/nginx-error.log warn;\n"
        "events { worker_connections 1024; }\n"
        f"http {{ access_log off; sendfile on; default_type text/html; client_body_temp_path {folder}/tmp;\n"
        f"  proxy_temp_path {folder}/tmp; fastcgi_temp_path {folder}/tmp; uwsgi_temp_path {folder}/tmp;\n"
        f"  scgi_temp_path {folder}/tmp;\n"
        f"  server {{ listen 127.0.0.1:{nginx_port}; root {folder}/static; }} }}\n"
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    front.processes.append(
        subprocess.Popen(
            [nginx, "-c", str(folder / "nginx.conf"), "-p", str(folder), "-g", "daemon off;"],
        )
    )
    _wait(f"http://127.0.0.1:{nginx_port}{STATIC_COPY}")
    return front
