"""Listing an event's participants and opportunities by text and filters, in directory order:
`events.domain.directory`."""

from django.core.cache import cache

from matchfair.community.models import Organisation, User
from matchfair.events.domain import directory
from matchfair.events.domain.registrations import set_availability
from matchfair.events.models import Domain, Registration
from matchfair.meetings.models import Meeting
from tests import factories


def test_opportunity_list_searches_through_the_index(event, people):
    listed = directory.opportunities(event, filters={"q": "kits", "looking": "offer"})
    assert [o.title for o in listed] == ["Parking sensors"]


# The co-organiser and free-slot filters


def test_directory_filters_by_co_organiser(event, people):
    co = factories.co_organiser(event)
    Registration.objects.filter(pk=people["jonas"].pk).update(organiser=co)
    chosen = directory.participants(event, filters={"organiser": co})
    lead = directory.participants(event, filters={"organiser": event.organisers.get(is_lead=True)})
    assert ([r.user.full_name for r in chosen], [r.user.full_name for r in lead]) == (
        ["Jonas Berg"],
        ["Ana Petrova"],
    )


def meet(event, *registrations, status="active"):
    meeting = Meeting.objects.create(event=event, status=status)
    meeting.participants.set(registrations)
    return meeting


def test_directory_has_free_slots_counts_meetings_against_available_slots(event, people):
    ana, jonas = people["ana"], people["jonas"]
    morning_1, _morning_2 = event.sessions.order_by("starts_at")
    # Jonas is away the first morning: four slots left, and four meetings fill them.
    set_availability(registration=jonas, by=jonas.user, unavailable=[morning_1])
    others = [factories.RegistrationFactory(event=event) for _ in range(4)]
    for other in others:
        meet(event, jonas, other)
    meet(event, ana, others[0], status="cancelled")
    free = directory.participants(event, filters={"free": True})
    assert sorted(r.user.full_name for r in free if r in (ana, jonas)) == ["Ana Petrova"]
    assert len(free) == 5  # Ana and the four others, who have one meeting each


def test_has_free_slots_respects_the_most_meetings_a_participant_asked_for(event, people):
    ana, jonas = people["ana"], people["jonas"]
    Registration.objects.filter(pk=ana.pk).update(max_meetings=1)
    Registration.objects.filter(pk=jonas.pk).update(max_meetings=2)
    meet(event, ana, jonas)
    free = directory.participants(event, filters={"free": True})
    assert [r.user.full_name for r in free] == ["Jonas Berg"]


def test_opportunities_list_applies_the_co_organiser_and_free_slot_filters(event, people):
    co = factories.co_organiser(event)
    Registration.objects.filter(pk=people["jonas"].pk).update(organiser=co)
    by_co = directory.opportunities(event, filters={"organiser": co})
    free = directory.opportunities(event, filters={"free": True})
    assert ([o.title for o in by_co], sorted(o.title for o in free)) == (
        ["Open traffic data"],
        ["Open traffic data", "Parking sensors"],
    )


# The directory's order: organisation, then name, from a key that triggers keep


def listed(event) -> list[str]:
    return [r.user.full_name for r in directory.participants(event, filters={})]


def test_directory_lists_by_organisation_then_name_whatever_the_case(event):
    for name, organisation in [
        ("zoe Ward", "acme"),
        ("Bob Stone", "Acme Labs"),
        ("Anna Lind", "Acme"),
        ("Carl Berg", "BETA"),
    ]:
        factories.RegistrationFactory(
            event=event, user__full_name=name, user__organisation__name=organisation
        )
    assert listed(event) == ["Anna Lind", "zoe Ward", "Bob Stone", "Carl Berg"]


def test_directory_order_follows_renames_and_moves(event, people):
    ana, jonas = people["ana"], people["jonas"]  # Mobility Lab, City of Tampere
    before = listed(event)
    Organisation.objects.filter(pk=jonas.user.organisation_id).update(name="Zagreb City")
    renamed = listed(event)
    User.objects.filter(pk=ana.user_id).update(organisation=jonas.user.organisation)
    User.objects.filter(pk=jonas.user_id).update(full_name="Aaron Berg")
    moved = listed(event)
    newcomer = factories.UserFactory(full_name="Nina Aalto", organisation__name="Aalto")
    Registration.objects.filter(pk=ana.pk).update(user=newcomer)
    assert (before, renamed, moved, listed(event)) == (
        ["Jonas Berg", "Ana Petrova"],
        ["Ana Petrova", "Jonas Berg"],
        ["Aaron Berg", "Ana Petrova"],
        ["Nina Aalto", "Aaron Berg"],
    )


def test_domain_and_looking_filters_list_a_participant_once(event, people):
    ana = people["ana"]
    energy = Domain.objects.first()
    ana.domains.add(energy)
    for title in ("Heat pumps", "Grid batteries"):
        extra = factories.OpportunityFactory(registration=ana, kind="offer", title=title)
        extra.domains.add(energy)
    chosen = directory.participants(event, filters={"domain": energy, "looking": "offer"})
    offers = directory.opportunities(event, filters={"domain": energy, "looking": "offer"})
    assert (len(chosen), [r.user.full_name for r in chosen], [o.title for o in offers]) == (
        1,
        ["Ana Petrova"],
        ["Grid batteries", "Heat pumps"],
    )


# The country filter's choices, and the listing a page reads


def test_countries_present_are_those_of_the_participants_organisations(event, people):
    factories.RegistrationFactory(event=event, user__organisation__country="FI")
    factories.RegistrationFactory(user__organisation__country="PT")  # at another event
    assert directory.countries_present(event) == {"BG", "FI"}


def test_countries_present_are_kept_for_a_while(event, people):
    first = directory.countries_present(event)
    factories.RegistrationFactory(event=event, user__organisation__country="FI")
    kept = directory.countries_present(event)
    cache.delete(f"directory-countries:{event.pk}")
    assert (first, kept, directory.countries_present(event)) == ({"BG"}, {"BG"}, {"BG", "FI"})


def test_listing_counts_indexes_slices_and_iterates_in_order(event, people):
    listing = directory.participants(event, filters={})
    ana, jonas = people["ana"], people["jonas"]  # City of Tampere before Mobility Lab
    assert (len(listing), listing.count(), listing[0], listing[1:], list(listing)) == (
        2,
        2,
        jonas,
        [ana],
        [jonas, ana],
    )


def test_listing_leaves_out_pending_participants(event, people):
    Registration.objects.filter(pk=people["ana"].pk).update(status=Registration.Status.PENDING)
    assert list(directory.participants(event, filters={})) == [people["jonas"]]
