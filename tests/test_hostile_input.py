"""Issue 12: no request produces a 5xx.

The walker enumerates every URL pattern the project serves from the URL resolver (a new route
is covered without touching this file) and sends hostile values in each path part, query
parameter, form field and header the app reads: NUL, lone surrogates, huge and negative
numbers, impossible dates and offsets, very long strings. It runs in both CI passes (SQLite and
PostgreSQL). Each request runs in a savepoint, so on PostgreSQL a failed statement cannot hide
the answers to the requests after it.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.utils.regex_helper import normalize
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.filters import ArticleFilterSet, ArticleListForm, ChangesForm, MostViewedForm
from cms.ops.unreadable_input import UNREADABLE
from cms.website.preview_links import make_token
from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, MemberUnitFactory, make_article

pytestmark = pytest.mark.django_db

NASTY = [
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfff",
    "%",
    "%00",
    "-1",
    "0",
    "1",
    "99999999999999999999",
    str(2**63),
    str(2**31),
    "1e309",
    "NaN",
    "../../etc/passwd",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "2024-01-01T00:00:00+17:46",
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-05:00",
    "x" * 3000,
    "🙂",
    "Đ",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    " ",
    "",
    "a,b,,c",
    ",".join(["x"] * 200),
]
# Path parts: the above, plus values that name real things (so views run past their lookups).
PATH_VALUES = [*NASTY, "2", "3"]
QUERY_NAMES = sorted(
    {
        *ArticleFilterSet.base_filters,
        *ArticleListForm.base_fields,
        *ChangesForm.base_fields,
        *MostViewedForm.base_fields,
        "page",
        "q",
        "p",
        "lang",
        "version",
        "format",
        "script",
        "next",
        "ordering",
        "api_key",
    }
)
READ_HEADERS = [
    "If-None-Match",
    "If-Modified-Since",
    "X-Api-Key",
    "Authorization",
    "Accept",
    "Accept-Language",
    "Accept-Encoding",
    "Cookie",
    "User-Agent",
    "Referer",
    "X-Forwarded-For",
    "Origin",
    "Range",
]
METHODS = ["get", "head", "post", "options", "put", "delete"]


@dataclass(frozen=True)
class Route:
    """A served URL pattern as reverse() sees it: per nesting level, a format string and its
    parameter names (unnamed regex groups are `_0`, `_1`…)."""

    segments: tuple[tuple[str, tuple[str, ...]], ...]
    name: str

    @property
    def parameters(self) -> list[tuple[int, str]]:
        return [(index, name) for index, (_fmt, names) in enumerate(self.segments) for name in names]

    def path(self, values: dict[tuple[int, str], str]) -> str:
        """The path with each parameter replaced by its (percent-encoded) value."""
        parts = []
        for index, (fmt, names) in enumerate(self.segments):
            encoded = {
                name: quote(values.get((index, name), "1").encode("utf-8", "surrogatepass"), safe="") for name in names
            }
            parts.append(fmt % encoded)
        return "/" + "".join(parts)

    def __str__(self) -> str:
        return "/" + "".join(fmt for fmt, _names in self.segments)


def served_routes() -> list[Route]:
    """Every URL pattern of the root URLconf, nested includes flattened, duplicates once."""
    found: dict[str, Route] = {}

    def walk(patterns, segments):
        for pattern in patterns:
            fmt, names = normalize(pattern.pattern.regex.pattern)[0]
            here = (*segments, (fmt, tuple(names)))
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, here)
            else:
                route = Route(here, pattern.name or "")
                found.setdefault(str(route), route)

    walk(get_resolver().url_patterns, ())
    return list(found.values())


ROUTES = served_routes()
OWN_ROUTES = [route for route in ROUTES if not str(route).startswith("/admin/")]


def test_the_walker_sees_every_kind_of_route():
    paths = {str(route) for route in ROUTES}
    for expected in ("/api/v1/articles/%(article_id)s/", "/feeds/tags/%(slug)s/rss.xml", "/tim-kiem/", "/robots.txt"):
        assert expected in paths
    assert any(path.startswith("/admin/pages/") for path in paths)
    assert "/%(_0)s" in paths  # Wagtail's page catch-all


@pytest.fixture
def news(db):
    unit = MemberUnitFactory(slug="nhiet-dien")
    category = CategoryFactory(slug="san-xuat")
    author = AuthorFactory(slug="phuong-linh")
    article = make_article(
        units=[unit], categories=[category], tags=["an-toan"], author=author, hero_image=ImageFactory()
    )
    draft = make_article(publish=False, tags=["ban-nhap"])
    return {"article": article, "draft": draft, "token": make_token(draft.pk)}


@pytest.fixture
def editor(db) -> Client:
    user = get_user_model().objects.create_superuser("bien-tap", "bt@example.com", "mat-khau-dai-123")
    client = Client()
    client.force_login(user)
    return client


def answer(client: Client, method: str, path: str, *, query: str = "", body: str = "", headers=None):
    """One request in a savepoint; the response (an exception in the view fails the test)."""
    url = f"{path}?{query}" if query else path
    kwargs = {"headers": headers or {}}
    if method in ("post", "put"):
        kwargs.update(data=body, content_type="application/x-www-form-urlencoded")
    with transaction.atomic():
        response = getattr(client, method)(url, **kwargs)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        transaction.set_rollback(True)
    return response


def assert_no_server_error(response, request_description: str):
    assert response.status_code < 500, f"{response.status_code} for {request_description}"


@pytest.mark.parametrize("route", OWN_ROUTES, ids=str)
def test_hostile_value_in_each_path_part_never_answers_5xx(client, editor, news, route):
    """Every route of the site, API and feeds: each path part with each hostile value, as a
    reader and as an editor; a NUL or a lone surrogate in a path names nothing: 404."""
    for index, name in route.parameters or [(None, None)]:
        for value in PATH_VALUES if name else [""]:
            path = route.path({(index, name): value}) if name else route.path({})
            for caller in (client, editor):
                response = answer(caller, "get", path)
                assert_no_server_error(response, f"GET {path!r}")
                if name and "\x00" in value:
                    assert response.status_code == 404, path


ADMIN_ROUTES = [route for route in ROUTES if str(route).startswith("/admin/")]


def test_hostile_value_in_each_admin_path_part_never_answers_5xx(client, editor, news):
    """Wagtail's admin: every route, each path part with the values most likely to break a
    lookup (NUL, a lone surrogate, a number beyond a bigint), as an editor and anonymously."""
    for route in ADMIN_ROUTES:
        for index, name in route.parameters or [(None, None)]:
            for value in ["\x00", "\ud800", "99999999999999999999", "-1", "%"] if name else [""]:
                path = route.path({(index, name): value})
                for caller in (client, editor):
                    assert_no_server_error(answer(caller, "get", path), f"GET {path!r}")


CHOOSERS = [f"/admin/snippets/choose/{model}/" for model in ("news/memberunit", "news/category", "news/author")]
CHOOSERS += ["/admin/snippets/choose/api/apikey/", "/admin/images/chooser/", "/admin/documents/chooser/"]


@pytest.mark.parametrize("chooser", CHOOSERS)
@pytest.mark.parametrize("value", [":", "abc", "%25", "1.5", "-"])
def test_a_chooser_given_an_id_that_is_no_number_answers_404(editor, news, chooser, value):
    assert answer(editor, "get", f"{chooser}chosen/{value}/").status_code == 404
    chosen = answer(editor, "get", f"{chooser}chosen-multiple/", query=f"id={value}")
    assert chosen.status_code in (404, 405)  # not every chooser chooses several


def test_a_chooser_still_answers_for_a_real_id(editor, news):
    category = news["article"].categories.get()
    for path, query in [(f"chosen/{category.pk}/", ""), ("chosen-multiple/", f"id={category.pk}")]:
        response = answer(editor, "get", f"/admin/snippets/choose/news/category/{path}", query=query)
        assert response.status_code == 200
        assert category.name in response.content.decode("unicode_escape")


def test_nul_in_a_tag_feed_path_answers_404_in_json(client, news):
    response = client.get("/feeds/tags/%00/rss.xml")
    assert response.status_code == 404
    assert response.json() == {"errors": {"detail": ["Không tìm thấy địa chỉ này."]}}


@pytest.mark.parametrize("path", ["/chuyen-muc/%00/", "/xem-truoc/%00/", "/tin-tuc/a%00b/", "/admin/snippets/%00/"])
def test_nul_in_a_site_path_answers_404(client, news, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/gui-cho-ban-be/99999999999999999999/", "/admin/pages/9223372036854775808/"])
def test_number_beyond_a_bigint_in_a_path_names_nothing_404(client, editor, news, path):
    assert editor.get(path).status_code == 404


@pytest.mark.parametrize("parameter", ["slug", "q", "cursor", "tag", "unknown"])
def test_nul_in_an_api_query_parameter_answers_400_naming_it(client, news, parameter):
    response = client.get(f"/api/v1/articles/?{parameter}=a%00b")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [parameter]


def test_nul_in_a_site_query_parameter_answers_a_page_with_the_message(client, news):
    response = client.get("/tim-kiem/?q=dan&page=2%00")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Tham số “page”" in response.content.decode()


def test_nul_in_a_form_field_answers_400_naming_it(client, news):
    response = client.post(
        f"/gui-cho-ban-be/{news['article'].pk}/",
        "recipient=ban%40example.org&sender_name=An%00",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "Tham số “sender_name”" in response.content.decode()


@pytest.mark.parametrize(("header", "name"), [("X-Api-Key", "X-Api-Key"), ("If-None-Match", "If-None-Match")])
def test_nul_in_a_header_the_api_reads_answers_400_naming_it(client, news, header, name):
    response = client.get("/api/v1/articles/", headers={header: "a\x00b"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [name]


def test_nul_in_the_session_cookie_answers_400_not_a_database_error(client, news):
    response = client.get("/admin/", headers={"Cookie": "sessionid=abcdefgh\x00ijkl"})
    assert response.status_code == 400
    assert "Tham số “Cookie”" in response.content.decode()


def test_wagtails_deliberate_error_page_is_not_served(editor):
    assert editor.get("/admin/failwhale/").status_code == 404


def moments():
    offsets = st.timedeltas(
        min_value=-datetime.timedelta(hours=23, minutes=59), max_value=datetime.timedelta(hours=23, minutes=59)
    )
    return st.builds(
        lambda moment, offset: moment.replace(tzinfo=datetime.timezone(offset)).isoformat(),
        st.datetimes(min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 12, 31)),
        offsets,
    )


hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.integers().map(str),
    moments(),
    st.dates().map(str),
)
latin1_text = st.one_of(
    st.sampled_from([value for value in NASTY if value.isascii() and "\x00" not in value]),
    st.text(st.characters(max_codepoint=255), max_size=40),
)
query_pairs = st.lists(st.tuples(st.sampled_from(QUERY_NAMES) | st.text(max_size=8), hostile_text), max_size=4)
headers = st.dictionaries(st.sampled_from(READ_HEADERS), latin1_text, max_size=3)


def encoded(pairs) -> str:
    return urlencode(pairs, encoding="utf-8", errors="surrogatepass")


@given(data=st.data())
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_hostile_requests_to_every_route_never_answer_5xx(client, editor, news, data):
    """Random routes, methods, path parts, query parameters, form fields and headers."""
    route = data.draw(st.sampled_from(ROUTES), label="route")
    values = {key: data.draw(st.sampled_from(PATH_VALUES) | hostile_text) for key in route.parameters}
    path = route.path(values)
    method = data.draw(st.sampled_from(METHODS), label="method")
    query = encoded(data.draw(query_pairs, label="query"))
    body = encoded(data.draw(query_pairs, label="form")) if method in ("post", "put") else ""
    sent_headers = data.draw(headers, label="headers")
    caller = data.draw(st.sampled_from([client, editor]), label="caller")
    response = answer(caller, method, path, query=query, body=body, headers=sent_headers)
    assert_no_server_error(response, f"{method.upper()} {path!r}?{query} {sent_headers} body={body!r}")
    readable = not any(UNREADABLE.search(value) for value in [*values.values(), query, body])
    if not readable and str(route).startswith("/api/"):
        assert response.status_code in (400, 404, 405)
