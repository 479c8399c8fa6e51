from matchfair.scheduling import check, first_come_first_served, solve

from ..builders import document, instance


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


def test_locks_with_a_choice_of_location_go_where_all_of_them_hold():
    # Placed one by one, m2 (no neighbour placed yet) would take the first location, north,
    # and m3 could then neither reach south for m4 nor stay north after m2. The locks' joint
    # plan puts m2 and m3 south, for the baseline and the solver alike.
    people = ("a", "c", "d", "f")
    doc = document(people=people, meetings=(("a", "c"), ("c", "d"), ("d", "f")))
    doc["tables"] = [{"id": "N", "location": "north"}, {"id": "S", "location": "south"}]
    doc["travel_minutes"] = {"north": {"south": 15}}
    doc["meetings"][0]["locked"] = {"slot": "t2"}
    doc["meetings"][1]["locked"] = {"slot": "t3"}
    doc["meetings"][2]["locked"] = {"slot": "t4", "table": "S"}
    inst = instance(doc)
    for result in (first_come_first_served(inst), solve(inst, time_limit=1, workers=1)):
        assert check(inst, result).violations == ()
        assert {a.meeting: a.table for a in result.assignments} == {"m1": "S", "m2": "S", "m3": "S"}
