"""An instance built in code meets the same rules as a parsed document: `validation.py`."""

import copy
import dataclasses
import gc

import pytest

from matchfair.scheduling import InstanceError, Lock, dump_instance, parse_instance, validate
from matchfair.scheduling.locks import locks_together
from tests.scheduling.builders import document, instance


def _errors(inst):
    with pytest.raises(InstanceError) as raised:
        validate(inst)
    return raised.value.errors


def _parse_errors(inst):
    with pytest.raises(InstanceError) as raised:
        parse_instance(copy.deepcopy(dump_instance(inst)))
    return raised.value.errors


def _with_meeting(inst, index, **changes):
    meetings = list(inst.meetings)
    meetings[index] = dataclasses.replace(meetings[index], **changes)
    return dataclasses.replace(inst, meetings=tuple(meetings))


def test_a_valid_instance_passes():
    inst = instance(document(meetings=(("a", "b"), ("b", "c"))))
    validate(inst)


@pytest.mark.parametrize(
    "change",
    [
        {"participants": ("a",)},
        {"participants": ("a", "zed")},
        {"priority": 4},
        {"locked": Lock("t9")},
        {"slots": frozenset({"t2"}), "locked": Lock("t1")},
    ],
)
def test_a_bad_meeting_reads_as_the_parser_reads_its_document(change):
    inst = _with_meeting(instance(document(meetings=(("a", "b"), ("b", "c")))), 1, **change)
    assert _errors(inst) == _parse_errors(inst)
    assert _errors(inst)[0].startswith("meetings[1]")


def test_a_lock_in_a_break_and_locks_that_clash_are_named_like_the_parser_names_them():
    inst = instance(document(meetings=(("a", "b"), ("a", "c"))))
    in_break = dataclasses.replace(
        _with_meeting(inst, 0, locked=Lock("t1")), breaks=frozenset({"t1"})
    )
    assert _errors(in_break) == ['meetings[0].locked.slot: slot "t1" is a break']
    assert _errors(in_break) == _parse_errors(in_break)
    clash = _with_meeting(_with_meeting(inst, 0, locked=Lock("t2")), 1, locked=Lock("t2"))
    assert _errors(clash) == ['meetings[1].locked: participant "a" is also locked in meeting m1']
    assert _errors(clash) == _parse_errors(clash)


def test_duplicate_ids_and_overlapping_slots_are_errors():
    inst = instance(document(meetings=(("a", "b"), ("b", "c"))))
    twice = _with_meeting(inst, 1, id="m1")
    assert _errors(twice) == ['meetings[1].id: duplicate meeting id "m1"']
    late = dataclasses.replace(inst.slots[0], start=inst.slots[1].start)
    overlapping = dataclasses.replace(inst, slots=(late, *inst.slots[1:]))
    assert _errors(overlapping)[0].startswith("slots[1].start: slots must be in time order")


def test_the_locks_are_solved_once_per_instance_and_forgotten_with_it():
    doc = document(meetings=(("a", "b"), ("a", "c")))
    doc["tables"] = [{"id": "N", "location": "north"}, {"id": "S", "location": "south"}]
    doc["travel_minutes"] = {"north": {"south": 15}}
    doc["meetings"][0]["locked"] = {"slot": "t1"}
    inst = parse_instance(doc)
    answer = locks_together(inst)
    assert locks_together(inst) is answer
    assert locks_together(instance(doc)) is not answer  # an equal instance is another one
    del inst
    gc.collect()
    assert answer.source() is None
