from matchfair.scheduling import check, first_come_first_served

from .builders import document, instance


def test_first_come_first_served_takes_earliest_slot_in_order():
    inst = instance(
        document(tables=1, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c")))
    )
    result = first_come_first_served(inst)
    assert [(a.meeting, a.slot, a.table) for a in result.assignments] == [
        ("m1", "t1", "T1"),
        ("m2", "t2", "T1"),
        ("m3", "t3", "T1"),
    ]


def test_first_come_first_served_places_locks_first():
    doc = document(tables=1, meetings=(("a", "b"), ("a", "c")))
    doc["meetings"][1]["locked"] = {"slot": "t1"}
    inst = instance(doc)
    result = first_come_first_served(inst)
    assert {a.meeting: a.slot for a in result.assignments} == {"m1": "t2", "m2": "t1"}
    assert check(inst, result).violations == ()
