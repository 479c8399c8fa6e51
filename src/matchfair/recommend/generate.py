"""Seeded synthetic profile sets with a hidden ground truth of which pairs complement each other.

Used by the benchmark and tests, and by `python -m matchfair.recommend.generate N -o FILE`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from matchfair.recommend.catalogue import (
    CONTEXTS,
    COUNTRIES,
    NAME_END,
    NAME_START,
    NAME_SUFFIX,
    OFFER_DESCRIPTIONS,
    OFFER_TITLES,
    ORGANISATION_MIX,
    REQUEST_DESCRIPTIONS,
    REQUEST_TITLES,
    TOPICS,
)
from matchfair.recommend.contract import (
    DOMAINS,
    ORGANISATION_TYPES,
    Opportunity,
    Profile,
    profiles_document,
)

Need = tuple[int, int]  # (topic index, context index)


@dataclass
class GeneratedSet:
    """Profiles plus the hidden needs behind each opportunity, for scoring quality."""

    profiles: list[Profile]
    # per participant: (kind, need) of each opportunity, in the profile's order
    needs: list[list[tuple[str, Need]]]
    _offered_by: dict[Need, list[int]] = field(default_factory=dict, repr=False)
    _requested_by: dict[Need, list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        offered: defaultdict[Need, list[int]] = defaultdict(list)
        requested: defaultdict[Need, list[int]] = defaultdict(list)
        for index, mine in enumerate(self.needs):
            for kind, need in mine:
                (offered if kind == "offer" else requested)[need].append(index)
        self._offered_by = dict(offered)
        self._requested_by = dict(requested)

    def relevant(self, index: int) -> dict[int, int]:
        """True partners of participant `index`: 2 when interest runs both ways, else 1.

        A partner answers one of my requests with an offer for the same need (topic and
        context), or requests what I offer. Colleagues from my organisation never count.
        """
        me = self.profiles[index]
        answers_me: set[int] = set()
        i_answer: set[int] = set()
        for kind, need in self.needs[index]:
            if kind == "request":
                answers_me.update(self._offered_by.get(need, ()))
            else:
                i_answer.update(self._requested_by.get(need, ()))
        grades: dict[int, int] = {}
        for other in answers_me | i_answer:
            if other == index or self.profiles[other].organisation == me.organisation:
                continue
            grades[other] = 2 if other in answers_me and other in i_answer else 1
        return grades


def _pick(rng: random.Random, weighted: Sequence[tuple[str, float]]) -> str:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _opportunity(rng: random.Random, kind: str, need: Need) -> Opportunity:
    topic = TOPICS[need[0]]
    words = {
        "problem": rng.choice(topic.problems),
        "remedy": rng.choice(topic.remedies),
        "context": rng.choice(CONTEXTS[need[1]].phrases),
    }
    words.update({_capital(k): _capital(v) for k, v in list(words.items())})
    if kind == "request":
        title, description = rng.choice(REQUEST_TITLES), rng.choice(REQUEST_DESCRIPTIONS)
    else:
        title, description = rng.choice(OFFER_TITLES), rng.choice(OFFER_DESCRIPTIONS)
    # A second draw of the wordings, so title and description rarely repeat each other.
    words_again = dict(words)
    words_again["problem"] = rng.choice(topic.problems)
    words_again["remedy"] = rng.choice(topic.remedies)
    words_again["Problem"] = _capital(words_again["problem"])
    words_again["Remedy"] = _capital(words_again["remedy"])
    domains = [topic.domain]
    if rng.random() < 0.2:
        domains.append("ict" if topic.domain != "ict" else "governance")
    return Opportunity(
        kind="request" if kind == "request" else "offer",
        title=title.format(**words),
        description=description.format(**words_again),
        domains=tuple(domains),
    )


def _organisation_name(rng: random.Random, kind: str, taken: set[str]) -> str:
    while True:
        name = rng.choice(NAME_START) + rng.choice(NAME_END)
        full = rng.choice(NAME_SUFFIX[kind]).format(name=name)
        if full not in taken:
            taken.add(full)
            return full
        if len(taken) > 0.8 * len(NAME_START) * len(NAME_END):
            # The syllables run out in large sets; a number keeps names unique and fictitious.
            full = f"{full} {len(taken)}"
            taken.add(full)
            return full


def generate(participants: int, *, seed: int = 0) -> GeneratedSet:
    """`participants` profiles with 1-4 opportunities each, deterministic for a seed."""
    rng = random.Random(seed)
    mix = {kind: (share, request_chance) for kind, share, request_chance in ORGANISATION_MIX}
    taken: set[str] = set()
    organisations: list[tuple[str, str, str]] = []
    profiles: list[Profile] = []
    needs: list[list[tuple[str, Need]]] = []
    domain_topics: dict[str, list[int]] = defaultdict(list)
    for index, topic in enumerate(TOPICS):
        domain_topics[topic.domain].append(index)
    focus_domains = list(domain_topics)
    for number in range(participants):
        # About one participant in four shares an organisation with an earlier one.
        if organisations and rng.random() < 0.25:
            organisation, kind, country = rng.choice(organisations)
        else:
            kind = _pick(rng, [(k, v[0]) for k, v in mix.items()])
            country = _pick(rng, COUNTRIES)
            organisation = _organisation_name(rng, kind, taken)
            organisations.append((organisation, kind, country))
        focus = rng.sample(focus_domains, 2)
        mine: list[tuple[str, Need]] = []
        opportunities: list[Opportunity] = []
        for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
            domain = focus[0] if rng.random() < 0.7 else focus[1]
            need = (rng.choice(domain_topics[domain]), rng.randrange(len(CONTEXTS)))
            opportunity_kind = "request" if rng.random() < mix[kind][1] else "offer"
            if (opportunity_kind, need) in mine:
                continue
            mine.append((opportunity_kind, need))
            opportunities.append(_opportunity(rng, opportunity_kind, need))
        domains = sorted(
            {d for o in opportunities for d in o.domains} | set(rng.sample(focus, 1)),
            key=list(DOMAINS).index,
        )
        labels = " and ".join(DOMAINS[d] for d in domains[:2])
        profiles.append(
            Profile(
                id=f"p{number:06d}",
                organisation=organisation,
                organisation_type=kind,
                country=country,
                domains=tuple(domains),
                description=(
                    f"{organisation} is a {ORGANISATION_TYPES[kind]} working on {labels}."
                ),
                opportunities=tuple(opportunities),
            )
        )
        needs.append(mine)
    return GeneratedSet(profiles=profiles, needs=needs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m matchfair.recommend.generate",
        description="Write a synthetic matchfair-profiles/1 set.",
    )
    parser.add_argument("participants", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", default="-", help="file to write, - for stdout")
    args = parser.parse_args(argv)
    document = profiles_document(generate(args.participants, seed=args.seed).profiles)
    text = json.dumps(document, ensure_ascii=False)
    if args.output == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
