"""The partnership's ideas board and work plan in the demo: ten ideas by the members' delegates
(new, under evaluation, two accepted into the work plan, one refused), with supports and
comments, and a work plan of five items with milestones, people responsible and progress.
The statute names the Sofia cluster the secretariat, unless another part of the demo already
set one. Idempotent: a second call changes nothing."""

import datetime as dt

from django.utils import timezone

from matchfair.assembly.domain.ideas import (
    accept_idea,
    comment_idea,
    propose_idea,
    refuse_idea,
    start_evaluation,
    support_idea,
)
from matchfair.assembly.domain.workplan import add_item, add_milestone, report_progress
from matchfair.assembly.models import Statute
from matchfair.community.models import Network, User
from matchfair.demo import scenario

# slug of the proposing member, title, English, Bulgarian, domains, partners sought,
# supporting members, where it stands.
IDEAS = (
    (
        "tagus-urban",
        "Shared mobility data space",
        "A common **data space** for bike, scooter and car sharing, so cities plan with one "
        "picture of trips.\n\n- open API\n- privacy by design",
        "Общо пространство за данни за споделена мобилност.",
        ("mobility", "ict"),
        "Cities with open data portals; two SMEs in data platforms",
        ("sofia-cluster", "rhineland-smart", "baltic-smart", "po-valley"),
        "accepted",
    ),
    (
        "lakeland-cleantech",
        "Energy communities playbook",
        "A playbook for districts that share solar power and storage, from the pilots in "
        "Tampere and Zaragoza.",
        "",
        ("energy", "buildings"),
        "Housing associations, utilities",
        ("ebro-smart", "sofia-cluster", "oresund-data"),
        "accepted",
    ),
    (
        "sofia-cluster",
        "Smart water meters for old networks",
        "Retrofit sensors for leak detection in water networks older than 50 years.",
        "Сензори за откриване на течове в стари водопроводни мрежи.",
        ("water", "environment"),
        "Water utilities in two more countries",
        ("danube-digital", "aegean-smart"),
        "evaluation",
    ),
    (
        "baltic-smart",
        "Cross-border e-government sandbox",
        "A sandbox where start-ups test services against the e-government APIs of three countries.",
        "",
        ("governance", "ict"),
        "Ministries' digital agencies",
        ("vistula-urban",),
        "evaluation",
    ),
    (
        "aegean-smart",
        "Heat-wave early warning for tourist towns",
        "Sensors, forecasts and messages to visitors when a heat wave comes.",
        "",
        ("tourism", "health", "environment"),
        "Regional health authorities",
        ("adriatic-urban", "po-valley", "danube-digital"),
        "evaluation",
    ),
    (
        "oresund-data",
        "Open benchmark of city digital twins",
        "Compare the digital twins of partner cities on the same questions, and publish the "
        "method.",
        "",
        ("ict", "governance"),
        "Universities with urban modelling groups",
        ("rhineland-smart",),
        "new",
    ),
    (
        "vistula-urban",
        "Circular construction materials marketplace",
        "Match demolition sites with builders who reuse materials.",
        "Пазар за повторно използване на строителни материали.",
        ("circular-economy", "buildings"),
        "Construction companies, waste operators",
        (),
        "new",
    ),
    (
        "adriatic-urban",
        "Safer night-time streets",
        "Adaptive street lighting and reporting for safer walks home.",
        "",
        ("safety", "energy"),
        "",
        ("aegean-smart",),
        "new",
    ),
    (
        "danube-digital",
        "Air quality for school routes",
        "Low-cost sensors on school routes and a map for parents.",
        "Евтини сензори по пътя към училище и карта за родителите.",
        ("environment", "health"),
        "Schools, parents' associations",
        ("sofia-cluster", "baltic-smart"),
        "new",
    ),
    (
        "po-valley",
        "A partnership-wide crypto token",
        "Pay for services between members with a common token.",
        "",
        ("ict",),
        "",
        (),
        "refused",
    ),
)

COMMENTS = (
    (0, "rhineland-smart", "Cologne would pilot this with its bike-sharing operator."),
    (0, "baltic-smart", "Vilnius has an open trips API we could start from."),
    (2, "danube-digital", "Bucharest's utility asked for exactly this last year."),
    (4, "adriatic-urban", "Split has the same problem every August; count us in."),
    (9, "ebro-smart", "Would a shared invoicing service do the job without a token?"),
)

# title, owner slug, days from today to the deadline, status, progress, milestones
# (title, days from today, done).
ITEMS = (
    (
        "Joint Horizon Europe proposal on urban air quality",
        "sofia-cluster",
        120,
        "in-progress",
        40,
        (("Consortium agreed", -30, True), ("Draft sent to partners", 45, False)),
    ),
    (
        "Study visit to the Nordic smart-city pilots",
        "lakeland-cleantech",
        5,
        "in-progress",
        80,
        (("Programme fixed", -10, True), ("Travel booked", 2, False)),
    ),
    (
        "Partnership newsletter, four issues",
        "rhineland-smart",
        300,
        "planned",
        0,
        (("First issue", 60, False),),
    ),
)


def load_ideas(today: dt.date | None = None) -> None:
    network = Network.objects.filter(name=scenario.PARTNERSHIP_NAME).first()
    if network is None or network.ideas.exists():
        return
    today = today or timezone.localdate()
    delegates = {
        d.cluster.organisation.website: d
        for d in network.delegates.select_related("cluster__organisation", "user")
    }

    def delegate(slug: str):
        return delegates[f"https://{slug}{scenario.WEBSITE_SUFFIX}"]

    lead = delegate(scenario.LEAD.slug).cluster
    Statute.objects.get_or_create(network=network, defaults={"secretariat": lead})
    secretary = User.objects.get(
        email=f"organiser@{scenario.LEAD.slug}{scenario.EMAIL_DOMAIN_SUFFIX}"
    )
    for title, slug, days, status, progress, milestones in ITEMS:
        owner = delegate(slug)
        item = add_item(
            network=network,
            title=title,
            owner=owner.cluster,
            person=owner.user,
            deadline=today + dt.timedelta(days=days),
            by=secretary,
        )
        for name, due, done in milestones:
            milestone = add_milestone(
                item, title=name, due=today + dt.timedelta(days=due), by=secretary
            )
            if done:
                milestone.done = True
                milestone.save(update_fields=["done"])
        if status != "planned":
            report_progress(item, status=status, progress=progress, by=owner.user)
    ideas = []
    for slug, title, english, bulgarian, domains, partners, supporters, _stage in IDEAS:
        proposer = delegate(slug)
        idea = propose_idea(
            network=network,
            cluster=proposer.cluster,
            title=title,
            description_en=english,
            description_bg=bulgarian,
            domains=domains,
            partners_sought=partners,
            by=proposer.user,
        )
        for supporter in supporters:
            support_idea(idea, cluster=delegate(supporter).cluster, by=delegate(supporter).user)
        ideas.append(idea)
    for index, slug, text in COMMENTS:
        comment_idea(ideas[index], body=text, by=delegate(slug).user)
    for idea, (*_facts, stage) in zip(ideas, IDEAS, strict=True):
        if stage == "new":
            continue
        start_evaluation(idea, by=secretary)
        if stage == "accepted":
            accepted = accept_idea(idea, deadline=today + dt.timedelta(days=240), by=secretary)
            assert accepted.work_item is not None
            report_progress(accepted.work_item, status="in-progress", progress=10, by=secretary)
        elif stage == "refused":
            refuse_idea(
                idea,
                reason="Out of the partnership's scope; a shared invoicing service is on the "
                "work plan instead.",
                by=secretary,
            )
