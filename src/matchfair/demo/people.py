"""Generates the demo's fictitious participant organisations, their people and their opportunities.

Pure Python and deterministic: the same `random.Random` seed always gives the same participants.
"""

import random
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from matchfair.demo import scenario
from matchfair.demo.opportunities import TEMPLATES, TITLE_VARIANTS, Template
from matchfair.demo.scenario import Country, OpportunityFact, OrganisationFact

# Letters that Unicode does not decompose into ASCII, spelled the way people write them in mail.
_ASCII = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "'": "",
    }
)


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.translate(_ASCII)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _lower_first(title: str) -> str:
    # Keep acronyms such as "EV", "LED" or "IoT" as they are.
    word = title.split(" ", 1)[0]
    if word[1:].islower() and word.isalpha():
        return title[0].lower() + title[1:]
    return title


def person_name(country: Country, rng: random.Random) -> str:
    female = rng.random() < 0.5
    first = rng.choice(country.female if female else country.male)
    index = rng.randrange(len(country.surnames))
    surnames = country.female_surnames if female and country.female_surnames else country.surnames
    return f"{first} {surnames[index]}"


_FORMS = sorted(
    {form for country in scenario.COUNTRIES for form in country.forms}, key=len, reverse=True
)


class _Names:
    """Hands out names, slugs and e-mail addresses that are unique across the whole demo."""

    def __init__(self, taken: Sequence[OrganisationFact]) -> None:
        self.organisations = {(fact.name, fact.country) for fact in taken}
        self.slugs = {fact.slug for fact in taken}
        self.emails = {fact.email for fact in taken}

    def organisation(self, name: str, country: str) -> bool:
        if (name, country) in self.organisations:
            return False
        self.organisations.add((name, country))
        return True

    def slug(self, name: str) -> str:
        # "Voltgrid Energy GmbH" becomes voltgrid-energy: legal forms make poor host names.
        for form in _FORMS:
            name = name.removesuffix(f" {form}")
        base = ascii_slug(name)[:40].strip("-")
        slug, number = base, 1
        while slug in self.slugs:
            number += 1
            slug = f"{base}-{number}"
        self.slugs.add(slug)
        return slug

    def email(self, full_name: str, slug: str) -> str:
        local = ".".join(ascii_slug(part) for part in full_name.split(" ", 1))
        email, number = f"{local}@{slug}{scenario.EMAIL_DOMAIN_SUFFIX}", 1
        while email in self.emails:
            number += 1
            email = f"{local}{number}@{slug}{scenario.EMAIL_DOMAIN_SUFFIX}"
        self.emails.add(email)
        return email


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _domains(kind: str, rng: random.Random) -> tuple[str, ...]:
    main = _weighted(rng, scenario.DOMAIN_WEIGHTS)
    # Research bodies, institutions and investors look wider than a company with one product.
    extra = (
        rng.choice((1, 2, 2, 3))
        if kind in ("research", "institution", "investor")
        else rng.choice((0, 1, 1, 2))
    )
    domains = [main]
    while len(domains) < 1 + extra:
        other = _weighted(rng, scenario.DOMAIN_WEIGHTS)
        if other not in domains:
            domains.append(other)
    return tuple(domains)


def _organisation_name(
    kind: str, country: Country, main: str, rng: random.Random
) -> tuple[str, str]:
    """The name and the city of a new organisation of this kind."""
    town = rng.choice(country.towns)
    brand = rng.choice(scenario.NAME_HEADS) + rng.choice(scenario.NAME_TAILS)
    field = scenario.FIELD_NAMES[main]
    form = rng.choice(country.forms)
    if kind == "company":
        return f"{brand} {rng.choice(scenario.SECTOR_WORDS[main])} {form}", town
    if kind == "startup":
        return rng.choice((f"{brand} {form}", f"{brand} Labs {form}", f"{brand}.io")), town
    if kind == "city":
        place = rng.choice(country.places)
        return rng.choice((f"Municipality of {place}", f"City of {place}")), place
    if kind == "research":
        return rng.choice(
            (
                f"{town} Institute of {field}",
                f"Centre for {field} Research {town}",
                f"{town} University of Technology — {field} Lab",
            )
        ), town
    if kind == "institution":
        return rng.choice((f"{town} Agency for {field}", f"{field} Association {town}")), town
    return rng.choice((f"{brand} Ventures", f"{brand} Capital", f"{town} Urban Impact Fund")), town


