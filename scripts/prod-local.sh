#!/usr/bin/env bash
# Start (or stop) the production set-up on 127.0.0.1, exactly as docs/deploy.md describes:
# PostgreSQL + Redis (the running ones when there are some, else our own), two gunicorn app
# servers with cms.settings.production (2 workers each), a django-tasks database worker, the
# scheduled-publishing loop, Varnish in front of the app servers (deploy/varnish/cms.vcl, purged
# by surrogate key from the worker; Debian's varnish and varnish-modules) and nginx in front of
# Varnish (deploy/nginx/cms.conf: static files and media from disk, the rest through Varnish, or
# straight to the app servers while Varnish does not answer; Debian's nginx-light). Packages are
# installed when missing and root. State, logs and PIDs live in .prod-local/.
#
#   scripts/prod-local.sh start     # prints nginx's, Varnish's and the app servers' URLs
#   scripts/prod-local.sh stop
#   scripts/prod-local.sh status
#   scripts/prod-local.sh restart-varnish   # stop Varnish and start it again (empty)
#   scripts/prod-local.sh nginx-conf DIR PORT MEDIA_ROOT STATIC_ROOT APP_PORT...
#                                   # writes DIR/nginx.conf for nginx alone (tests use it);
#                                   # with VARNISH_PORT set, Varnish first and the app servers as backup
#   scripts/prod-local.sh varnish-vcl FILE APP_PORT...
#                                   # writes deploy/varnish/cms.vcl for these app servers (tests use it)
set -euo pipefail
cd "$(dirname "$0")/.."

STATE=.prod-local
PY=${PYTHON:-.venv/bin/python}
PORTS=(${APP_PORTS:-8101 8102})
DB_NAME=${PROD_LOCAL_DB:-cms_prod_local}
REDIS_PORT=${PROD_LOCAL_REDIS_PORT:-6379}
NGINX_PORT=${NGINX_PORT:-8100}
VARNISH_PORT_FOR_START=${VARNISH_PORT:-8109}  # not 6081: Debian's own varnish service may hold it
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
VARNISHD=${VARNISHD:-$(command -v varnishd || echo /usr/sbin/varnishd)}
mkdir -p "$STATE"

ensure_postgres() {
  if pg_isready -h 127.0.0.1 -p 5432 -q; then return; fi
  echo "PostgreSQL is not running: starting the distribution's cluster" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 30); do pg_isready -h 127.0.0.1 -p 5432 -q && return; sleep 1; done
  echo "PostgreSQL did not start" >&2; exit 1
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then return; fi
  echo "Redis is not running: starting our own on port $REDIS_PORT" >&2
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --pidfile "$PWD/$STATE/redis.pid" --logfile "$PWD/$STATE/redis.log"
  touch "$STATE/redis.ours"
}

environment() {
  [ -f "$STATE/secret_key" ] || "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' > "$STATE/secret_key"
  export DJANGO_SETTINGS_MODULE=cms.settings.production
  export SECRET_KEY="$(cat "$STATE/secret_key")"
  export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
  export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$DB_NAME}
  export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/1}
  export TASKS_BACKEND=django_tasks_db.DatabaseBackend
  # Readers (and the photos' absolute URLs) go through nginx, as in a deployment.
  export SITE_URL=${SITE_URL:-http://127.0.0.1:$NGINX_PORT}
  export TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1}
  export MEDIA_ROOT=${MEDIA_ROOT:-$PWD/$STATE/media}
  export STATIC_ROOT=${STATIC_ROOT:-$PWD/$STATE/static}
  # No TLS on loopback: the proxy in front does it in a real deployment.
  export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0
  # The worker purges Varnish by surrogate key (cms/http_cache/purge.py).
  export VARNISH_URLS=${VARNISH_URLS:-http://127.0.0.1:$VARNISH_PORT}
  export LOG_REQUESTS=${LOG_REQUESTS:-true}
}

apt_install() {  # Debian packages, when root (else the caller says what is missing)
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 0
  echo "installing Debian's $*" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2 \
    || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2; }
}

ensure_nginx() {
  if [ -x "$NGINX" ]; then return; fi
  apt_install nginx-light
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  # The package may start the distribution's own nginx on port 80: ours runs on its own.
  [ -x "$NGINX" ] || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
}

