from matchfair.scheduling.model import Assignment, Result, Unscheduled, changes_since


def test_changes_since_names_the_meetings_moved_and_dropped_only():
    previous = Result(
        (Assignment("m1", "s1", "t1"), Assignment("m2", "s1", "t2"), Assignment("m3", "s2", "t1")),
        (),
    )
    now = (Assignment("m1", "s1", "t1"), Assignment("m2", "s2", "t2"), Assignment("m4", "s1", "t3"))
    left_out = (Unscheduled("m3", "no free slot"), Unscheduled("m5", "no free slot"))

    assert changes_since(previous, now, left_out) == {
        "moved": ["m2"],
        "moved_count": 1,
        "dropped": ["m3"],
    }
