"""A delegation member's day: `visits.domain.day`."""

from matchfair.visits.domain.day import member_days
from tests.visits.helpers import member_of


def test_day_merges_meetings_visits_and_side_events(planned, ana):
    days = member_days(member_of(planned, ana))
    kinds = {item.kind for day in days for item in day.items}
    assert kinds == {"meeting", "visit", "session"}
    for day in days:
        starts = [item.starts_at for item in day.items]
        assert starts == sorted(starts)


def test_day_route_starts_and_ends_at_the_entrance(planned, ana, halls):
    day = member_days(member_of(planned, ana))[0]
    assert day.route[0] == day.route[-1] == halls[0].centre
    assert day.route[1:-1] == [point for point, _items in day.places]
    assert sum(len(items) for _point, items in day.places) == len(day.items)
