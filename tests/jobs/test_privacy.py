"""The jobs a person asked for, in their data export, and gone with their files on erasure."""

from pathlib import Path

from matchfair.community.domain.privacy import erase_account, export_personal_data
from matchfair.jobs.domain import request_job, run_job
from matchfair.jobs.models import Job
from tests import factories


def test_a_persons_jobs_are_exported_and_erased_with_their_files(db, echo):
    owner = factories.UserFactory()
    other = factories.UserFactory()
    mine = run_job(request_job(kind=echo, by=owner, params={"owner": owner.pk}).pk)
    theirs = run_job(request_job(kind=echo, by=other, params={"owner": other.pk}).pk)
    file = Path(mine.result.path)
    exported = export_personal_data(user=owner)["jobs"]
    assert [(row["kind"], row["status"]) for row in exported] == [(echo, Job.Status.DONE)]

    erase_account(user=owner, by=owner, password=factories.PASSWORD)
    assert (list(Job.objects.values_list("pk", flat=True)), file.exists()) == ([theirs.pk], False)
