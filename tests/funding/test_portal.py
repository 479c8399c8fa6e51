import datetime as dt

import pytest

from matchfair.funding.portal import (
    PortalError,
    TopicRecord,
    parse_search_results,
    plain_text,
    read_search_results,
    topic_domains,
)
from tests.funding.helpers import FIXTURE, budget_overview, one_topic


def test_plain_text_strips_tags_and_scripts_and_keeps_paragraphs():
    html = "<p>Expected <b>outcome</b> &amp; scope</p><script>alert(1)</script><ul><li>one</li><li>two</li></ul>"
    assert plain_text(html) == "Expected outcome & scope\none\ntwo"


def test_topic_domains_come_from_title_keywords_and_tags():
    assert topic_domains("Smart charging for electric vehicles", "Grid", "data") == (
        "mobility",
        "energy",
        "ict",
    )


def test_fixture_file_gives_forty_topics_in_three_programmes():
    records = read_search_results(FIXTURE.read_text(encoding="utf-8"))
    assert (len(records), sorted({record.programme for record in records})) == (
        40,
        ["Digital Europe", "Horizon Europe", "LIFE"],
    )


def test_topic_is_normalised_with_its_own_budget_only():
    document = one_topic(
        identifier=["HORIZON-CL5-2027-D9-01"],
        title=["Smart charging of electric vehicles"],
        callIdentifier=["HORIZON-CL5-2027-D9"],
        callTitle=["Mobility call"],
        status=["31094501"],
        frameworkProgramme=["43108390"],
        typesOfAction=["HORIZON Innovation Actions"],
        startDate=["2027-01-12T00:00:00.000+0100"],
        deadlineDate=["2027-09-10T17:00:00.000+0200", "2027-04-01T17:00:00.000+0200"],
        keywords=["Charging"],
        tags=["grid"],
        descriptionByte=["<p>Charge <i>smartly</i>.</p>"],
        budgetOverview=[budget_overview("HORIZON-CL5-2027-D9-01", budget=12_000_000)],
    )
    del document["results"][0]["url"]
    assert parse_search_results(document) == [
        TopicRecord(
            identifier="HORIZON-CL5-2027-D9-01",
            title="Smart charging of electric vehicles",
            call_identifier="HORIZON-CL5-2027-D9",
            call_title="Mobility call",
            programme="Horizon Europe",
            type_of_action="HORIZON Innovation Actions",
            status="forthcoming",
            opening_date=dt.date(2027, 1, 12),
            deadlines=("2027-04-01T17:00:00+02:00", "2027-09-10T17:00:00+02:00"),
            deadline_model="single-stage",
            budget=12_000_000,
            min_contribution=1_000_000,
            max_contribution=2_000_000,
            expected_grants=3,
            keywords=("Charging",),
            domains=("mobility", "energy"),
            description="Charge smartly.",
            url="https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/"
            "opportunities/topic-details/horizon-cl5-2027-d9-01",
        )
    ]


def test_bad_file_gets_every_error_by_json_path():
    document = one_topic(status=["31094599"], deadlineDate=["soon"], keywords="energy")
    document["results"].append({"metadata": {"title": ["no identifier"]}})
    document["results"].append("not an object")
    with pytest.raises(PortalError) as raised:
        parse_search_results(document)
    assert raised.value.errors == [
        "$.results[0].metadata.status[0]: must be one of 31094501, 31094502, 31094503, got '31094599'",
        "$.results[0].metadata.deadlineDate[0]: is not a date, got 'soon'",
        "$.results[0].metadata.keywords: must be a list of strings",
        "$.results[1].metadata.identifier: is missing",
        "$.results[1].metadata.status: is missing",
        "$.results[2]: must be an object",
    ]


def test_budget_overview_that_is_not_json_is_named():
    document = one_topic(budgetOverview=["{not json"])
    with pytest.raises(
        PortalError, match=r"\$\.results\[0\]\.metadata\.budgetOverview\[0\]: is not JSON"
    ):
        parse_search_results(document)


def test_file_that_is_not_json_is_refused():
    with pytest.raises(PortalError, match=r"^\$: not JSON"):
        read_search_results("{")


def test_minimum_above_maximum_contribution_is_refused():
    overview = budget_overview("HORIZON-CL5-2027-D1-01", budget=1).replace(
        '"minContribution": 1000000', '"minContribution": 9000000'
    )
    with pytest.raises(PortalError, match="the minimum contribution exceeds the maximum"):
        parse_search_results(one_topic(budgetOverview=[overview]))
