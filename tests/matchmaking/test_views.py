"""The "Suggested for you" page, its one-click request, and the organiser's view of a list."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from matchfair.matchmaking.domain.suggestions import refresh_suggestions
from matchfair.matchmaking.models import Suggestion
from matchfair.meetings.models import MeetingRequest
from tests import factories


def url(event, path=""):
    return f"/e/{event.slug}/{path}"


def shown(response) -> list[str]:
    return [s.suggested.user.full_name for s in response.context["suggestions"]]


def test_suggestions_page_lists_partners_with_their_reasons(client, event, market):
    refresh_suggestions(event=event)
    client.force_login(market["jonas"].user)
    response = client.get(url(event, "suggestions/"))
    page = response.content.decode()
    assert (response.status_code, shown(response)) == (200, ["Petra Klein", "Ana Petrova"])
    assert re.findall(r"<li>(A \w+ offering what you request)</li>", page) == [
        "A company offering what you request",
        "A startup offering what you request",
    ]
    assert page.count("Request meeting</button>") == 2


def test_suggestions_page_prefills_the_request_from_the_first_reason(client, event, market):
    refresh_suggestions(event=event)
    client.force_login(market["jonas"].user)
    first = client.get(url(event, "suggestions/")).context["suggestions"][0]
    assert first.request_form["message"].value() == (
        'Hello Petra Klein, Matchfair suggested we meet: Offers "Smart traffic lights for '
        'junctions" — answers your request "Reduce congestion at junctions". '
        "Would you have half an hour at the event?"
    )


def test_suggestions_page_one_click_request_sends_it_and_drops_the_suggestion(
    client, event, market
):
    refresh_suggestions(event=event)
    jonas, petra = market["jonas"], market["petra"]
    client.force_login(jonas.user)
    response = client.post(
        url(event, f"participants/{petra.pk}/request/"), {"message": "Shall we meet?"}
    )
    sent = MeetingRequest.objects.get()
    assert (response.status_code, sent.sender, sent.recipient, sent.message) == (
        302,
        jonas,
        petra,
        "Shall we meet?",
    )
    assert shown(client.get(url(event, "suggestions/"))) == ["Ana Petrova"]


def test_suggestions_page_of_a_pending_participant_offers_no_request(client, event, market):
    refresh_suggestions(event=event)
    client.force_login(market["jonas"].user)
    market["jonas"].status = "pending"
    market["jonas"].save()
    response = client.get(url(event, "suggestions/"))
    assert (
        response.context["can_request"],
        "Request meeting</button>" in response.content.decode(),
    ) == (
        False,
        False,
    )


def test_suggestions_page_without_suggestions_says_how_to_get_some(client, ana):
    client.force_login(ana.user)
    assert "No suggestions yet." in client.get(url(ana.event, "suggestions/")).content.decode()


def test_suggestions_page_needs_a_registration(client, event):
    client.force_login(factories.UserFactory())
    response = client.get(url(event, "suggestions/"))
    assert (response.status_code, response["Location"]) == (302, url(event, "register/"))


def test_suggestions_page_needs_a_login(client, event):
    response = client.get(url(event, "suggestions/"))
    assert (response.status_code, response["Location"].split("?")[0]) == (302, "/accounts/login/")


def test_navigation_links_to_suggestions_only_for_participants(client, event, ana):
    link = f'href="{url(event, "suggestions/")}"'
    client.force_login(factories.UserFactory())
    stranger_sees = link in client.get(url(event)).content.decode()
    client.force_login(ana.user)
    assert (stranger_sees, link in client.get(url(event)).content.decode()) == (False, True)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("lead_staff", 200),
        ("superuser", 200),
        ("supporting_staff", 200),
        ("co_staff", 404),
        ("other_participant", 404),
        ("the_participant", 404),
    ],
)
def test_organiser_sees_the_suggestions_of_participants_they_support(
    client, event, market, lead_staff, superuser, co_staff, who, status
):
    refresh_suggestions(event=event)
    jonas = market["jonas"]
    supporter = factories.co_organiser(event)
    jonas.organiser = supporter
    jonas.save()
    users = {
        "lead_staff": lead_staff,
        "superuser": superuser,
        "supporting_staff": supporter.staff.get(),
        "co_staff": co_staff,
        "other_participant": market["ana"].user,
        "the_participant": jonas.user,
    }
    client.force_login(users[who])
    response = client.get(url(event, f"participants/{jonas.pk}/suggestions/"))
    assert response.status_code == status
    if status == 200:
        assert (shown(response), "Request meeting</button>" in response.content.decode()) == (
            ["Petra Klein", "Ana Petrova"],
            False,
        )


def test_participant_page_links_supporting_staff_to_the_suggestions(client, event, ana, lead_staff):
    client.force_login(lead_staff)
    page = client.get(url(event, f"participants/{ana.pk}/")).content.decode()
    assert f'href="{url(event, f"participants/{ana.pk}/suggestions/")}"' in page


def suggest(registration, count):
    """`count` stored suggestions for `registration`, written straight to the table."""
    Suggestion.objects.filter(registration=registration).delete()
    others = [
        factories.RegistrationFactory(event=registration.event, headline="Smart city")
        for _ in range(count)
    ]
    Suggestion.objects.bulk_create(
        Suggestion(
            registration=registration,
            suggested=other,
            rank=rank,
            score=1.0 / rank,
            reasons=["Both work in mobility"],
            computed=timezone.now(),
        )
        for rank, other in enumerate(others, start=1)
    )


def measure(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), len(response.context["suggestions"])


@pytest.mark.parametrize("page", ["own", "organiser"])
def test_suggestions_page_costs_the_same_queries_for_20_and_200_suggestions(
    client, ana, lead_staff, page, django_assert_num_queries
):
    event = ana.event
    path = url(event, "suggestions/")
    if page == "organiser":
        path = url(event, f"participants/{ana.pk}/suggestions/")
        client.force_login(lead_staff)
    else:
        client.force_login(ana.user)
    suggest(ana, 2)
    client.get(path)  # the first request warms caches such as content types
    for_two, rows = measure(client, path)
    assert rows == 2
    suggest(ana, 20)
    assert measure(client, path) == (for_two, 20)
    suggest(ana, 200)
    with django_assert_num_queries(for_two):
        response = client.get(path)
    assert len(response.context["suggestions"]) == 20


def test_suggestions_page_shows_reasons_in_the_reader_language(client, event, market):
    refresh_suggestions(event=event)
    client.force_login(market["jonas"].user)
    with translation.override("en"):  # the middleware switches to Bulgarian; switch back after
        response = client.get(url(event, "suggestions/"), HTTP_ACCEPT_LANGUAGE="bg")
    first = response.context["suggestions"][0]
    assert first.shown_reasons == [
        "Предлага „Smart traffic lights for junctions“ — отговаря на търсенето ви "
        "„Reduce congestion at junctions“",
        "Компания предлага това, което търсите",
        "И двамата работите в областите: мобилност",
    ]