ensure_varnish() {
  if [ -x "$VARNISHD" ] && [ -n "$(find /usr/lib -name libvmod_xkey.so 2>/dev/null | head -1)" ]; then return; fi
  apt_install varnish varnish-modules
  VARNISHD=$(command -v varnishd || echo /usr/sbin/varnishd)
  [ -x "$VARNISHD" ] || { echo "Varnish is missing: apt-get install -y varnish varnish-modules" >&2; exit 1; }
}

# varnish_vcl FILE APP_PORT...: deploy/varnish/cms.vcl with one backend per app server on 127.0.0.1.
varnish_vcl() {
  local file backends="" adds="" number=0
  file=$(realpath -m "$1"); shift
  mkdir -p "$(dirname "$file")"
  for app_port in "$@"; do
    number=$((number + 1))
    backends+="backend app_$number { .host = \"127.0.0.1\"; .port = \"$app_port\"; .probe = app_health; .connect_timeout = 2s; .first_byte_timeout = 35s; }\n"
    adds+="    app_servers.add_backend(app_$number);\n"
  done
  # How long a stale answer may be served while an app server is healthy: the app's own
  # stale-while-revalidate (SHARED_CACHE_STALE_WHILE_REVALIDATE), asked of the app itself.
  local revalidate
  revalidate=$(DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-cms.settings.dev} "$PY" -c \
    'import django; django.setup(); from django.conf import settings; print(settings.SHARED_CACHE_STALE_WHILE_REVALIDATE)')
  sed -e "/# app server\$/d" -e "s#^acl purgers {#$backends\n&#" \
      -e "s#^    new app_servers = directors.round_robin();#&\n$adds#" \
      -e "s#set req.grace = [0-9]*s;#set req.grace = ${revalidate}s;#" deploy/varnish/cms.vcl > "$file"
  "$VARNISHD" -C -f "$file" -n "$(dirname "$file")/check" >/dev/null 2>"$(dirname "$file")/check.log" \
    || { cat "$(dirname "$file")/check.log" >&2; exit 1; }
  echo "$file"
}

start_varnish() {
  ensure_varnish
  varnish_vcl "$STATE/varnish/cms.vcl" "${PORTS[@]}" >/dev/null
  # In the foreground (-F) under our own PID file, like the app servers; the cache is memory.
  spawn varnish "$VARNISHD" -F -n "$PWD/$STATE/varnish/work" -a "127.0.0.1:$VARNISH_PORT" \
    -f "$PWD/$STATE/varnish/cms.vcl" -s "malloc,${VARNISH_MEMORY:-256m}" -p default_grace=10s
  for _ in $(seq 40); do curl -fs "http://127.0.0.1:$VARNISH_PORT/healthz" >/dev/null && return; sleep 0.25; done
  echo "Varnish on $VARNISH_PORT is not ready (.prod-local/varnish.log)" >&2; exit 1
}

stop_one() {  # pidfile
  local pid
  pid=$(cat "$1")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$1"
}

# nginx_conf DIR PORT MEDIA_ROOT STATIC_ROOT APP_PORT...: deploy/nginx/cms.conf for 127.0.0.1,
# inside a top-level configuration whose pid, logs and temporary files all live in DIR.
nginx_conf() {
  local dir port media static
  dir=$(realpath -m "$1"); port=$2; media=$(realpath -m "$3"); static=$(realpath -m "$4"); shift 4
  mkdir -p "$dir/temp"
  local servers="" app_flags="max_fails=1 fail_timeout=5s"
  if [ -n "${VARNISH_PORT:-}" ]; then
    servers+="    server 127.0.0.1:$VARNISH_PORT max_fails=1 fail_timeout=2s;\n"
    app_flags=backup
  fi
  for app_port in "$@"; do servers+="    server 127.0.0.1:$app_port $app_flags;\n"; done
  sed -e "s#/srv/cms/static/#$static/#g" -e "s#/srv/cms/media/#$media/#g" \
      -e "s#^    listen 80;#    listen 127.0.0.1:$port;#" -e "s#^    server_name .*;#    server_name 127.0.0.1 localhost;#" \
      -e "/# app server\$/d" -e "/# varnish\$/d" -e "s#^upstream cms_app_servers {#&\n$servers#" \
      deploy/nginx/cms.conf > "$dir/cms.conf"
  local user=""
  # As root, workers would drop to nobody, who cannot read a user's media folder.
  [ "$(id -u)" = 0 ] && user="user root;"
  cat > "$dir/nginx.conf" <<CONF
$user
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log $dir/access.log;
    client_body_temp_path $dir/temp/client;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $dir/cms.conf;
}
CONF
  "$NGINX" -t -q -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log"
  echo "$dir/nginx.conf"
}

