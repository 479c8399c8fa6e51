"""The impact report broken down by the participants' country, domain, organisation type and
supporting organiser.

The unit of a breakdown is a **side**: a participant of a meeting (or the sender or the
recipient of a request). A meeting between a Bulgarian and a German company counts once under
Bulgaria and once under Germany, each at the step the meeting reached. Only the sides of the
participants in the organiser's scope are counted (a co-organiser sees its own participants,
and the meetings they had, never the other side's figures), so each column of the country,
type and organiser breakdowns sums to the sides total on the last row. A participant in several
domains counts under each of them (and one without any under "No domain"), so the domain
breakdown's cells may sum to more than the total; its total is still the count of sides.
"""

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from matchfair.community.models import OrganisationType
from matchfair.events.models import Domain, Event, Organiser, Registration
from matchfair.meetings.models import Meeting, MeetingRequest
from matchfair.outcomes.domain.impact import STEP_LABELS, STEPS, Funnel, funnel_of

COLUMNS = (*STEPS, "confirmed", "claimed")
COLUMN_LABELS = {
    **STEP_LABELS,
    "confirmed": gettext_lazy("Confirmed"),
    "claimed": gettext_lazy("Claimed"),
}
BY = ("country", "domain", "kind", "organiser")
BY_LABELS = {
    "country": gettext_lazy("By country"),
    "domain": gettext_lazy("By domain"),
    "kind": gettext_lazy("By type of organisation"),
    "organiser": gettext_lazy("By supporting organiser"),
}


@dataclass(frozen=True)
class Row:
    label: str
    counts: tuple[int, ...]  # one per COLUMNS


@dataclass(frozen=True)
class Breakdown:
    by: str
    rows: list[Row]  # largest first by requests then meetings, then by label
    total: tuple[int, ...]  # the sides, one per COLUMNS

    @property
    def title(self) -> str:
        return str(BY_LABELS[self.by])


def _keys(event: Event, scope: list[Any] | None) -> dict[int, tuple[str, ...]]:
    """Each registration in scope → its cells, one a breakdown in the order of BY (the domain
    cell joins several domains with a tab). The whole event's in four queries, rather than a
    list of ids as long as the event; each label is translated once, not once a person."""
    organisers = {
        organiser.pk: str(organiser.cluster)
        for organiser in Organiser.objects.filter(event=event).select_related(
            "cluster__organisation"
        )
    }
    names = {domain.pk: str(domain) for domain in Domain.objects.all()}
    domains: dict[int, list[str]] = {}
    for registration_id, domain_id in Registration.domains.through.objects.filter(
        registration__event=event
    ).values_list("registration_id", "domain_id"):
        domains.setdefault(registration_id, []).append(names[domain_id])
    kinds = dict(OrganisationType.choices)
    mine = None if scope is None else {organiser.pk for organiser in scope}

    @cache
    def country_of(code: str) -> str:
        return str(countries.name(code)) if code else _("Unknown country")

    @cache
    def kind_of(kind: str) -> str:
        return str(kinds.get(kind, _("Unknown type")))

    no_domain, no_organiser = _("No domain"), _("No supporting organiser")
    return {
        pk: (
            country_of(country or ""),
            "\t".join(sorted(domains.get(pk, []))) or no_domain,
            kind_of(kind or ""),
            organisers.get(organiser_id, no_organiser),
        )
        for pk, country, kind, organiser_id in Registration.objects.filter(event=event)
        .order_by()  # a dict: the registrations' default order by name would only sort them
        .values_list(
            "pk", "user__organisation__country", "user__organisation__kind", "organiser_id"
        )
        if mine is None or organiser_id in mine
    }


def breakdowns_of(
    event: Event, *, scope: list[Any] | None, found: Funnel | None = None
) -> list[Breakdown]:
    """The four breakdowns of the impact report, counted in sides within `scope` (`found`: the
    funnel already counted for it).

    The database counts each person's requests; the meetings' sides come back as pairs of ids
    and are counted by the meeting's level (`Funnel.levels`) under the person's combination of
    cells, of which an event has a few hundred, so the columns are summed once a combination."""
    if found is None:
        found = funnel_of(event, scope=scope)
    keys = _keys(event, scope)
    size = len(COLUMNS)
    sums: dict[tuple[str, ...], list[int]] = {}
    # Every request with a side in scope is in scope, so the event's requests are counted per
    # person without the scope's filter (an OR of two joins), and only the people in scope kept.
    requests = MeetingRequest.objects.filter(event=event).order_by()
    for field in ("sender_id", "recipient_id"):
        for person, count in (
            requests.values(field).annotate(count=Count("pk")).values_list(field, "count")
        ):
            if person in keys:
                sums.setdefault(keys[person], [0] * size)[0] += count
    levels = found.levels()
    sides = Meeting.participants.through.objects.filter(meeting__event=event)
    at = Counter(  # (cells, level) → sides; counted in C, the pairs never kept
        (keys.get(person), levels.get(meeting_id))
        for meeting_id, person in sides.values_list("meeting_id", "registration_id").iterator(
            chunk_size=10_000
        )
    )
    confirmed, claimed = size - 2, size - 1
    for (cells, level), count in at.items():
        if cells is None or level is None:
            continue
        column = sums.setdefault(cells, [0] * size)
        for step in range(1, min(level, 6) + 1):  # accepted … agreement
            column[step] += count
        if level == 7:
            column[confirmed] += count
        elif level == 6:
            column[claimed] += count
    total = [sum(column[c] for column in sums.values()) for c in range(size)]
    found_breakdowns = []
    for index, by in enumerate(BY):
        cells_of: dict[str, list[int]] = {}
        for cells, column in sums.items():
            for label in cells[index].split("\t"):
                row = cells_of.setdefault(label, [0] * size)
                for c in range(size):
                    row[c] += column[c]
        rows = [Row(label=label, counts=tuple(counts)) for label, counts in cells_of.items()]
        rows.sort(key=lambda row: (-row.counts[0], -row.counts[1], row.label))
        found_breakdowns.append(Breakdown(by=by, rows=rows, total=tuple(total)))
    return found_breakdowns


def breakdown_headers(breakdown: Breakdown) -> tuple[str, ...]:
    return (breakdown.title, *(str(COLUMN_LABELS[column]) for column in COLUMNS))


def breakdown_rows(breakdown: Breakdown) -> list[tuple[object, ...]]:
    """The rows for a spreadsheet or a PDF, ending with the total of the sides."""
    return [(row.label, *row.counts) for row in breakdown.rows] + [
        (_("All sides"), *breakdown.total)
    ]
