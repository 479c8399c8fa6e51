"""The ideas board's pages: filters and support counts at a fixed number of queries, proposing,
the idea's page with its Markdown made safe, supporting, and the secretariat's decisions."""

import pytest
from django.urls import reverse

from matchfair.assembly.domain.ideas import propose_idea, start_evaluation, support_idea
from matchfair.assembly.models import Idea, IdeaSupport
from matchfair.community.models import Network
from tests import factories

pytestmark = pytest.mark.django_db


def _propose(network, cluster, person, title, domains=(), description="Text"):
    return propose_idea(
        network=network,
        cluster=cluster,
        title=title,
        description_en=description,
        domains=domains,
        by=person,
    )


def test_the_board_filters_by_status_and_domain_and_counts_supports(
    client, network, members, member_people, secretary
):
    water = _propose(network, members[1], member_people[1], "Smart water meters", ["water"])
    _propose(network, members[2], member_people[2], "Bike lanes sensors", ["mobility"])
    support_idea(water, cluster=members[2], by=member_people[2])
    support_idea(water, cluster=members[3], by=member_people[3])
    start_evaluation(water, by=secretary)
    client.force_login(member_people[3])
    url = reverse("assembly:ideas", kwargs={"network": network.pk})
    by_domain = client.get(url, {"domain": "water"}).content.decode()
    by_status = client.get(url, {"status": "new"}).content.decode()
    assert (
        "Smart water meters" in by_domain,
        "Bike lanes sensors" in by_domain,
        "2 members support it" in by_domain,
        "Smart water meters" in by_status,
        "Bike lanes sensors" in by_status,
    ) == (True, False, True, False, True)


def test_the_board_costs_the_same_queries_for_3_and_30_ideas(
    client, network, members, member_people, django_assert_max_num_queries
):
    client.force_login(member_people[1])
    url = reverse("assembly:ideas", kwargs={"network": network.pk})
    for n in range(3):
        _propose(network, members[1 + n % 3], member_people[1 + n % 3], f"Idea {n}", ["energy"])
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for n in range(27):
        idea = _propose(network, members[1], member_people[1], f"More {n}", ["ict"])
        support_idea(idea, cluster=members[2], by=member_people[2])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_a_member_proposes_an_idea_through_the_form(client, network, members, member_people):
    client.force_login(member_people[2])
    answer = client.post(
        reverse("assembly:idea_new", kwargs={"network": network.pk}),
        {
            "cluster": members[2].pk,
            "title": "Energy communities",
            "description_bg": "Енергийни общности",
            "domains": ["energy", "buildings"],
        },
    )
    idea = Idea.objects.get()
    assert (answer.status_code, answer.url, idea.domains, idea.cluster) == (
        302,
        reverse("assembly:idea", kwargs={"pk": idea.pk}),
        ",energy,buildings,",
        members[2],
    )


def test_an_idea_without_description_is_refused_with_the_reason(
    client, network, members, member_people
):
    client.force_login(member_people[2])
    answer = client.post(
        reverse("assembly:idea_new", kwargs={"network": network.pk}),
        {"cluster": members[2].pk, "title": "Empty"},
    )
    assert (
        answer.status_code,
        "Describe the idea in English or Bulgarian, or both." in answer.content.decode(),
        Idea.objects.count(),
    ) == (200, True, 0)


def test_the_idea_page_renders_markdown_without_scripts(client, network, members, member_people):
    idea = _propose(
        network,
        members[1],
        member_people[1],
        "Data space",
        description="**Open** data <script>alert(1)</script> [x](javascript:alert(1))",
    )
    client.force_login(member_people[2])
    page = client.get(reverse("assembly:idea", kwargs={"pk": idea.pk})).content.decode()
    assert (
        "<strong>Open</strong>" in page,
        "<script>alert(1)</script>" in page,
        'href="javascript' in page,
    ) == (True, False, False)


def test_support_through_the_page_once_per_member(client, network, members, member_people):
    idea = _propose(network, members[1], member_people[1], "Data space")
    colleague = factories.UserFactory(organisation=members[2].organisation)
    url = reverse("assembly:idea_support", kwargs={"pk": idea.pk})
    client.force_login(member_people[2])
    client.post(url, {"cluster": members[2].pk})
    client.force_login(colleague)
    second = client.post(url, {"cluster": members[2].pk}, follow=True)
    assert (
        "Aarhus Digital already supports this idea." in second.content.decode(),
        IdeaSupport.objects.count(),
    ) == (True, 1)


def test_support_for_a_member_one_does_not_act_for_is_refused(
    client, network, members, member_people
):
    idea = _propose(network, members[1], member_people[1], "Data space")
    client.force_login(member_people[2])
    answer = client.post(
        reverse("assembly:idea_support", kwargs={"pk": idea.pk}), {"cluster": members[3].pk}
    )
    assert (answer.status_code, IdeaSupport.objects.count()) == (403, 0)


def test_the_secretariat_refuses_with_a_reason_shown_on_the_page(
    client, network, members, member_people, secretary
):
    idea = _propose(network, members[1], member_people[1], "Data space")
    client.force_login(secretary)
    client.post(reverse("assembly:idea_evaluate", kwargs={"pk": idea.pk}))
    empty = client.post(reverse("assembly:idea_refuse", kwargs={"pk": idea.pk}), {"reason": ""})
    client.post(reverse("assembly:idea_refuse", kwargs={"pk": idea.pk}), {"reason": "Not now"})
    client.force_login(member_people[1])
    page = client.get(reverse("assembly:idea", kwargs={"pk": idea.pk})).content.decode()
    assert (empty.status_code, Idea.objects.get().status, "Not now" in page) == (
        302,
        "refused",
        True,
    )


def test_the_secretariat_accepts_into_a_new_work_plan_item(
    client, network, members, member_people, secretary
):
    idea = _propose(network, members[1], member_people[1], "Data space")
    start_evaluation(idea, by=secretary)
    client.force_login(secretary)
    client.post(reverse("assembly:idea_accept", kwargs={"pk": idea.pk}), {"deadline": "2027-09-30"})
    accepted = Idea.objects.select_related("work_item").get()
    assert (accepted.status, accepted.work_item.title, str(accepted.work_item.deadline)) == (
        "accepted",
        "Data space",
        "2027-09-30",
    )


def test_an_outsider_sees_no_board(client, network):
    client.force_login(factories.UserFactory())
    assert client.get(reverse("assembly:ideas", kwargs={"network": network.pk})).status_code == 403


def test_my_partnerships_lists_only_the_networks_one_takes_part_in(client, network, member_people):
    Network.objects.create(name="Another alliance", kind="alliance")
    client.force_login(member_people[2])
    page = client.get(reverse("assembly:partnerships")).content.decode()
    assert ("Smart City Tech Partnership" in page, "Another alliance" in page) == (True, False)
