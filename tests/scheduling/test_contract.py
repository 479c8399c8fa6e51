import copy
import json
import re

import pytest

from matchfair.scheduling import (
    Assignment,
    InstanceError,
    Lock,
    Result,
    Unscheduled,
    dump_instance,
    dump_result,
    parse_instance,
    parse_result,
)

from .builders import document


def _errors(doc: object) -> list[str]:
    with pytest.raises(InstanceError) as caught:
        parse_instance(doc)
    return caught.value.errors


def test_parse_instance_valid_document():
    doc = document()
    doc["meetings"][0].update({"priority": 3, "slots": ["t2", "t3"], "locked": {"slot": "t2"}})
    inst = parse_instance(doc)
    assert inst.meetings[0].priority == 3
    assert inst.meetings[0].slots == frozenset({"t2", "t3"})
    assert inst.meetings[0].locked == Lock("t2", None)
    assert [s.id for s in inst.slots] == ["t1", "t2", "t3", "t4"]


def test_parse_instance_round_trips_through_dump():
    doc = document()
    doc["tables"].append({"id": "B", "location": "hall", "booth_of": "c"})
    doc["participants"][2].update({"booth": "B", "max_meetings": 2})
    doc["meetings"][0].update(
        {"priority": 2, "slots": ["t1"], "locked": {"slot": "t1", "table": "T1"}}
    )
    doc["travel_minutes"] = {"hall": {"other": 5}}
    assert dump_instance(parse_instance(copy.deepcopy(doc))) == doc


def test_parse_instance_wrong_format():
    doc = document()
    doc["format"] = "matchfair-schedule/2"
    assert _errors(doc) == ["format: must be \"matchfair-schedule/1\", not 'matchfair-schedule/2'"]


def test_parse_instance_not_an_object():
    assert _errors([]) == ["$: must be an object"]


def test_parse_instance_unknown_participant_names_path():
    doc = document()
    doc["meetings"][0]["participants"][1] = "p99"
    with pytest.raises(
        InstanceError, match=re.escape('meetings[0].participants[1]: unknown participant "p99"')
    ):
        parse_instance(doc)


def test_parse_instance_bad_start():
    doc = document()
    doc["slots"][3]["start"] = "2026-11-17T10:00:00"
    assert _errors(doc) == ["slots[3].start: not an ISO 8601 time with offset"]


def test_parse_instance_slots_out_of_order():
    doc = document()
    doc["slots"][1]["start"], doc["slots"][2]["start"] = (
        doc["slots"][2]["start"],
        doc["slots"][1]["start"],
    )
    assert _errors(doc) == [
        'slots[2].start: slots must be in time order without overlap; starts before "t2" ends'
    ]


def test_parse_instance_duplicate_slot_id():
    doc = document(slots=2)
    doc["slots"][1]["id"] = "t1"
    for person in doc["participants"]:
        person["available"] = ["t1"]
    assert _errors(doc) == ['slots[1].id: duplicate slot id "t1"']


def test_parse_instance_duplicate_ids():
    doc = document()
    doc["tables"][1]["id"] = "T1"
    doc["participants"][1]["id"] = "a"
    doc["meetings"].append({"id": "m1", "participants": ["a", "c"]})
    assert _errors(doc) == [
        'tables[1].id: duplicate table id "T1"',
        'participants[1].id: duplicate participant id "a"',
        'meetings[0].participants[1]: unknown participant "b"',
        'meetings[1].id: duplicate meeting id "m1"',
    ]


def test_parse_instance_priority_outside_range():
    doc = document()
    doc["meetings"][0]["priority"] = 4
    assert _errors(doc) == ["meetings[0].priority: must be 1, 2 or 3, not 4"]


def test_parse_instance_meeting_needs_two_people():
    doc = document()
    doc["meetings"][0]["participants"] = ["a"]
    assert _errors(doc) == ["meetings[0].participants: a meeting needs at least 2 participants"]


