"""The demo's newsroom: the Sofia cluster's year in about 40 articles in English and Bulgarian
(news, blog posts, the announcement of the expo trip, two case studies and a trip report from
last year's expo), an editor, one article in review and one translation left stale.

Loaded once, after the expo (`load_newsroom`); every article goes through the domain, so each
has its revisions and audit entries. Publication dates are spread over the past year.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from matchfair.community.models import Cluster, User
from matchfair.demo import scenario
from matchfair.events.models import Event
from matchfair.newsroom.domain.articles import create_article, save_article
from matchfair.newsroom.domain.workflow import publish, submit_for_review
from matchfair.newsroom.models import Article, Editor
from matchfair.visits.models import Delegation

PAST_DELEGATION = "Sofia City of Knowledge delegation"


@dataclass(frozen=True)
class Story:
    kind: str
    days_ago: int
    title_en: str
    title_bg: str
    summary_en: str
    summary_bg: str
    tags: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


NEWS = [
    (
        "Sofia joins the European smart-city data space",
        "София се присъединява към европейското пространство за градски данни",
        ("data", "Sofia"),
        ("ict",),
    ),
    (
        "New members: three mobility start-ups",
        "Нови членове: три стартъпа за мобилност",
        ("members", "mobility"),
        ("mobility",),
    ),
    (
        "Open call for pilot projects in public lighting",
        "Отворена покана за пилотни проекти в уличното осветление",
        ("energy", "calls"),
        ("energy",),
    ),
    (
        "Cluster meets the Sofia municipality on air quality",
        "Клъстерът се среща със Столична община за качеството на въздуха",
        ("air quality", "Sofia"),
        ("environment",),
    ),
    (
        "Workshop: writing a Horizon Europe proposal",
        "Семинар: как се пише проектно предложение по „Хоризонт Европа“",
        ("funding", "workshop"),
        ("governance",),
    ),
    (
        "Digital twins for district heating",
        "Цифрови близнаци за топлофикацията",
        ("energy", "digital twins"),
        ("energy", "ict"),
    ),
    (
        "Water utilities share leak-detection results",
        "ВиК дружества споделят резултати от откриването на течове",
        ("water",),
        ("water",),
    ),
    (
        "Annual assembly elects a new board",
        "Общото събрание избира нов управителен съвет",
        ("assembly",),
        ("governance",),
    ),
    (
        "Partnership work plan for next year adopted",
        "Приет е работният план на партньорството за следващата година",
        ("partnership",),
        ("governance",),
    ),
    (
        "Smart parking pilot reaches 2,000 spaces",
        "Пилотният проект за интелигентно паркиране достига 2000 места",
        ("mobility", "pilots"),
        ("mobility",),
    ),
    (
        "Members at the Plovdiv innovation days",
        "Членове на клъстера на дните на иновациите в Пловдив",
        ("events",),
        ("ict",),
    ),
    (
        "Cybersecurity checklist for city suppliers",
        "Контролен списък за киберсигурност за доставчиците на градове",
        ("security",),
        ("safety", "ict"),
    ),
    (
        "Energy communities: what the new law changes",
        "Енергийни общности: какво променя новият закон",
        ("energy", "policy"),
        ("energy",),
    ),
    (
        "Three members win EU funding for sensor networks",
        "Трима членове печелят европейско финансиране за сензорни мрежи",
        ("funding", "sensors"),
        ("ict",),
    ),
    (
        "Circular construction: a guide for members",
        "Кръгово строителство: наръчник за членовете",
        ("circular economy",),
        ("circular-economy", "buildings"),
    ),
    (
        "Tourism data dashboard for the Rila region",
        "Табло с туристически данни за района на Рила",
        ("tourism", "data"),
        ("tourism", "ict"),
    ),
    (
        "Cluster signs a memorandum with Tampere",
        "Клъстерът подписва меморандум с Тампере",
        ("partnership", "Finland"),
        ("governance",),
    ),
    (
        "Hackathon on accessible public transport",
        "Хакатон за достъпен обществен транспорт",
        ("mobility", "hackathon"),
        ("mobility",),
    ),
    (
        "Health data: privacy by design in practice",
        "Здравни данни: защита на личните данни още при проектирането",
        ("health", "privacy"),
        ("health",),
    ),
    (
        "School buildings get energy monitoring",
        "Училищните сгради получават мониторинг на енергията",
        ("energy", "buildings"),
        ("buildings", "energy"),
    ),
    (
        "B2B meetings: how to prepare your profile",
        "Срещи B2B: как да подготвите профила си",
        ("expo", "matchmaking"),
        (),
    ),
    (
        "Flood early-warning pilot on the Iskar river",
        "Пилотна система за ранно предупреждение за наводнения по река Искър",
        ("water", "pilots"),
        ("water", "safety"),
    ),
    (
        "Open data portal passes 500 data sets",
        "Порталът за отворени данни надхвърля 500 набора от данни",
        ("data",),
        ("ict", "governance"),
    ),
    (
        "Member survey: what you need from the cluster",
        "Анкета сред членовете: какво очаквате от клъстера",
        ("members",),
        (),
    ),
    (
        "Electric buses: lessons from the first winter",
        "Електрически автобуси: поуки от първата зима",
        ("mobility", "energy"),
        ("mobility", "energy"),
    ),
    (
        "Smart waste collection comes to two districts",
        "Интелигентно сметосъбиране в два района",
        ("waste",),
        ("circular-economy", "environment"),
    ),
    (
        "Cluster newsletter moves to the newsroom",
        "Бюлетинът на клъстера се премества в новините",
        ("members",),
        (),
    ),
    (
        "Expo registration opens for members",
        "Регистрацията за изложението е отворена за членовете",
        ("expo", "Barcelona"),
        (),
    ),
    (
        "Green roofs on public buildings: first results",
        "Зелени покриви на обществени сгради: първи резултати",
        ("buildings", "climate"),
        ("buildings", "environment"),
    ),
    (
        "A 5G testbed for members in Tech Park Sofia",
        "Тестова 5G среда за членовете в „София Тех Парк“",
        ("5G", "testbed"),
        ("ict",),
    ),
]
BLOG = [
    (
        "Why cities buy pilots and rarely scale them",
        "Защо градовете купуват пилотни проекти и рядко ги разгръщат",
        ("procurement",),
        ("governance",),
    ),
    (
        "Five questions to ask before a data partnership",
        "Пет въпроса преди партньорство за данни",
        ("data",),
        ("ict",),
    ),
    (
        "What a cluster manager learnt from 200 B2B meetings",
        "Какво научи един мениджър на клъстер от 200 срещи B2B",
        ("matchmaking", "expo"),
        (),
    ),
    (
        "Small companies and big tenders: teaming up",
        "Малките фирми и големите търгове: заедно е по-лесно",
        ("procurement", "consortia"),
        ("governance",),
    ),
    (
        "Street lighting is the city's first network",
        "Уличното осветление е първата мрежа на града",
        ("energy", "lighting"),
        ("energy", "ict"),
    ),
]


def _stories(today: dt.date) -> list[Story]:
    stories = []
    for index, (en, bg, tags, domains) in enumerate(NEWS):
        stories.append(
            Story(
                "news",
                350 - index * 12,
                en,
                bg,
                f"{en}: what happened and what it means for members.",
                f"{bg}: какво се случи и какво означава за членовете.",
                tags,
                domains,
            )
        )
    for index, (en, bg, tags, domains) in enumerate(BLOG):
        stories.append(
            Story(
                "blog",
                330 - index * 60,
                en,
                bg,
                "Notes from the cluster's team.",
                "Бележки от екипа на клъстера.",
                tags,
                domains,
            )
        )
    return stories


BODY_EN = (
    "The Sofia City of Knowledge Cluster brings companies, research bodies and the city "
    "together. **{title}** is part of this year's work plan.\n\n"
    "- who: members of the cluster and their partners\n"
    "- where: Sofia and our partner regions\n\n"
    "Questions? Write to the cluster's office or find us at the next members' meeting."
)
BODY_BG = (
    "Клъстерът „София – град на знанието“ събира фирми, научни организации и града. "
    "**{title}** е част от работния план за тази година.\n\n"
    "- кой: членовете на клъстера и техните партньори\n"
    "- къде: София и партньорските региони\n\n"
    "Въпроси? Пишете на офиса на клъстера или ни намерете на следващата среща на членовете."
)


def _editor(cluster: Cluster) -> User:
    editor = User.objects.filter(email=scenario.EDITOR.email).first()
    if editor is None:
        editor = User.objects.create(
            email=scenario.EDITOR.email,
            email_verified=True,
            full_name="Radostina Koleva",
            job_title="Communications editor",
            organisation=cluster.organisation,
            password=make_password(scenario.PASSWORD),
        )
    Editor.objects.get_or_create(cluster=cluster, user=editor)
    return editor


def _past_expo(cluster: Cluster, editor: User) -> tuple[Event, Delegation]:
    """Last year's expo, which the trip report is about."""
    year = scenario.EXPO_DAYS[0].year - 1
    event, _new = Event.objects.get_or_create(
        slug=scenario.PAST_EVENT_SLUG,
        defaults={
            "name": f"{scenario.EVENT_NAME} {year}",
            "venue": scenario.EVENT_VENUE,
            "city": scenario.EVENT_CITY,
            "time_zone": scenario.EVENT_TIME_ZONE,
            "starts_on": dt.date(year, 11, 4),
            "ends_on": dt.date(year, 11, 6),
            "registration_open": False,
        },
    )
    delegation, _new = Delegation.objects.get_or_create(
        event=event, cluster=cluster, defaults={"name": PAST_DELEGATION}
    )
    return event, delegation


