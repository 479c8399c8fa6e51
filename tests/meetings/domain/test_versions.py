"""The event's agenda version, which keys the cached agenda pages: `meetings.domain.versions`."""

from matchfair.events.models import Event
from matchfair.meetings.domain.versions import agendas_changed
from tests import factories


def version_of(event):
    return Event.objects.get(pk=event.pk).agenda_version


def test_agendas_changed_raises_the_version_each_time(event):
    before = version_of(event)
    agendas_changed(event.pk)
    agendas_changed(event.pk)
    assert version_of(event) == before + 2


def test_agendas_changed_leaves_other_events_alone(event):
    other = factories.b2b_event()
    before = version_of(other)
    agendas_changed(event.pk)
    assert version_of(other) == before
