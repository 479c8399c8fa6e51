"""Natural order: `matchfair.ordering.natural_key`."""

from hypothesis import given
from hypothesis import strategies as st

from matchfair.ordering import natural_key


def test_natural_key_puts_table_2_before_table_10():
    names = ["Table 10", "Table 2", "Table 1", "table 3", "Booth A", "Table 11b", "Table 11a"]
    assert sorted(names, key=natural_key) == [
        "Booth A",
        "Table 1",
        "Table 2",
        "table 3",
        "Table 10",
        "Table 11a",
        "Table 11b",
    ]


@given(st.lists(st.integers(min_value=0, max_value=10_000), unique=True))
def test_natural_key_orders_numbered_names_by_number(numbers):
    names = [f"Table {number}" for number in numbers]
    assert sorted(names, key=natural_key) == [f"Table {n}" for n in sorted(numbers)]
