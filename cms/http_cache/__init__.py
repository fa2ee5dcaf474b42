"""Caching what the service answers over HTTP: the content version every cache is keyed on
(`freshness.py`) and the two-tier cache of rendered API and feed responses (`response_cache.py`).

The API (`api/http_caching.py`), the feeds (`feeds/rendering.py`) and the site's per-version
caches import it; the content domain (`cms.news`) never does. Conditional requests are Django's
own `get_conditional_response`, called by the views with the stored ETag and Last-Modified.
"""
