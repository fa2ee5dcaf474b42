"""`bench.run --against`: two checkouts' medians side by side, and which changes count as a regression."""

from bench.run import Result, compare_table


def result(rps: float, p50: float, queries: int | None = 7) -> Result:
    return Result("list_cold", "our list, cold", "off", rps, rps, rps, p50, p50 * 2, 0, queries, 1000)


def row(before: Result, after: Result) -> list[str]:
    line = compare_table({"list_cold": before}, {"list_cold": after}).splitlines()[-1]
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_a_change_within_five_percent_or_better_is_ok():
    assert row(result(100, 10), result(96, 10.4))[-1] == "ok"
    assert row(result(100, 10), result(150, 6))[-1] == "ok"
    assert row(result(100, 10, queries=8), result(100, 10, queries=7))[-2:] == ["8→7", "ok"]


def test_slower_or_more_queries_is_flagged_with_both_numbers():
    assert row(result(100, 10), result(90, 10))[-1] == "**no**"
    assert row(result(100, 10), result(100, 10.6))[-1] == "**no**"
    assert row(result(100, 10, queries=7), result(100, 10, queries=8))[-1] == "**no**"
    assert row(result(200, 10), result(150, 12))[1:7] == ["200.0", "150.0", "-25%", "10.0", "12.0", "+20%"]