def _publish(article: Article, editor: User, when: dt.datetime) -> Article:
    submit_for_review(article=article, reviewer=editor, by=editor)
    publish(article=article, by=editor)
    # The demo's history: the articles appeared over the past year.
    Article.objects.filter(pk=article.pk).update(published_at=when)
    return article


def _write(cluster: Cluster, by: User, story: Story, **settings: Any) -> Article:
    return create_article(
        cluster=cluster,
        kind=story.kind,
        by=by,
        words={
            "en": {
                "title": story.title_en,
                "summary": story.summary_en,
                "body": BODY_EN.format(title=story.title_en),
            },
            "bg": {
                "title": story.title_bg,
                "summary": story.summary_bg,
                "body": BODY_BG.format(title=story.title_bg),
            },
        },
        tags=story.tags,
        domains=list(story.domains),
        **settings,
    )


CASE_STUDIES: list[dict[str, Any]] = [
    {
        "studied_organisation": "City of Tampere",
        "sources": "https://www.tampere.fi/en\nhttps://www.businessfinland.fi/en",
        "domains": ["mobility", "ict"],
        "en": {
            "title": "Case study: Tampere's tram and its data platform",
            "summary": "How a mid-sized city built a tram line and an open data platform together.",
            "body": "Tampere opened its tram in 2021 and used the project to open its mobility data.",
            "sector": "Public transport",
            "what_they_did": "- procured the tram and the data platform together\n- opened the data to local companies",
            "lessons": "Open data drew **40 local companies** into building services on the tram.",
        },
        "bg": {
            "title": "Казус: трамваят на Тампере и платформата му за данни",
            "summary": "Как един средно голям град построи трамвайна линия и платформа за отворени данни.",
            "body": "Тампере пусна трамвая си през 2021 г. и използва проекта, за да отвори данните за мобилността.",
            "sector": "Обществен транспорт",
            "what_they_did": "- възложи трамвая и платформата за данни заедно\n- отвори данните за местните фирми",
            "lessons": "Отворените данни привлякоха **40 местни фирми** в създаването на услуги около трамвая.",
        },
    },
    {
        "studied_organisation": "Barcelona Supercomputing Center",
        "sources": "https://www.bsc.es/",
        "domains": ["ict", "environment"],
        "en": {
            "title": "Case study: air-quality forecasts for a whole city",
            "summary": "A research centre turned supercomputer models into daily forecasts for citizens.",
            "body": "The centre runs air-quality models at street level and publishes forecasts every day.",
            "sector": "Research and environment",
            "what_they_did": "- ran street-level models every night\n- published forecasts through the city's apps",
            "lessons": "A forecast people see every morning changes habits more than a yearly report.",
        },
        "bg": {
            "title": "Казус: прогнози за качеството на въздуха за цял град",
            "summary": "Научен център превърна моделите на суперкомпютъра в ежедневни прогнози за гражданите.",
            "body": "Центърът изчислява модели на качеството на въздуха на ниво улица и публикува прогнози всеки ден.",
            "sector": "Наука и околна среда",
            "what_they_did": "- изчислява модели на ниво улица всяка нощ\n- публикува прогнозите в приложенията на града",
            "lessons": "Прогноза, която хората виждат всяка сутрин, променя навиците повече от годишен доклад.",
        },
    },
]


