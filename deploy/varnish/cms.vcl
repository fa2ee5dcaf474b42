vcl 4.1;
# Varnish in front of the app servers, behind nginx (docs/deploy.md, "Varnish"): keeps what the
# app marks public (`Cache-Control: s-maxage`, stale-while-revalidate, stale-if-error) and purges
# it by surrogate key when the app says so (cms/http_cache/purge.py: `PURGE` with an `xkey`
# header; varnish-modules' xkey vmod, Debian package varnish-modules).
#
# scripts/prod-local.sh renders this same file for 127.0.0.1 (the lines marked "app server").

import cookie;
import directors;
import std;
import xkey;

probe app_health {
    .url = "/healthz";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
}

backend app_1 { .host = "127.0.0.1"; .port = "8101"; .probe = app_health; .connect_timeout = 2s; .first_byte_timeout = 35s; }  # app server
backend app_2 { .host = "127.0.0.1"; .port = "8102"; .probe = app_health; .connect_timeout = 2s; .first_byte_timeout = 35s; }  # app server

# Who may purge: the task worker's host. nginx, on this host too, refuses PURGE from outside
# (deploy/nginx/cms.conf).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new app_servers = directors.round_robin();
    app_servers.add_backend(app_1);  # app server
    app_servers.add_backend(app_2);  # app server
}

sub vcl_recv {
    set req.backend_hint = app_servers.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey) {
            set req.http.n-gone = xkey.purge(req.http.xkey);
            return (synth(200, "Purged"));
        }
        return (purge);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # API keys: the answer depends on who asks (the app marks it private anyway).
    if (req.http.Authorization || req.http.X-Api-Key) {
        return (pass);
    }
    if (req.url ~ "^/(admin|xem-truoc)/") {
        return (pass);
    }
    # Only Django's session and CSRF cookies change an answer (an editor, a page password given):
    # pass those. Every other cookie (the view beacon's `reader_id`, analytics) is dropped, so it
    # neither splits the cache (the pages' `Vary: Cookie`) nor bypasses it.
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        cookie.keep("sessionid,csrftoken");
        set req.http.Cookie = cookie.get_string();
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        } else {
            return (pass);
        }
    }
    # Serve stale while revalidating for at most the app's stale-while-revalidate while an app
    # server is healthy (scripts/prod-local.sh writes SHARED_CACHE_STALE_WHILE_REVALIDATE here:
    # Varnish cannot read it per object before the lookup); the whole stale-if-error window while
    # none is.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_backend_response {
    # The object's grace is the app's stale-if-error (cut short by the app before a publication
    # window moves); vcl_recv narrows it to stale-while-revalidate while the app is healthy.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    }
    # A failing background refresh keeps the stale object instead of caching the error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Surrogate keys for xkey; every object also carries `all` (cms.http_cache.purge.EVERYTHING).
    set beresp.http.xkey = "all";
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = "all " + beresp.http.Surrogate-Key;
    }
    # Falls through to the built-in rules: private, no-store, Set-Cookie and no s-maxage/max-age
    # are not stored.
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    if (req.method == "PURGE") {
        set resp.http.X-Purged = req.http.n-gone;
    }
}
