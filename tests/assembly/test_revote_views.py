"""Edit my vote, in the browser's terms: the link shows only where the statutes allow it, and
the re-vote page replaces the ballot with the key."""

import re

import pytest
from django.urls import reverse
from django.views.debug import SafeExceptionReporterFilter

from matchfair.assembly.domain.counting import open_election
from matchfair.assembly.models import Ballot, Statute

pytestmark = pytest.mark.django_db


@pytest.fixture
def voted(board_election, secretary, members, lyon_people):
    election, candidacies = board_election
    open_election(election, by=secretary)
    return election, candidacies


def _cast_on_the_page(client, election, ranks):
    answer = client.post(reverse("assembly:ballot", kwargs={"pk": election.pk}), ranks)
    return re.findall(r"<code>([0-9a-f]{32,64})</code>", answer.content.decode())


def test_edit_my_vote_appears_only_where_the_statutes_allow_it(
    client, voted, network, session, lyon_people
):
    election, (camille, *_) = voted
    client.force_login(lyon_people[0])
    shown = _cast_on_the_page(client, election, {f"rank-{camille.pk}": "1"})
    ballot = client.get(reverse("assembly:ballot", kwargs={"pk": election.pk})).content.decode()
    page = client.get(reverse("assembly:session", kwargs={"pk": session.pk})).content.decode()
    refused = client.get(reverse("assembly:revote", kwargs={"pk": election.pk}))
    assert (len(shown), "Edit my vote" in ballot, "Edit my vote" in page, refused.status_code) == (
        1,
        False,
        False,
        404,
    )
    Statute.objects.filter(network=network).update(revoting=True)
    ballot = client.get(reverse("assembly:ballot", kwargs={"pk": election.pk})).content.decode()
    page = client.get(reverse("assembly:session", kwargs={"pk": session.pk})).content.decode()
    assert ("Edit my vote" in ballot, "Edit my vote" in page) == (True, True)


def test_the_key_shown_with_the_tracker_replaces_the_ballot(client, voted, network, lyon_people):
    Statute.objects.filter(network=network).update(revoting=True)
    election, (camille, frederik, rita) = voted
    client.force_login(lyon_people[1])
    tracker, key = _cast_on_the_page(client, election, {f"rank-{camille.pk}": "1"})
    url = reverse("assembly:revote", kwargs={"pk": election.pk})
    form = client.get(url).content.decode()
    wrong = client.post(
        url, {"key": "0" * 32, f"rank-{rita.pk}": "1"}, follow=True
    ).content.decode()
    assert (
        'name="key"' in form,
        form.count('<option value="3">3</option>'),
        "This key does not open a ballot in this election" in wrong,
        Ballot.objects.get().tracker,
    ) == (True, 3, True, tracker)
    answer = client.post(url, {"key": key, f"rank-{frederik.pk}": "1", f"rank-{rita.pk}": "2"})
    new_tracker, same_key = re.findall(r"<code>([0-9a-f]{32,64})</code>", answer.content.decode())
    assert (
        answer.status_code,
        "Your ballot is replaced" in answer.content.decode(),
        same_key,
        list(Ballot.objects.values_list("tracker", "choices")),
    ) == (200, True, key, [(new_tracker, [frederik.pk, rita.pk])])


def test_the_revote_page_is_for_the_members_voters_only(client, voted, network, secretary):
    Statute.objects.filter(network=network).update(revoting=True)
    election, _ = voted
    client.force_login(secretary)
    assert client.get(reverse("assembly:revote", kwargs={"pk": election.pk})).status_code == 403


def test_error_reports_hide_the_key_and_the_ranking_sent_to_edit_my_vote(
    client, voted, network, lyon_people
):
    Statute.objects.filter(network=network).update(revoting=True)
    election, (camille, frederik, _) = voted
    client.force_login(lyon_people[0])
    _tracker, key = _cast_on_the_page(client, election, {f"rank-{camille.pk}": "1"})
    answer = client.post(
        reverse("assembly:revote", kwargs={"pk": election.pk}),
        {"key": key, f"rank-{frederik.pk}": "1"},
    )
    shown = SafeExceptionReporterFilter().get_post_parameters(answer.wsgi_request)
    assert (key in str(shown.dict()), shown.dict()["key"]) == (False, "********************")
