"""A trip report started from what a delegation did at an expo.

"Start a trip report" on a delegation makes a draft trip report of its cluster, in English and
Bulgarian, from the delegation's data:

- the pavilions and stands on its members' itineraries;
- the meetings its members held (in the event's latest release, with a slot), counted by the
  other side's country and by the other side's domains, as aggregates only: cells under 3 are
  pooled or left out by the outcomes app's `knowledge.protect`, the one suppression rule;
- who met whom and the stage reached, only where every person concerned shared it with the
  public (`permissions.visible_items` for an anonymous reader: the article will be public).

Photos are added by the author afterwards with the desk's image upload, and the draft goes
through the usual workflow. Nothing is published by starting it.
"""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries as country_names

from matchfair import permissions
from matchfair.events.models import Registration
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting
from matchfair.newsroom.domain.articles import create_article
from matchfair.newsroom.models import LANGUAGES, Article, Kind
from matchfair.outcomes.domain.knowledge import SMALLEST_CELL, Cell, protect
from matchfair.outcomes.domain.ladder import ladder_from
from matchfair.outcomes.models import Stage
from matchfair.visits.models import Delegation, ItineraryStop


@dataclass(frozen=True)
class SharedMeeting:
    people: tuple[Registration, ...]
    stage: int | None  # None when the stage is not shared with the public


@dataclass(frozen=True)
class TripFacts:
    pavilions: list[str]
    stands: list[str]  # "code · exhibitor (country)"
    meetings: int
    members_country: Counter[str]
    members_domain: Counter[str]
    shared: list[SharedMeeting]


def _places(delegation: Delegation) -> tuple[list[str], list[str]]:
    stops = ItineraryStop.objects.filter(member__delegation=delegation).select_related(
        "stand", "pavilion"
    )
    pavilions, stands = set(), set()
    for stop in stops:
        if stop.pavilion is not None:
            pavilions.add(stop.pavilion.name)
        if stop.stand is not None:
            stand = stop.stand
            where = f" ({stand.country})" if stand.country else ""
            stands.add(f"{stand.code} · {stand.exhibitor}{where}")
    return sorted(pavilions), sorted(stands)


def facts(delegation: Delegation) -> TripFacts:
    """What the delegation did, with only what may be published about people."""
    pavilions, stands = _places(delegation)
    members = set(delegation.members.values_list("registration_id", flat=True))
    release = latest_release(delegation.event)
    meetings: list[Meeting] = []
    if members and release is not None:
        meetings = list(
            Meeting.objects.filter(
                pk__in=Meeting.objects.filter(
                    event=delegation.event,
                    status=Meeting.Status.ACTIVE,
                    participants__in=members,
                    placements__plan=release,
                    placements__slot__isnull=False,
                ).values("pk")
            )
            .prefetch_related(
                Prefetch(
                    "participants",
                    queryset=Registration.objects.select_related(
                        "user__organisation"
                    ).prefetch_related("domains"),
                ),
                "follow_up_steps",
            )
            .order_by("pk")
        )
    items = []
    for meeting in meetings:
        users = [person.user_id for person in meeting.participants.all()]
        items += [permissions.met_item(users), permissions.stage_item(users)]
    public = permissions.visible_items(AnonymousUser(), items)
    countries: Counter[str] = Counter()
    domains: Counter[str] = Counter()
    shared = []
    for index, meeting in enumerate(meetings):
        people = sorted(meeting.participants.all(), key=lambda person: person.user.full_name)
        for other in (person for person in people if person.pk not in members):
            organisation = other.user.organisation
            countries[str(country_names.name(organisation.country)) if organisation else "?"] += 1
            for domain in other.domains.all():
                domains[domain.name] += 1
        if public[2 * index]:
            stage = None
            if public[2 * index + 1]:
                stage = ladder_from(
                    [person.pk for person in people], meeting.follow_up_steps.all()
                ).highest
            shared.append(SharedMeeting(people=tuple(people), stage=stage))
    return TripFacts(
        pavilions=pavilions,
        stands=stands,
        meetings=len(meetings),
        members_country=countries,
        members_domain=domains,
        shared=shared,
    )


def _cells(cells: list[Cell]) -> list[str]:
    return [f"- {cell.label}: {cell.count}" for cell in cells]


def _person(person: Registration) -> str:
    organisation = person.user.organisation
    return (
        f"{person.user.full_name} ({organisation.name})" if organisation else person.user.full_name
    )


def _words(delegation: Delegation, found: TripFacts, language: str) -> dict[str, str]:
    """The draft's words in `language`: headings and lists the author turns into a story."""
    with translation.override(language):
        event = delegation.event.name
        lines = [
            _(
                "The %(delegation)s delegation at %(event)s. Write the story here; the lists below come from the delegation's data."
            )
            % {"delegation": delegation.name, "event": event},
            "",
            f"## {_('Pavilions visited')}",
            "",
            *([f"- {name}" for name in found.pavilions] or [_("None on the itineraries.")]),
            "",
            f"## {_('Stands visited')}",
            "",
            *([f"- {name}" for name in found.stands] or [_("None on the itineraries.")]),
            "",
            f"## {_('Meetings')}",
            "",
            _("The delegation's members held %(count)s meetings.") % {"count": found.meetings}
            if found.meetings >= SMALLEST_CELL
            else _("The delegation's members held fewer than %(count)s meetings.")
            % {"count": SMALLEST_CELL},
            "",
        ]
        by_country = protect(found.members_country, others=_("Other countries"))
        by_domain = protect(found.members_domain, others=_("Other domains"))
        small = _("Too few to show without pointing at someone.")
        lines += [
            f"### {_('By the country of the people met')}",
            "",
            *(_cells(by_country) or [small]),
            "",
            f"### {_('By the domain of the people met')}",
            "",
            *(_cells(by_domain) or [small]),
            "",
        ]
        if found.shared:
            lines += [f"## {_('Contacts made')}", ""]
            for meeting in found.shared:
                stage = f": {Stage(meeting.stage).label}" if meeting.stage is not None else ""
                lines.append(f"- {' — '.join(_person(p) for p in meeting.people)}{stage}")
            lines.append("")
        lines.append(_("Add photos on the editing page."))
        return {
            "title": _("Trip report: %(delegation)s at %(event)s")
            % {"delegation": delegation.name, "event": event},
            "summary": _("What the %(delegation)s delegation saw and did at %(event)s.")
            % {"delegation": delegation.name, "event": event},
            "body": "\n".join(lines),
        }


def start_trip_report(*, delegation: Delegation, by: Any) -> Article:
    """A draft trip report of the delegation's cluster, written from its data."""
    if not permissions.can_start_trip_report(by, delegation):
        raise PermissionDenied(_("You cannot write a trip report of this delegation."))
    found = facts(delegation)
    with transaction.atomic():
        return create_article(
            cluster=delegation.cluster,
            kind=Kind.TRIP_REPORT,
            by=by,
            words={language: _words(delegation, found, language) for language in LANGUAGES},
            source_language=by.language if by.language in LANGUAGES else "en",
            event=delegation.event,
            delegation=delegation,
        )
