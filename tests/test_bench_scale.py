"""`bench.scale`: the scale table's verdicts from given numbers, and how its deep pages are found."""

import json

from bench.scale import (
    SCENARIOS,
    Measurement,
    Row,
    deep_page,
    follow_next,
    last_page,
    path_of,
    scale_table,
    verdict,
)

SIZES = [1_000, 10_000, 100_000]


def row(p50s: list[float], queries: list[int | None] = (7, 7, 7), search: bool = False, errors: int = 0) -> Row:
    measured = {
        size: Measurement("/api/v1/articles/", p50, p50 * 3, count, 1000, errors)
        for size, p50, count in zip(SIZES, p50s, queries, strict=True)
    }
    return Row("list_first", "API list, first page", search, measured)


def cells(measured: Row) -> list[str]:
    line = scale_table([measured], SIZES).splitlines()[-1]
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_a_flat_page_with_constant_queries_is_ok():
    assert verdict(row([10.0, 10.5, 11.9]), SIZES) == "ok"


def test_p50_beyond_one_point_two_times_misses_the_target():
    assert verdict(row([10.0, 11.0, 12.5]), SIZES) == "**no**: p50 1.25× > 1.2×"


def test_search_is_allowed_twice_the_smallest_p50():
    assert verdict(row([10.0, 14.0, 19.0], search=True), SIZES) == "ok"
    assert verdict(row([10.0, 14.0, 21.0], search=True), SIZES) == "**no**: p50 2.10× > 2×"


def test_queries_that_grow_with_the_size_miss_the_target_even_when_fast():
    assert verdict(row([10.0, 10.0, 10.0], queries=[7, 7, 8]), SIZES) == "**no**: queries 7→7→8"
    assert verdict(row([10.0, 10.0, 10.0], queries=[7, 8, 7]), SIZES) == "**no**: queries 7→8→7"


def test_a_search_that_takes_fewer_queries_at_a_larger_size_is_ok():
    assert verdict(row([10.0, 12.0, 14.0], queries=[10, 9, 9], search=True), SIZES) == "ok"


def test_both_misses_and_errors_are_named():
    assert verdict(row([10.0, 20.0, 40.0], queries=[7, 8, 9], errors=3), SIZES) == (
        "**no**: p50 4.00× > 1.2×, queries 7→8→9, errors"
    )


def test_the_table_gives_each_size_then_the_ratio_and_verdict():
    assert cells(row([10.0, 12.0, 30.0])) == [
        "API list, first page",
        *["10.0", "30.0", "7"],
        *["12.0", "36.0", "7"],
        *["30.0", "90.0", "7"],
        "3.00×",
        "**no**: p50 3.00× > 1.2×",
    ]
    header = scale_table([row([1.0, 1.0, 1.0])], SIZES).splitlines()[0]
    assert header.startswith("| scenario | 1,000 p50 ms | p99 ms | queries | 10,000 p50 ms")
    assert header.endswith("| p50 100,000 / 1,000 | verdict |")


def test_a_size_not_measured_leaves_its_cells_empty_and_no_verdict_of_ok():
    partial = row([10.0, 10.0, 10.0])
    del partial.by_size[100_000]
    assert cells(partial)[7:] == ["", "", "", "", "**no**: not measured"]


def test_following_next_stops_after_the_steps_asked_for():
    pages = {f"/p{n}": f"/p{n + 1}" for n in range(100)}
    assert follow_next(pages.get, "/p0", 50) == ("/p50", 50)


def test_following_next_stops_at_the_last_page_when_the_list_is_shorter():
    pages = {"/p0": "/p1", "/p1": "/p2", "/p2": None}
    assert follow_next(pages.get, "/p0", 50) == ("/p2", 2)


def test_the_api_next_link_is_loaded_by_its_path_and_query():
    assert path_of("http://127.0.0.1/api/v1/articles/?limit=20&cursor=abc") == "/api/v1/articles/?limit=20&cursor=abc"
    assert path_of("http://127.0.0.1/sitemap-articles-1-500.xml") == "/sitemap-articles-1-500.xml"


def test_the_deep_category_page_is_page_50_or_the_last():
    assert deep_page(10_000, 12) == 50
    assert deep_page(176, 12) == 15
    assert last_page(176, 12) == 15
    assert last_page(0, 12) == 1


def test_every_search_of_the_search_issue_is_a_row_held_to_the_search_target():
    searches = [scenario.key for scenario in SCENARIOS if scenario.search]
    assert sorted(searches) == sorted(
        f"{where}_{key}" for where in ("search", "site_search") for key in ("common", "rare", "phrase")
    )
    assert json.dumps([s.key for s in SCENARIOS if s.admin]) == '["admin_explorer"]'
