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
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from matchfair.community.models import OrganisationType
from matchfair.events.models import Domain, Event, Organiser, Registration
from matchfair.meetings.models import Meeting
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


def _keys(event: Event) -> dict[int, dict[str, list[str]]]:
    """Each registration's cell in each breakdown (several domains give several): the whole
    event's at once, in four queries, rather than a list of ids as long as the event."""
    organisers = {
        organiser.pk: str(organiser.cluster)
        for organiser in Organiser.objects.filter(event=event).select_related(
            "cluster__organisation"
        )
    }
    domains: dict[int, list[str]] = {}
    names = {domain.pk: str(domain) for domain in Domain.objects.all()}
    for registration_id, domain_id in Registration.domains.through.objects.filter(
        registration__event=event
    ).values_list("registration_id", "domain_id"):
        domains.setdefault(registration_id, []).append(names[domain_id])
    kinds = dict(OrganisationType.choices)
    keys = {}
    for pk, country, kind, organiser_id in Registration.objects.filter(event=event).values_list(
        "pk", "user__organisation__country", "user__organisation__kind", "organiser_id"
    ):
        keys[pk] = {
            "country": [str(countries.name(country)) if country else _("Unknown country")],
            "domain": sorted(domains.get(pk, [])) or [_("No domain")],
            "kind": [str(kinds.get(kind, _("Unknown type")))],
            "organiser": [organisers.get(organiser_id, _("No supporting organiser"))],
        }
    return keys


def breakdowns_of(
    event: Event, *, scope: list[Any] | None, found: Funnel | None = None
) -> list[Breakdown]:
    """The four breakdowns of the impact report, counted in sides within `scope` (`found`: the
    funnel already counted for it)."""
    if found is None:
        found = funnel_of(event, scope=scope)
    mine = None
    if scope is not None:
        mine = set(
            Registration.objects.filter(event=event, organiser__in=scope).values_list(
                "pk", flat=True
            )
        )
    sides: Counter[tuple[int, int]] = Counter()  # (registration, column index) → count
    for sender, recipient in found.requests.values_list("sender_id", "recipient_id"):
        for person in (sender, recipient):
            if mine is None or person in mine:
                sides[person, 0] += 1
    stages = (
        found.starts,
        found.held,
        found.followed_up,
        found.negotiation,
        found.agreements,
        found.confirmed,
    )
    claimed = len(COLUMNS) - 1
    for meeting_id, person in Meeting.participants.through.objects.filter(
        meeting__event=event
    ).values_list("meeting_id", "registration_id"):
        if meeting_id not in found.accepted or (mine is not None and person not in mine):
            continue
        sides[person, 1] += 1
        for index, ids in enumerate(stages):
            if meeting_id in ids:
                sides[person, 2 + index] += 1
        if meeting_id in found.agreements and meeting_id not in found.confirmed:
            sides[person, claimed] += 1
    keys = _keys(event)
    total: Counter[int] = Counter()
    for (_person, column), count in sides.items():
        total[column] += count
    found_breakdowns = []
    for by in BY:
        cells: Counter[tuple[str, int]] = Counter()
        for (person, column), count in sides.items():
            for label in keys[person][by]:
                cells[label, column] += count
        labels = {label for label, _column in cells}
        rows = [
            Row(label=label, counts=tuple(cells[label, c] for c in range(len(COLUMNS))))
            for label in labels
        ]
        rows.sort(key=lambda row: (-row.counts[0], -row.counts[1], row.label))
        found_breakdowns.append(
            Breakdown(by=by, rows=rows, total=tuple(total[c] for c in range(len(COLUMNS))))
        )
    return found_breakdowns


def breakdown_headers(breakdown: Breakdown) -> tuple[str, ...]:
    return (breakdown.title, *(str(COLUMN_LABELS[column]) for column in COLUMNS))


def breakdown_rows(breakdown: Breakdown) -> list[tuple[object, ...]]:
    """The rows for a spreadsheet or a PDF, ending with the total of the sides."""
    return [(row.label, *row.counts) for row in breakdown.rows] + [
        (_("All sides"), *breakdown.total)
    ]