def load_newsroom() -> int:
    """Add the demo's articles unless they are there; how many articles the newsroom has."""
    cluster = Cluster.objects.get(organisation__name=scenario.LEAD.name)
    if Article.objects.filter(cluster=cluster).exists():
        return Article.objects.filter(cluster=cluster).count()
    now = timezone.now()
    with transaction.atomic():
        editor = _editor(cluster)
        member = User.objects.get(email=scenario.MEMBER.email)
        for story in _stories(now.date()):
            article = _write(cluster, editor, story)
            _publish(article, editor, now - dt.timedelta(days=story.days_ago))
        for index, study in enumerate(CASE_STUDIES):
            article = create_article(
                cluster=cluster,
                kind="case-study",
                by=editor,
                words={"en": study["en"], "bg": study["bg"]},
                tags=["case study"],
                domains=study["domains"],
                studied_organisation=study["studied_organisation"],
                sources=study["sources"],
            )
            _publish(article, editor, now - dt.timedelta(days=200 - index * 90))
        event, delegation = _past_expo(cluster, editor)
        trip = _write(
            cluster,
            editor,
            Story(
                "trip-report",
                0,
                f"Trip report: our delegation at {event.name}",
                f"Отчет от пътуването: нашата делегация на {event.name}",
                "Pavilions, stands and the partners we met in Barcelona.",
                "Павилиони, щандове и партньорите, с които се срещнахме в Барселона.",
                ("expo", "Barcelona", "trip report"),
                ("mobility", "energy"),
            ),
            event=event,
            delegation=delegation,
        )
        _publish(trip, editor, now - dt.timedelta(days=340))
        announcement = _write(
            cluster,
            editor,
            Story(
                "announcement",
                0,
                f"Join the cluster's trip to {scenario.EVENT_NAME}",
                f"Присъединете се към пътуването на клъстера до {scenario.EVENT_NAME}",
                "B2B meetings, joint visits to the pavilions and the partnership assembly.",
                "Срещи B2B, съвместни посещения на павилионите и общото събрание на партньорството.",
                ("expo", "Barcelona"),
            ),
        )
        _publish(announcement, editor, now - dt.timedelta(days=30))
        # A translation left stale: the English text changed after the Bulgarian was published.
        save_article(
            article=announcement,
            by=editor,
            words={
                "en": {
                    "body": BODY_EN.format(title=f"The trip to {scenario.EVENT_NAME}")
                    + "\n\nSeats are limited: register by the end of the month."
                }
            },
        )
        # A member's proposal waiting for the editor's review.
        proposal = _write(
            cluster,
            member,
            Story(
                "blog",
                0,
                "What we want to find at the expo this year",
                "Какво искаме да намерим на изложението тази година",
                "A member's wish list of partners.",
                "Списъкът с желани партньори на един член.",
                ("expo",),
            ),
        )
        submit_for_review(article=proposal, reviewer=editor, by=member)
    return Article.objects.filter(cluster=cluster).count()
