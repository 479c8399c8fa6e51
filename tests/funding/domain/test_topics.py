import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchfair.audit.models import AuditEntry
from matchfair.funding.domain.topics import import_topics
from matchfair.funding.models import Subscription, Topic, TopicChange
from matchfair.funding.portal import parse_search_results
from matchfair.outbox.models import Message
from tests.factories import UserFactory
from tests.funding.helpers import budget_overview, fixture_results

pytestmark = pytest.mark.django_db


def records(document=None):
    return parse_search_results(document or fixture_results())


def changed_fixture(identifier, **metadata):
    document = fixture_results()
    for result in document["results"]:
        if result["metadata"]["identifier"] == [identifier]:
            result["metadata"].update(metadata)
    return document


def test_import_topics_creates_the_catalogue():
    report = import_topics(records())
    topic = Topic.objects.get(identifier="HORIZON-CL5-2027-D3-02")
    assert (len(report.created), Topic.objects.count(), topic.budget, topic.deadlines) == (
        40,
        40,
        30_000_000,
        ["2027-10-16T17:00:00+01:00", "2027-12-26T17:00:00+01:00"],
    )


def test_reimport_that_changes_nothing_writes_nothing():
    import_topics(records())
    entries = AuditEntry.objects.count()
    with CaptureQueriesContext(connection) as queries:
        report = import_topics(records())
    writes = [
        q["sql"]
        for q in queries
        if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))
    ]
    assert (
        report.created,
        report.updated,
        report.unchanged,
        writes,
        AuditEntry.objects.count(),
    ) == (
        [],
        [],
        40,
        [],
        entries,
    )


def test_reimport_records_a_moved_deadline_a_new_budget_and_a_status():
    import_topics(records())
    identifier = "HORIZON-CL5-2027-D1-01"
    document = changed_fixture(
        identifier,
        status=["31094503"],
        deadlineDate=["2027-06-30T17:00:00.000+0200"],
        budgetOverview=[budget_overview(identifier, budget=30_000_000)],
    )
    report = import_topics(records(document))
    topic = Topic.objects.get(identifier=identifier)
    assert sorted((c.field, c.old, c.new) for c in TopicChange.objects.filter(topic=topic)) == [
        ("budget", 24_000_000, 30_000_000),
        ("deadlines", ["2027-02-10T17:00:00+01:00"], ["2027-06-30T17:00:00+02:00"]),
        ("max_contribution", 8_000_000, 2_000_000),
        ("min_contribution", 6_000_000, 1_000_000),
        ("status", "open", "closed"),
    ]
    assert (report.created, report.updated, report.unchanged, topic.status, topic.budget) == (
        [],
        [identifier],
        39,
        "closed",
        30_000_000,
    )


def test_subscribers_are_told_of_the_changes_they_follow(
    django_capture_on_commit_callbacks, mailoutbox
):
    import_topics(records())
    mobility = UserFactory(email="mobility@example.org", language="en")
    Subscription.objects.create(user=mobility, programme="Horizon Europe", domain="mobility")
    water = UserFactory(email="water@example.org", language="en")
    Subscription.objects.create(user=water, programme="LIFE", domain="water")
    identifier = "HORIZON-CL5-2027-D5-02"  # smart charging: mobility and energy
    document = changed_fixture(identifier, deadlineDate=["2027-07-01T17:00:00.000+0200"])
    with django_capture_on_commit_callbacks(execute=True):
        report = import_topics(records(document))
    message = Message.objects.get()
    assert (report.messages, message.to, message.kind) == (
        1,
        "mobility@example.org",
        "funding.topics_changed",
    )
    assert [line for line in message.body.splitlines() if identifier in line] == [
        f"- {identifier}: deadline: 2027-08-22 → 2027-07-01"
    ]


def test_new_topics_reach_subscribers_once():
    user = UserFactory(email="all@example.org", language="en")
    Subscription.objects.create(user=user)
    import_topics(records())
    import_topics(records())
    assert Message.objects.count() == 1