start_nginx() {
  ensure_nginx
  nginx_conf "$STATE/nginx" "$NGINX_PORT" "$MEDIA_ROOT" "$STATIC_ROOT" "${PORTS[@]}" >/dev/null
  # nginx daemonizes; its master's PID is in $STATE/nginx/nginx.pid, where stop() looks too.
  "$NGINX" -c "$PWD/$STATE/nginx/nginx.conf" -p "$PWD/$STATE/nginx" -e "$PWD/$STATE/nginx/error.log"
}

spawn() {  # name, command...
  local name=$1; shift
  nohup "$@" >>"$STATE/$name.log" 2>&1 &
  echo $! > "$STATE/$name.pid"
}

start() {
  ensure_postgres
  ensure_redis
  environment
  psql -h 127.0.0.1 -U postgres -Atc "select 1 from pg_database where datname='$DB_NAME'" | grep -q 1 \
    || createdb -h 127.0.0.1 -U postgres "$DB_NAME"
  "$PY" manage.py migrate --no-input -v0
  "$PY" manage.py collectstatic --no-input -v0
  for port in "${PORTS[@]}"; do
    spawn "app-$port" "$PY" -m gunicorn cms.wsgi:application --bind "127.0.0.1:$port" --workers 2 \
      --timeout 30 --graceful-timeout 10 --access-logfile - --error-logfile -
  done
  # Polled often: a purge waits for the worker (an unpublished article leaves Varnish within 1 s).
  spawn worker "$PY" manage.py db_worker --queue-name '*' --interval "${TASK_WORKER_INTERVAL:-0.2}"
  spawn scheduler bash -c "while true; do '$PY' manage.py publish_scheduled; '$PY' manage.py flush_view_counts; sleep \${SCHEDULE_INTERVAL:-60}; done"
  for port in "${PORTS[@]}"; do
    for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
    curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "app server on $port is not ready" >&2; exit 1; }
    echo "app server ready: http://127.0.0.1:$port/"
  done
  start_varnish
  echo "Varnish ready: http://127.0.0.1:$VARNISH_PORT/"
  start_nginx
  curl -fs "http://127.0.0.1:$NGINX_PORT/readyz" >/dev/null || { echo "nginx on $NGINX_PORT is not ready" >&2; exit 1; }
  echo "nginx ready: http://127.0.0.1:$NGINX_PORT/"
}

stop() {
  for pidfile in "$STATE"/*.pid "$STATE"/nginx/nginx.pid; do
    [ -e "$pidfile" ] || continue
    name=$(basename "$pidfile" .pid)
    if [ "$name" = redis ] && [ ! -e "$STATE/redis.ours" ]; then continue; fi
    stop_one "$pidfile"
  done
  rm -f "$STATE/redis.ours"
  echo "stopped"
}

status() {
  for pidfile in "$STATE"/*.pid "$STATE"/nginx/nginx.pid; do
    [ -e "$pidfile" ] || continue
    if kill -0 "$(cat "$pidfile")" 2>/dev/null; then state=running; else state=dead; fi
    echo "$(basename "$pidfile" .pid): $state"
  done
}

case "${1:-}" in
  start) VARNISH_PORT=$VARNISH_PORT_FOR_START; start ;;
  restart-varnish)
    VARNISH_PORT=$VARNISH_PORT_FOR_START
    [ -e "$STATE/varnish.pid" ] && stop_one "$STATE/varnish.pid"
    start_varnish; echo "Varnish ready: http://127.0.0.1:$VARNISH_PORT/" ;;
  varnish-vcl) shift; ensure_varnish; varnish_vcl "$@" ;;
  stop) stop ;;
  status) status ;;
  nginx-conf) shift; ensure_nginx; nginx_conf "$@" ;;
  *) echo "usage: $0 start|stop|status|restart-varnish|nginx-conf DIR PORT MEDIA_ROOT STATIC_ROOT APP_PORT...|varnish-vcl FILE APP_PORT..." >&2; exit 2 ;;
esac
