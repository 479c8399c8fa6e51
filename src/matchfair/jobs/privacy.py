"""The jobs app's section of a person's data export and erasure (see community.domain.privacy):
the jobs a person asked for, by kind, event and outcome. Their files are exports of other
people's data made for that person, so erasure deletes the jobs with their files."""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment
from matchfair.jobs.models import Job


def collect(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "kind": job.kind,
            "event": job.event.slug if job.event else None,
            "status": job.status,
            "created": moment(job.created),
            "finished": moment(job.finished),
        }
        for job in Job.objects.filter(requested_by=user).select_related("event").order_by("pk")
    ]


def erase(user: Any) -> None:
    for job in Job.objects.filter(requested_by=user):
        job.delete()  # one by one, so post_delete removes each result file


def register_sections() -> None:
    privacy.register("jobs", collect=collect, erase=erase, models=[Job])