def test_parse_instance_same_participant_twice():
    doc = document()
    doc["meetings"][0]["participants"] = ["a", "a"]
    assert _errors(doc) == ['meetings[0].participants[1]: participant "a" listed twice']


def test_parse_instance_locked_slot_not_allowed():
    doc = document()
    doc["meetings"][0].update({"slots": ["t1"], "locked": {"slot": "t2"}})
    assert _errors(doc) == ['meetings[0].locked.slot: slot "t2" is not in the meeting\'s slots']


def test_parse_instance_locked_unknown_table():
    doc = document()
    doc["meetings"][0]["locked"] = {"slot": "t1", "table": "nope"}
    assert _errors(doc) == ['meetings[0].locked.table: unknown table "nope"']


def test_parse_instance_locked_when_unavailable():
    doc = document()
    doc["participants"][0]["available"] = ["t2"]
    doc["meetings"][0]["locked"] = {"slot": "t1"}
    assert _errors(doc) == ['meetings[0].locked.slot: participant "a" is not available in it']


def test_parse_instance_two_locks_clash():
    doc = document(meetings=(("a", "b"), ("a", "c")))
    doc["meetings"][0]["locked"] = {"slot": "t1", "table": "T1"}
    doc["meetings"][1]["locked"] = {"slot": "t1", "table": "T1"}
    assert _errors(doc) == [
        'meetings[1].locked: participant "a" is also locked in meeting m1',
        "meetings[1].locked.table: table is also locked for meeting m1",
    ]


def test_parse_instance_lock_off_booth():
    doc = document()
    doc["tables"].append({"id": "B", "booth_of": "a"})
    doc["meetings"][0]["locked"] = {"slot": "t1", "table": "T1"}
    assert _errors(doc) == ['meetings[0].locked.table: the meeting must be held at booth "B"']


def test_parse_instance_booth_table_missing():
    doc = document()
    doc["participants"][0]["booth"] = "B9"
    assert _errors(doc) == ['participants[0].booth: unknown table "B9"']


def test_parse_instance_booth_of_unknown_participant():
    doc = document()
    doc["tables"].append({"id": "B", "booth_of": "zz"})
    assert _errors(doc) == ['tables[2].booth_of: unknown participant "zz"']


def test_parse_instance_booth_shared():
    doc = document()
    doc["tables"].append({"id": "B"})
    doc["participants"][0]["booth"] = "B"
    doc["participants"][1]["booth"] = "B"
    assert _errors(doc) == ['participants[1].booth: table "B" is already the booth of "a"']


def test_parse_instance_negative_travel():
    doc = document()
    doc["travel_minutes"] = {"hall-a": {"hall-b": -3}}
    assert _errors(doc) == ["travel_minutes.hall-a.hall-b: must be an integer >= 0"]


def test_parse_instance_negative_max_meetings():
    doc = document()
    doc["participants"][0]["max_meetings"] = -1
    assert _errors(doc) == ["participants[0].max_meetings: must be an integer >= 0"]


def test_parse_instance_unknown_slot_in_available_and_slots():
    doc = document()
    doc["participants"][0]["available"].append("t9")
    doc["meetings"][0]["slots"] = ["t0"]
    assert _errors(doc) == [
        'participants[0].available[4]: unknown slot "t9"',
        'meetings[0].slots[0]: unknown slot "t0"',
    ]


def test_parse_instance_unknown_field():
    doc = document()
    doc["meetings"][0]["room"] = "x"
    assert _errors(doc) == ["meetings[0].room: unknown field"]


def test_parse_instance_collects_every_error():
    doc = document()
    doc["format"] = None
    doc["slots"][0]["minutes"] = "20"
    doc["meetings"][0]["participants"] = ["a", "q"]
    doc["meetings"][0]["priority"] = 0
    assert len(_errors(doc)) == 4


def test_dump_result_round_trips():
    result = Result(
        (Assignment("m1", "t1", "T1"),),
        (Unscheduled("m2", "a and b share no free slot"),),
        {"scheduled": 1},
    )
    assert parse_result(json.loads(json.dumps(dump_result(result)))) == result


