"""gunicorn settings, read by gunicorn itself from the directory it starts in (`--config` or
command-line flags override them). docs/deploy.md starts gunicorn from the project directory.
"""

import gc


def post_worker_init(worker):
    """Load every view now, then put what start-up created out of the garbage collector's way.

    Django, Wagtail and DRF leave about 170,000 long-lived objects; without `gc.freeze()` every
    full collection walks all of them again, in the middle of some request.
    """
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (imports the URLconf and with it every view)
    gc.collect()
    gc.freeze()
