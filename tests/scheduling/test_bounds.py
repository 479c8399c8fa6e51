from matchfair.scheduling import Bounds, upper_bounds

from .builders import document, instance


def test_upper_bounds_drop_meetings_without_common_slot():
    doc = document(meetings=(("a", "b"), ("a", "c")))
    doc["participants"][1]["available"] = ["t1"]
    doc["participants"][2]["available"] = []
    assert upper_bounds(instance(doc)) == Bounds(1, 1, 1, {}, 1)


def test_upper_bounds_participant_capacity():
    doc = document(
        slots=2,
        tables=5,
        people=("a", "b", "c", "d"),
        meetings=(("a", "b"), ("a", "c"), ("a", "d")),
    )
    doc["meetings"][2]["priority"] = 3
    assert upper_bounds(instance(doc)) == Bounds(2, 4, 3, {"a": 1}, 3)


def test_upper_bounds_max_meetings():
    doc = document(meetings=(("a", "b"), ("a", "c")))
    doc["participants"][0]["max_meetings"] = 1
    assert upper_bounds(instance(doc)).meetings == 1


def test_upper_bounds_matching_sees_restricted_slots():
    # Three meetings of a, all limited to the same two slots: only two can happen.
    doc = document(
        slots=4,
        tables=5,
        people=("a", "b", "c", "d"),
        meetings=(("a", "b"), ("a", "c"), ("a", "d")),
    )
    for meeting in doc["meetings"]:
        meeting["slots"] = ["t1", "t2"]
    assert upper_bounds(instance(doc)).meetings == 2


def test_upper_bounds_table_capacity():
    doc = document(
        slots=1, tables=1, people=("a", "b", "c", "d"), meetings=(("a", "b"), ("c", "d"))
    )
    assert upper_bounds(instance(doc)).meetings == 1


def test_upper_bounds_booth_capacity():
    doc = document(slots=1, tables=3, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c")))
    doc["tables"].append({"id": "B", "booth_of": "a"})
    assert upper_bounds(instance(doc)).table_flow == 1
