"""Database keys and the engine's ids: `meetings.domain.engine_ids`."""

import pytest

from matchfair.meetings.domain.engine_ids import MEETINGS, PARTICIPANTS, SESSIONS, SLOTS, TABLES


def test_each_kind_has_its_own_prefix_and_comes_back_to_its_key():
    assert [c.key(42) for c in (SLOTS, TABLES, PARTICIPANTS, MEETINGS, SESSIONS)] == [
        "s42",
        "t42",
        "p42",
        "m42",
        "session-42",
    ]
    for codec in (SLOTS, TABLES, PARTICIPANTS, MEETINGS, SESSIONS):
        assert codec.pk(codec.key(99)) == 99


@pytest.mark.parametrize("key", ["t7", "m", "m-1", "mx7", "7", "session-7", ""])
def test_an_id_of_another_kind_is_refused_rather_than_read_as_a_number(key):
    with pytest.raises(ValueError, match="not an engine id"):
        MEETINGS.pk(key)
