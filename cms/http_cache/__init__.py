"""Caching what the service answers over HTTP: the content version every cache is keyed on
(`freshness.py`), the two-tier cache of rendered API and feed responses (`response_cache.py`),
validators that change only when a body does (`validators.py`), `Cache-Control` for browsers
and shared caches (`cache_control.py`), the surrogate keys a shared cache purges by
(`surrogate_keys.py`), and the middleware that applies the last two to the site's pages and
keeps personal responses private (`middleware.py`), and the purge of the shared cache in front
by surrogate key, from the task worker (`purge.py`).

The API (`api/http_caching.py`), the feeds (`feeds/rendering.py`) and the site import it; the
content domain (`cms.news`) never does. Conditional requests are Django's own
`get_conditional_response` (`validators.conditional_response`), called with the stored ETag
and Last-Modified.
"""