def test_parse_result_wrong_format():
    with pytest.raises(InstanceError, match='format: must be "matchfair-schedule-result/1"'):
        parse_result({"format": "matchfair-schedule/1", "assignments": []})


def test_parse_instance_more_locks_than_tables():
    doc = document(tables=1, people=("a", "b", "c", "d"), meetings=(("a", "b"), ("c", "d")))
    doc["meetings"][0]["locked"] = {"slot": "t1"}
    doc["meetings"][1]["locked"] = {"slot": "t1"}
    assert _errors(doc) == [
        'meetings[1].locked.slot: more locked meetings in slot "t1" than the 1 general tables'
    ]


def test_parse_instance_more_locks_than_max_meetings():
    doc = document()
    doc["participants"][0]["max_meetings"] = 0
    doc["meetings"][0]["locked"] = {"slot": "t1"}
    assert _errors(doc) == ['meetings[0].locked: participant "a" has more locked meetings than 0']


def test_parse_instance_locked_meetings_too_far_apart():
    doc = document(meetings=(("a", "b"), ("a", "c")))
    doc["tables"] = [{"id": "N", "location": "north"}, {"id": "S", "location": "south"}]
    doc["travel_minutes"] = {"north": {"south": 15}}
    doc["meetings"][0]["locked"] = {"slot": "t1", "table": "N"}
    doc["meetings"][1]["locked"] = {"slot": "t2", "table": "S"}
    assert _errors(doc) == [
        'meetings[1].locked: participant "a" cannot walk here in time from meeting m1'
    ]


def _walks(doc, tables):
    doc["tables"] = [{"id": tid, "location": loc} for tid, loc in tables]
    doc["travel_minutes"] = {"north": {"south": 15}}
    return doc


def test_parse_instance_locks_that_each_fit_but_exclude_each_other_by_walking():
    # m2 may take either location, and pairwise each lock leaves a way to walk; but a must
    # stay north after m1 and c must already be south before m3.
    doc = document(people=("a", "b", "c", "d"), meetings=(("a", "b"), ("a", "c"), ("c", "d")))
    _walks(doc, [("N", "north"), ("S", "south")])
    doc["meetings"][0]["locked"] = {"slot": "t1", "table": "N"}
    doc["meetings"][1]["locked"] = {"slot": "t2"}
    doc["meetings"][2]["locked"] = {"slot": "t3", "table": "S"}
    assert _errors(doc) == [
        'meetings[0].locked: locked meetings "m1", "m2" and "m3" cannot all keep their slots:'
        " wherever they are placed, someone cannot walk between two of them in time or a"
        " location has too few tables for them"
    ]
    doc["meetings"][2]["locked"]["table"] = "N"
    assert parse_instance(doc).meetings[1].locked == Lock("t2", None)


def test_parse_instance_locks_forced_into_one_location_with_too_few_tables():
    # In t2, both slot-only locks must be north (a and d walk from or to table N), and the
    # north has one table; the count of general tables in t2 (two) does not see it.
    people = ("a", "b", "c", "d", "e", "f")
    pairs = (("a", "b"), ("a", "c"), ("d", "e"), ("d", "f"), ("b", "e"))
    doc = _walks(document(people=people, meetings=pairs), [("N", "north"), ("S", "south")])
    doc["meetings"][0]["locked"] = {"slot": "t1", "table": "N"}
    doc["meetings"][1]["locked"] = {"slot": "t2"}
    doc["meetings"][2]["locked"] = {"slot": "t3", "table": "N"}
    doc["meetings"][3]["locked"] = {"slot": "t2"}
    (error,) = _errors(doc)
    assert error.startswith(
        'meetings[0].locked: locked meetings "m1", "m2", "m3" and "m4" cannot all keep'
    )
    doc["tables"].append({"id": "N2", "location": "north"})
    assert len(parse_instance(doc).meetings) == 5
