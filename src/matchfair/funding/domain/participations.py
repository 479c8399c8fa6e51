"""Members' past projects: CORDIS projects and participations written in one transaction, each
participation matched to a member organisation (by VAT number, else by name within its country),
and each match confirmed or rejected by the member's people or its cluster's staff.

A match a person decided is never changed by a later import; an import that changes nothing
writes nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from rapidfuzz import fuzz, process, utils

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Organisation, User
from matchfair.funding.cordis import CordisError, ParticipationRow, ProjectRow, normalise_vat
from matchfair.funding.models import OrganisationIdentifiers, Participation, PastProject

# The least rapidfuzz token-sort ratio (0-100) at which a name in the same country is proposed.
NAME_THRESHOLD = 90.0
# Legal forms that say nothing about which organisation it is.
_LEGAL_FORMS = re.compile(
    r"\b(ltd|llc|plc|inc|gmbh|ag|sa|sas|sl|srl|spa|bv|nv|oy|ab|as|eood|ood|ead|ad|jsc|ltda)\b\.?"
)
PROJECT_FIELDS = tuple(f.name for f in dataclasses.fields(ProjectRow) if f.name != "cordis_id")
PARTICIPATION_FIELDS = tuple(
    f.name
    for f in dataclasses.fields(ParticipationRow)
    if f.name not in ("project_id", "cordis_organisation_id")
)


@dataclass
class CordisReport:
    projects_created: int = 0
    projects_updated: int = 0
    participations_created: int = 0
    participations_updated: int = 0
    proposed: int = 0


def match_key(name: str) -> str:
    """A name as compared: lower case, no punctuation, no legal form."""
    return " ".join(_LEGAL_FORMS.sub(" ", utils.default_process(name)).split())


def import_cordis(
    *,
    projects: Sequence[ProjectRow],
    participations: Sequence[ParticipationRow],
    by: User | None = None,
) -> CordisReport:
    report = CordisReport()
    known_ids = {row.cordis_id for row in projects}
    orphans = [
        f"organization.csv: projectID {row.project_id}: no such project in project.csv"
        for row in participations
        if row.project_id not in known_ids
    ]
    if orphans:
        raise CordisError(orphans[:50])
    with transaction.atomic():
        existing = {p.cordis_id: p for p in PastProject.objects.filter(cordis_id__in=known_ids)}
        fresh, changed = [], []
        for row in projects:
            project = existing.get(row.cordis_id)
            values = {name: getattr(row, name) for name in PROJECT_FIELDS}
            if project is None:
                fresh.append(PastProject(cordis_id=row.cordis_id, **values))
            elif any(getattr(project, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(project, key, value)
                changed.append(project)
        PastProject.objects.bulk_create(fresh, batch_size=1000)
        PastProject.objects.bulk_update(changed, list(PROJECT_FIELDS), batch_size=500)
        report.projects_created, report.projects_updated = len(fresh), len(changed)
        ids = dict(
            PastProject.objects.filter(cordis_id__in=known_ids).values_list("cordis_id", "pk")
        )
        current = {
            (p.project_id, p.cordis_organisation_id): p
            for p in Participation.objects.filter(project_id__in=ids.values())
        }
        new_rows, changed_rows = [], []
        for part in participations:
            values = {name: getattr(part, name) for name in PARTICIPATION_FIELDS}
            participation = current.get((ids[part.project_id], part.cordis_organisation_id))
            if participation is None:
                participation = Participation(
                    project_id=ids[part.project_id],
                    cordis_organisation_id=part.cordis_organisation_id,
                    **values,
                )
                current[(ids[part.project_id], part.cordis_organisation_id)] = participation
                new_rows.append(participation)
            elif any(getattr(participation, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(participation, key, value)
                changed_rows.append(participation)
        report.participations_created, report.participations_updated = (
            len(new_rows),
            len(changed_rows),
        )
        proposals = propose_matches([*new_rows, *changed_rows])
        report.proposed = len(proposals)
        Participation.objects.bulk_create(new_rows, batch_size=1000)
        Participation.objects.bulk_update(
            changed_rows,
            [*PARTICIPATION_FIELDS, "organisation", "match", "match_method", "match_score"],
            batch_size=500,
        )
        if fresh or changed or new_rows or changed_rows:
            record(
                action="funding.cordis_imported",
                actor=by,
                projects=len(fresh) + len(changed),
                participations=len(new_rows) + len(changed_rows),
                proposed=report.proposed,
            )
    return report


def propose_matches(participations: Sequence[Participation]) -> list[Participation]:
    """Set a proposed member on each participation not yet decided: the member with the same
    VAT number, else the closest name of a member in the same country. Returns those proposed."""
    members = list(
        Organisation.objects.filter(clusters__isnull=False)
        .distinct()
        .select_related("funding_identifiers")
    )
    by_vat: dict[str, Organisation] = {}
    by_country: dict[str, list[Organisation]] = defaultdict(list)
    keys: dict[int, str] = {}
    for organisation in members:
        identifiers = getattr(organisation, "funding_identifiers", None)
        if identifiers is not None and identifiers.vat_number:
            by_vat[identifiers.vat_number] = organisation
        by_country[str(organisation.country)].append(organisation)
        keys[organisation.pk] = match_key(organisation.name)
    proposed = []
    for participation in participations:
        if participation.match in (Participation.Match.CONFIRMED, Participation.Match.REJECTED):
            continue
        found, method, score = None, "", None
        if participation.vat_number and participation.vat_number in by_vat:
            found, method, score = by_vat[participation.vat_number], "vat", 100.0
        else:
            choices = {o.pk: keys[o.pk] for o in by_country.get(participation.country, [])}
            best = (
                process.extractOne(
                    match_key(participation.name),
                    choices,
                    scorer=fuzz.token_sort_ratio,
                    processor=None,
                    score_cutoff=NAME_THRESHOLD,
                )
                if choices
                else None
            )
            if best is not None:
                found = next(o for o in by_country[participation.country] if o.pk == best[2])
                method, score = "name", float(best[1])
        participation.organisation = found
        participation.match = Participation.Match.PROPOSED if found else Participation.Match.NONE
        participation.match_method, participation.match_score = method, score
        if found:
            proposed.append(participation)
    return proposed


def decide_match(participation: Participation, *, confirm: bool, by: User) -> Participation:
    """The member's people, or its cluster's staff, confirm or reject a proposed match."""
    with transaction.atomic():
        # Only the participation is locked: PostgreSQL refuses FOR UPDATE on the nullable side
        # of the outer join that select_related makes for the organisation.
        participation = (
            Participation.objects.select_for_update(of=("self",))
            .select_related("organisation")
            .get(pk=participation.pk)
        )
        if participation.organisation is None or not permissions.can_act_for_member(
            by, participation.organisation
        ):
            raise PermissionDenied
        participation.match = (
            Participation.Match.CONFIRMED if confirm else Participation.Match.REJECTED
        )
        participation.decided_by, participation.decided = by, timezone.now()
        participation.save(update_fields=["match", "decided_by", "decided"])
        record(
            action="funding.past_project_confirmed" if confirm else "funding.past_project_rejected",
            actor=by,
            subject=participation,
            organisation=participation.organisation_id,
            project=participation.project.cordis_id,
        )
    return participation


def set_vat_number(
    organisation: Organisation, *, vat_number: str, by: User
) -> OrganisationIdentifiers:
    with transaction.atomic():
        identifiers, _ = OrganisationIdentifiers.objects.select_for_update().get_or_create(
            organisation=organisation
        )
        identifiers.vat_number = normalise_vat(vat_number)
        identifiers.save(update_fields=["vat_number"])
        record(
            action="funding.vat_number_set",
            actor=by,
            subject=organisation,
            vat=identifiers.vat_number,
        )
    return identifiers
