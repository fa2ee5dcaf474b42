"""Trying a task again after a failure, for the tasks that call out to another server (the
shared-cache purge, the WebSub ping)."""

import datetime

from django.utils import timezone


def retry_later(task, *args, delay: datetime.timedelta, unreachable: bool) -> bool:
    """Enqueue `task(*args)` again: after `delay` where the task backend can defer it; at once
    where it cannot (the immediate backend, inside an editor's request), unless the other server
    did not answer at all, which is not worth waiting on twice. False when not enqueued."""
    if task.get_backend().supports_defer:
        task.using(run_after=timezone.now() + delay).enqueue(*args)
        return True
    if not unreachable:
        task.enqueue(*args)
        return True
    return False
