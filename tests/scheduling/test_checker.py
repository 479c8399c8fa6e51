from matchfair.scheduling import Assignment, Result, check

from .builders import document, instance


def _result(*rows: tuple[str, str, str]) -> Result:
    return Result(tuple(Assignment(*row) for row in rows), (), {})


def test_check_valid_result_has_no_violations():
    inst = instance(document(meetings=(("a", "b"), ("a", "c"))))
    report = check(inst, _result(("m1", "t1", "T1"), ("m2", "t2", "T1")))
    assert report.violations == ()
    assert report.ok


def test_check_meeting_twice():
    inst = instance(document())
    report = check(inst, _result(("m1", "t1", "T1"), ("m1", "t2", "T1")))
    assert report.violations == ("meeting m1: scheduled more than once",)


def test_check_unknown_meeting_slot_and_table():
    inst = instance(document(meetings=(("a", "b"), ("a", "c"))))
    report = check(inst, _result(("m9", "t1", "T1"), ("m1", "t9", "T1"), ("m2", "t1", "T9")))
    assert report.violations == (
        "meeting m9: not in the instance",
        "meeting m1: unknown slot t9",
        "meeting m2: unknown table T9",
    )


def test_check_participant_unavailable():
    doc = document()
    doc["participants"][1]["available"] = ["t2"]
    report = check(instance(doc), _result(("m1", "t1", "T1")))
    assert report.violations == ("meeting m1: b is not available in slot t1",)


def test_check_participant_in_two_meetings():
    inst = instance(document(meetings=(("a", "b"), ("a", "c"))))
    report = check(inst, _result(("m1", "t1", "T1"), ("m2", "t1", "T2")))
    assert report.violations == ("meeting m2: a is also in meeting m1 in slot t1",)


def test_check_general_table_double_booked():
    inst = instance(document(people=("a", "b", "c", "d"), meetings=(("a", "b"), ("c", "d"))))
    report = check(inst, _result(("m1", "t1", "T1"), ("m2", "t1", "T1")))
    assert report.violations == ("meeting m2: table T1 is also used by m1 in slot t1",)


def test_check_booth_meeting_elsewhere():
    doc = document()
    doc["tables"].append({"id": "B", "booth_of": "a"})
    report = check(instance(doc), _result(("m1", "t1", "T1")))
    assert report.violations == ("meeting m1: must be held at booth B",)


def test_check_two_booths_either_is_fine():
    doc = document()
    doc["tables"] += [{"id": "A", "booth_of": "a"}, {"id": "B", "booth_of": "b"}]
    assert check(instance(doc), _result(("m1", "t1", "B"))).violations == ()


def test_check_someone_elses_booth():
    doc = document()
    doc["tables"].append({"id": "C", "booth_of": "c"})
    report = check(instance(doc), _result(("m1", "t1", "C")))
    assert report.violations == (
        "meeting m1: table C is the booth of c, who is not in the meeting",
    )


def test_check_booth_double_booked():
    doc = document(meetings=(("a", "b"), ("a", "c")))
    doc["participants"][0]["booth"] = "B"
    doc["tables"].append({"id": "B"})
    doc["meetings"][1]["participants"] = ["c", "a"]
    doc2 = document(people=("a", "b", "c", "d"), meetings=(("a", "b"), ("a", "c")))
    doc2["tables"].append({"id": "B", "booth_of": "a"})
    report = check(instance(doc), _result(("m1", "t1", "B"), ("m2", "t2", "B")))
    assert report.violations == ()
    report = check(instance(doc2), _result(("m1", "t1", "B"), ("m2", "t1", "B")))
    assert report.violations == (
        "meeting m2: a is also in meeting m1 in slot t1",
        "meeting m2: table B is also used by m1 in slot t1",
    )


def test_check_outside_allowed_slots():
    doc = document()
    doc["meetings"][0]["slots"] = ["t1", "t2"]
    report = check(instance(doc), _result(("m1", "t3", "T1")))
    assert report.violations == ("meeting m1: slot t3 is not one of its allowed slots",)


def test_check_lock_broken():
    doc = document()
    doc["meetings"][0]["locked"] = {"slot": "t2", "table": "T2"}
    report = check(instance(doc), _result(("m1", "t1", "T1")))
    assert report.violations == (
        "meeting m1: locked to slot t2, got t1",
        "meeting m1: locked to table T2, got T1",
    )


def test_check_locked_meeting_dropped():
    doc = document()
    doc["meetings"][0]["locked"] = {"slot": "t2"}
    assert check(instance(doc), _result()).violations == ("meeting m1: locked but not scheduled",)


def test_check_max_meetings():
    doc = document(meetings=(("a", "b"), ("a", "c")))
    doc["participants"][0]["max_meetings"] = 1
    report = check(instance(doc), _result(("m1", "t1", "T1"), ("m2", "t2", "T1")))
    assert report.violations == ("meeting m2: a has 2 meetings, limit 1",)


def test_check_travel_time():
    doc = document(meetings=(("a", "b"), ("a", "c")))
    doc["tables"] = [{"id": "T1", "location": "A"}, {"id": "T2", "location": "B"}]
    doc["travel_minutes"] = {"A": {"B": 10}}
    report = check(instance(doc), _result(("m1", "t1", "T1"), ("m2", "t2", "T2")))
    assert report.violations == ("meeting m2: a needs 10 minutes from meeting m1, has 5",)
    assert check(instance(doc), _result(("m1", "t1", "T1"), ("m2", "t3", "T2"))).violations == ()


def test_check_travel_only_between_consecutive_meetings():
    doc = document(people=("a", "b", "c", "d"), meetings=(("a", "b"), ("a", "c"), ("a", "d")))
    doc["tables"] = [{"id": "T1", "location": "A"}, {"id": "T2", "location": "B"}]
    doc["travel_minutes"] = {"A": {"B": 10}}
    rows = (("m1", "t1", "T1"), ("m2", "t2", "T1"), ("m3", "t4", "T2"))
    assert check(instance(doc), _result(*rows)).violations == ()


def test_check_metrics_count_holes_per_session():
    doc = document(
        slots=6, sessions=2, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c"))
    )
    rows = (("m1", "t1", "T1"), ("m2", "t3", "T1"), ("m3", "t4", "T1"))
    metrics = check(instance(doc), _result(*rows)).metrics
    assert metrics == {
        "scheduled": 3,
        "unscheduled": 0,
        "priority_scheduled": 3,
        "priority_requested": 3,
        "holes": 1,
        "participants": 3,
        "holes_per_participant": 1 / 3,
        "max_holes": 1,
        "no_holes_share": 2 / 3,
        "max_unscheduled": 0,
        "max_unscheduled_share": 0.0,
        "gini_scheduled_share": 0.0,
        "outside_preferred": 0,
    }


def test_check_metrics_fairness_of_losses():
    doc = document(people=("a", "b", "c", "d"), meetings=(("a", "b"), ("a", "c"), ("c", "d")))
    metrics = check(instance(doc), _result(("m1", "t1", "T1"))).metrics
    assert (metrics["max_unscheduled"], metrics["max_unscheduled_share"]) == (2, 1.0)