def _opportunities(
    kind: str, domains: tuple[str, ...], rng: random.Random, used: Counter[str]
) -> tuple[OpportunityFact, ...]:
    main = domains[0]
    eligible: list[Template] = []
    weights: list[int] = []
    for template in TEMPLATES:
        if kind not in template.holders:
            continue
        if not template.domains:
            eligible.append(template)
            weights.append(1)
        elif main in template.domains:
            eligible.append(template)
            weights.append(6)
        elif set(template.domains) & set(domains):
            eligible.append(template)
            weights.append(2)
    wanted = {"city": (2, 4), "investor": (1, 2)}.get(kind, (1, 3))
    count = min(rng.randint(*wanted), len(eligible))
    # The first one is about the main domain, so the name and the headline agree with it.
    main_ones = [template for template in eligible if main in template.domains]
    chosen: list[Template] = [rng.choice(main_ones)] if main_ones and count else []
    while len(chosen) < count:
        template = rng.choices(eligible, weights=weights)[0]
        if template not in chosen:
            chosen.append(template)
    facts = []
    for template in chosen:
        low, high, step = template.numbers
        values = {"n": rng.randrange(low, high + 1, step), "field": scenario.DOMAIN_WORDS[main]}
        # The next of the template's titles, counted rather than drawn: the draws stay as they were.
        titles = TITLE_VARIANTS.get(template.title, (template.title,))
        title = titles[used[template.title] % len(titles)]
        used[template.title] += 1
        facts.append(
            OpportunityFact(
                kind=template.kind,
                title=title.format(**values),
                description=template.description.format(**values),
                domains=template.domains or (main,),
                topics=template.topics,
            )
        )
    # Offers first: they make the better headline for everyone but cities.
    return tuple(sorted(facts, key=lambda fact: fact.kind != "offer"))


_PROOFS = (
    "Our solutions run in {n} cities in {m} countries.",
    "We started as a university spin-off and now employ {size} people.",
    "Most of our customers are municipalities and utilities.",
    "We won a pre-commercial procurement with {m} European cities last year.",
    "Our team combines engineers, data scientists and former city officials.",
)
_GOALS = (
    "At the expo we want to meet cities that plan tenders next year.",
    "We look for partners for EU-funded projects.",
    "We want to find integrators who know their local market.",
    "We are raising our next round and look for first customers abroad.",
    "We would like to share what worked, and what did not, in our pilots.",
)
_CITY_CHALLENGES = {
    "mobility": "Congestion on the main corridors and ageing buses are the top complaints.",
    "energy": "Energy bills of public buildings have doubled in three years.",
    "environment": "Air pollution exceeds EU limits on about thirty days a year.",
    "governance": "Residents want to do their paperwork online and to have a say.",
    "buildings": "Most schools and social housing were built before 1980.",
    "water": "A third of the drinking water is lost in old pipes.",
    "health": "One resident in four is over 65, and the share is rising.",
    "safety": "Floods and large events stretch the emergency services.",
    "ict": "Data sits in a dozen systems that do not talk to each other.",
    "tourism": "Visitors crowd the old town in summer and leave it empty in winter.",
    "circular-economy": "The landfill closes in five years and recycling lags behind.",
}


def _profile(
    kind: str,
    name: str,
    city: str,
    domains: tuple[str, ...],
    opportunities: tuple[OpportunityFact, ...],
    rng: random.Random,
) -> tuple[str, str]:
    """A headline and an About text that fit the organisation's kind and opportunities."""
    words = " and ".join(scenario.DOMAIN_WORDS[domain] for domain in domains[:2])
    first = opportunities[0].title if opportunities else scenario.FIELD_NAMES[domains[0]]
    wanted = next((fact.title for fact in opportunities if fact.kind == "request"), first)
    size = rng.randint(4, 30) if kind == "startup" else rng.randint(12, 400)
    numbers = {"n": rng.randint(3, 40), "m": rng.randint(2, 9), "size": size}
    if kind == "city":
        people = rng.randrange(25, 400, 5)
        headline = f"A city of {people},000 people looking for {_lower_first(wanted)}"
        about = (
            f"{name} is home to {people},000 people. {_CITY_CHALLENGES[domains[0]]} "
            f"The city council has put {words} at the heart of its smart-city strategy."
        )
        return headline[:200], about
    if kind == "investor":
        headline = f"Investor in {words}: {_lower_first(first)}"
        about = (
            f"{name} invests in European companies working on {words}. We like teams with a "
            f"first paying city customer and a product that other cities can buy."
        )
        return headline[:200], about
    if kind == "research":
        headline = f"Research partner in {words}: {_lower_first(first)}"
        about = (
            f"{name} has {numbers['size']} researchers working on {words}. We run pilots with "
            f"cities and look for companies to take our results to market."
        )
        return headline[:200], about
    if kind == "institution":
        headline = f"Bringing cities and companies together in {words}"
        about = (
            f"{name} is a public body in {city} that supports cities and companies working on "
            f"{words}. {rng.choice(_GOALS)}"
        )
        return headline[:200], about
    shape = "start-up" if kind == "startup" else f"{numbers['size']}-person company"
    headline = rng.choice(
        (
            f"{first} for cities and utilities",
            f"{first}: looking for pilot cities and integrators",
            f"Provider of {_lower_first(first)}",
        )
    )
    about = (
        f"{name} is a {shape} based in {city} that works on {words}. "
        f"{rng.choice(_PROOFS).format(**numbers)} {rng.choice(_GOALS)}"
    )
    return headline[:200], about


