"""Keyset (cursor) pagination over a unique ordering key.

Each ordering ends with the primary key, so the key is unique and a page boundary never moves:
articles published while a client walks the list do not shift, repeat or skip items (unlike
offsets, or DRF's cursor with an offset for ties). Cursors are opaque base64 JSON.
"""

import base64
import binascii
import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from rest_framework.exceptions import ValidationError

from cms.ops.unreadable_input import UNREADABLE

ASC, DESC = "asc", "desc"
# name → ((field, direction), ...), the last field unique.
ORDERINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "-date": (("date", DESC), ("pk", DESC)),
    "date": (("date", ASC), ("pk", ASC)),
    "-last_published_at": (("last_published_at", DESC), ("pk", DESC)),
    "title": (("title", ASC), ("pk", ASC)),
    # With `q` only: best match first (cms.search.ranking), then newest.
    "relevance": (("search_rank", DESC), ("date", DESC), ("pk", DESC)),
}
DEFAULT_ORDERING = "-date"
SEARCH_ORDERING = "relevance"
FORWARD, BACKWARD = "n", "p"
MAX_PK = 2**63 - 1  # a bigint
INTEGER_KEYS = {"pk": 1, "search_rank": -MAX_PK}  # key → its least value; none beyond a bigint
MAX_KEY_LENGTH = 255  # the longest title
BAD_CURSOR = "Con trỏ không hợp lệ hoặc đã hết hạn: hãy dùng nguyên giá trị `next`/`previous` mà API trả về."


# PostgreSQL stores UTC offsets up to 15:59 (Python accepts up to 23:59): beyond it is a 400.
MAX_UTC_OFFSET = datetime.timedelta(hours=15, minutes=59)


def checked_moment(moment: datetime.datetime) -> datetime.datetime:
    """The moment in UTC; ValueError when its offset is beyond ±15:59 or it falls outside the
    years 1–9999 once in UTC (the database could not compare with it)."""
    offset = moment.utcoffset()
    if offset is None or abs(offset) > MAX_UTC_OFFSET:
        raise ValueError("offset")
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError as error:
        raise ValueError("range") from error


@dataclass
class CursorPage:
    items: list
    next_cursor: str | None
    previous_cursor: str | None


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


def _decode_value(field: str, value: Any) -> Any:
    """A key value as the database can compare it; ValueError/TypeError for anything a cursor
    we made could not hold (the cursor is opaque, but a caller can still craft one)."""
    if field in INTEGER_KEYS:
        if not isinstance(value, int) or isinstance(value, bool) or not INTEGER_KEYS[field] <= value <= MAX_PK:
            raise TypeError(field)
        return value
    if not isinstance(value, str) or len(value) > MAX_KEY_LENGTH or UNREADABLE.search(value):
        raise TypeError(field)
    if field == "date":
        return datetime.date.fromisoformat(value)
    if field.endswith("_at"):
        return checked_moment(datetime.datetime.fromisoformat(value))
    return value


def encode_cursor(ordering: str, direction: str, item) -> str:
    keys = [_encode_value(getattr(item, field)) for field, _direction in ORDERINGS[ordering]]
    payload = json.dumps({"o": ordering, "d": direction, "k": keys}, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, ordering: str) -> tuple[str, list]:
    """(direction, key values) of a cursor made for `ordering`, or a 400 naming `cursor`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw.decode())
        if payload["o"] != ordering or payload["d"] not in (FORWARD, BACKWARD):
            raise ValueError("ordering")
        fields = ORDERINGS[ordering]
        if len(payload["k"]) != len(fields):
            raise ValueError("keys")
        values = [_decode_value(field, value) for (field, _direction), value in zip(fields, payload["k"], strict=True)]
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError, AttributeError) as error:
        raise ValidationError({"cursor": [BAD_CURSOR]}) from error
    return payload["d"], values


def _beyond(fields, values, *, forward: bool) -> Q:
    """Rows strictly after (forward) or before the key `values` in the given ordering."""
    condition = Q()
    for index, (field, direction) in enumerate(fields):
        going_up = (direction == ASC) == forward
        step = Q(**{f"{field}__{'gt' if going_up else 'lt'}": values[index]})
        for earlier_index in range(index):
            step &= Q(**{fields[earlier_index][0]: values[earlier_index]})
        condition |= step
    return condition


def _order_by(fields, *, forward: bool) -> list[str]:
    return [f"{'' if (direction == ASC) == forward else '-'}{field}" for field, direction in fields]


def paginate(
    queryset: QuerySet, *, ordering: str, limit: int, cursor: str | None, read: Callable[[QuerySet], list] = list
) -> CursorPage:
    """One page of `limit` items and the cursors around it, in `limit + 1` rows and no COUNT;
    `read` evaluates the page's slice (`cards.article_cards` for a page of articles)."""
    fields = ORDERINGS[ordering]
    direction, values = decode_cursor(cursor, ordering) if cursor else (FORWARD, None)
    forward = direction == FORWARD
    if values is not None:
        queryset = queryset.filter(_beyond(fields, values, forward=forward))
    rows = read(queryset.order_by(*_order_by(fields, forward=forward))[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    if not forward:
        rows.reverse()
    if not rows:
        return CursorPage([], None, None)
    has_next = more if forward else True
    has_previous = (values is not None) if forward else more
    return CursorPage(
        rows,
        encode_cursor(ordering, FORWARD, rows[-1]) if has_next else None,
        encode_cursor(ordering, BACKWARD, rows[0]) if has_previous else None,
    )