def _country_plan(rng: random.Random) -> list[Country]:
    """Each generated organisation's country, as many of each as the country's weight."""
    countries = [country for country in scenario.COUNTRIES for _ in range(country.weight)]
    rng.shuffle(countries)
    return countries


def generate_organisations(rng: random.Random) -> list[OrganisationFact]:
    """The fixed participants first, then about 300 generated ones."""
    facts = list(scenario.FIXED_ORGANISATIONS)
    names = _Names(facts)
    kinds = [kind for kind, share in scenario.KIND_SHARES for _ in range(share)]
    used: Counter[str] = Counter()
    for country in _country_plan(rng):
        for _attempt in range(20):
            kind = rng.choice(kinds)
            domains = _domains(kind, rng)
            name, city = _organisation_name(kind, country, domains[0], rng)
            if names.organisation(name, country.code):
                break
        opportunities = _opportunities(kind, domains, rng, used)
        headline, about = _profile(kind, name, city, domains, opportunities, rng)
        person = person_name(country, rng)
        slug = names.slug(name)
        facts.append(
            OrganisationFact(
                name=name,
                kind=kind,
                country=country.code,
                city=city,
                slug=slug,
                person=person,
                job_title=rng.choice(scenario.JOB_TITLES[kind]),
                email=names.email(person, slug),
                headline=headline,
                description=about,
                domains=domains,
                opportunities=opportunities,
                language=country.language,
            )
        )
    return facts


def supporters(facts: Sequence[OrganisationFact], rng: random.Random) -> list[str]:
    """The slug of the organising cluster that supports each participant: mostly the lead."""
    by_country: dict[str, list[str]] = {}
    for cluster in scenario.ALLIANCE:
        by_country.setdefault(cluster.country, []).append(cluster.slug)
    alliance = [cluster.slug for cluster in scenario.ALLIANCE]
    chosen = []
    for fact in facts:
        if fact in scenario.FIXED_ORGANISATIONS or fact.country == "BG":
            chosen.append(scenario.LEAD.slug)
        elif fact.country in by_country and rng.random() < 0.8:
            chosen.append(rng.choice(by_country[fact.country]))
        elif rng.random() < 0.55:
            chosen.append(scenario.LEAD.slug)
        else:
            chosen.append(rng.choice(alliance))
    return chosen


def sofia_members(facts: Sequence[OrganisationFact], rng: random.Random) -> list[int]:
    """Indexes of the participants that are members of the Sofia cluster, the fixed ones first."""
    fixed = [
        facts.index(scenario.PARTICIPANT_ORGANISATION),
        facts.index(scenario.MEMBER_ORGANISATION),
    ]
    local = [
        index
        for index, fact in enumerate(facts)
        if fact.country == "BG"
        and fact.kind in ("company", "startup", "research")
        and index not in fixed
    ]
    return fixed + rng.sample(local, min(len(local), scenario.SOFIA_MEMBERS - len(fixed)))


def booth_holders(facts: Sequence[OrganisationFact], rng: random.Random) -> list[int]:
    """A few exhibiting companies that host their meetings at their own stand."""
    companies = [
        index
        for index, fact in enumerate(facts)
        if fact.kind == "company" and fact not in scenario.FIXED_ORGANISATIONS
    ]
    return sorted(rng.sample(companies, scenario.BOOTH_COUNT))
