"""Plans the demo's meeting requests: who asks whom, why, and how each request ends.

Requests go mostly between complementary profiles, an offer answering a request in a shared domain,
never to oneself and never twice for one pair. Pure Python and deterministic.
"""

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from matchfair.demo import scenario
from matchfair.demo.scenario import OpportunityFact, OrganisationFact

# Nobody gets more accepted meetings than the slots of a short expo can hold comfortably.
MAX_ACCEPTED = 16
COMPLEMENTARY_SHARE = 0.85
CLOSE_SHARE = 0.5  # of all requests, those that go to a close match when the sender has one


@dataclass(frozen=True)
class PlannedRequest:
    sender: int  # indexes into the list of organisation facts
    recipient: int
    state: str  # asked, accepted, declined or cancelled
    message: str
    reply: str = ""
    cancelled_by_recipient: bool = False  # only after it was accepted; else the sender withdraws


def _score(mine: OpportunityFact, theirs: OpportunityFact) -> int:
    """How well two opportunities answer each other: 0 when they do not."""
    shared = set(mine.domains) & set(theirs.domains)
    if mine.kind == theirs.kind or not shared:
        return 0
    # Two specific opportunities on different topics do not answer each other, whatever the domain.
    if mine.topics and theirs.topics and not set(mine.topics) & set(theirs.topics):
        return 0
    return 10 * len(set(mine.topics) & set(theirs.topics)) + len(shared)


def best_match(
    sender: OrganisationFact, recipient: OrganisationFact
) -> tuple[OpportunityFact, OpportunityFact] | None:
    """The sender's opportunity and the recipient's one that answer each other best, if any."""
    # Money answers start-ups only; an investor is no match for a city's tender.
    if "investor" in (sender.kind, recipient.kind) and "startup" not in (
        sender.kind,
        recipient.kind,
    ):
        return None
    scored = [
        (_score(mine, theirs), mine, theirs)
        for mine in sender.opportunities
        for theirs in recipient.opportunities
    ]
    best = max(scored, key=lambda entry: entry[0], default=None)
    if best is None or best[0] == 0:
        return None
    return best[1], best[2]


def close_match(sender: OrganisationFact, recipient: OrganisationFact) -> bool:
    """An offer and a request on the same topic, such as signal control sought and offered."""
    match = best_match(sender, recipient)
    return match is not None and bool(set(match[0].topics) & set(match[1].topics))


def _first_name(fact: OrganisationFact) -> str:
    return fact.person.split(" ")[0]


def message_for(sender: OrganisationFact, recipient: OrganisationFact, rng: random.Random) -> str:
    match = best_match(sender, recipient)
    hello = f"Hello {_first_name(recipient)},"
    if match is None:
        shared = set(sender.domains) & set(recipient.domains)
        field = scenario.DOMAIN_WORDS[sorted(shared)[0] if shared else recipient.domains[0]]
        return rng.choice(
            (
                f"{hello} we both work on {field}. I would like to hear about the plans of "
                f"{recipient.name} and tell you about ours.",
                f"{hello} I saw your profile in the directory. Could we meet at the expo to see "
                f"whether we can work together on {field}?",
            )
        )
    mine, theirs = match
    if mine.kind == "offer":
        return rng.choice(
            (
                f"{hello} your request “{theirs.title}” fits what we do: {mine.title}. Could we "
                f"meet in Barcelona to see whether it suits {recipient.name}?",
                f"{hello} we read “{theirs.title}” with interest. Our “{mine.title}” has done "
                "this elsewhere; I would be glad to show you the results.",
                f"{hello} about “{theirs.title}”: we would like to present our approach and "
                "hear about your timeline and budget.",
            )
        )
    return rng.choice(
        (
            f"{hello} we are looking for “{mine.title}”, and your “{theirs.title}” caught our "
            "eye. Do you have half an hour at the expo?",
            f"{hello} your offer “{theirs.title}” could answer our request “{mine.title}”. "
            "Shall we meet and talk about a pilot?",
        )
    )


_ACCEPT_REPLIES = (
    "Gladly, see you at the expo.",
    "Yes, let's meet. I will bring our latest case study.",
    "Good idea; the schedule will tell us where and when.",
    "",
)
_DECLINE_REPLIES = (
    "Thank you, but this is not a fit for us right now.",
    "Sorry, our agenda is full. Let's stay in touch by e-mail.",
    "We have just signed with another supplier for this; maybe next year.",
)


class _Planner:
    def __init__(self, facts: Sequence[OrganisationFact], rng: random.Random) -> None:
        self.facts = facts
        self.rng = rng
        self.pairs: set[frozenset[int]] = set()
        self.accepted: Counter[int] = Counter()
        self.planned: list[PlannedRequest] = []
        self.partners = [self._complementary(index) for index in range(len(facts))]
        self.close = [
            [other for other in partners if close_match(facts[index], facts[other])]
            for index, partners in enumerate(self.partners)
        ]
        # Companies and start-ups go looking; cities and investors mostly wait to be asked.
        eagerness = {
            "company": 5,
            "startup": 6,
            "city": 2,
            "research": 3,
            "institution": 2,
            "investor": 2,
        }
        self.eagerness = [eagerness[fact.kind] for fact in facts]

    def _complementary(self, index: int) -> list[int]:
        sender = self.facts[index]
        return [
            other
            for other, fact in enumerate(self.facts)
            if other != index and best_match(sender, fact) is not None
        ]

    def free(self, sender: int, recipient: int, state: str) -> bool:
        if sender == recipient or frozenset((sender, recipient)) in self.pairs:
            return False
        if state in ("accepted", "cancelled"):
            return self.accepted[sender] < MAX_ACCEPTED and self.accepted[recipient] < MAX_ACCEPTED
        return True

    def add(self, sender: int, recipient: int, state: str) -> None:
        self.pairs.add(frozenset((sender, recipient)))
        if state in ("accepted", "cancelled"):
            self.accepted[sender] += 1
            self.accepted[recipient] += 1
        reply = ""
        if state == "accepted":
            reply = self.rng.choice(_ACCEPT_REPLIES)
        elif state == "declined":
            reply = self.rng.choice(_DECLINE_REPLIES)
        self.planned.append(
            PlannedRequest(
                sender=sender,
                recipient=recipient,
                state=state,
                message=message_for(self.facts[sender], self.facts[recipient], self.rng),
                reply=reply,
                cancelled_by_recipient=state == "cancelled" and self.rng.random() < 0.4,
            )
        )

    def pick(self, state: str) -> tuple[int, int] | None:
        everyone = range(len(self.facts))
        for _attempt in range(200):
            sender = self.rng.choices(everyone, weights=self.eagerness)[0]
            partners, close = self.partners[sender], self.close[sender]
            chance = self.rng.random()
            if close and chance < CLOSE_SHARE:
                recipient = self.rng.choice(close)
            elif partners and chance < COMPLEMENTARY_SHARE:
                recipient = self.rng.choice(partners)
            else:
                recipient = self.rng.randrange(len(self.facts))
            if self.free(sender, recipient, state):
                return sender, recipient
        return None

    def fixed(self, sender: int, recipient: int, state: str) -> None:
        if self.free(sender, recipient, state):
            self.add(sender, recipient, state)


def plan_requests(facts: Sequence[OrganisationFact], rng: random.Random) -> list[PlannedRequest]:
    """About 1,000 requests in the scenario's mix of states; the demo logins' ones come first."""
    planner = _Planner(facts, rng)
    participant = facts.index(scenario.PARTICIPANT_ORGANISATION)
    partner = facts.index(scenario.PARTNER_ORGANISATION)
    member = facts.index(scenario.MEMBER_ORGANISATION)

    # The partner's request from the demo participant waits for the partner to accept it.
    planner.fixed(participant, partner, "asked")
    # The demo participant has a full agenda: accepted meetings both ways, and one to answer.
    others = [
        index
        for index in planner.partners[participant]
        if index not in (partner, member)
        and facts[index].kind in ("city", "company", "institution")
    ]
    # Close matches first, so the demo participant's agenda reads like a good day at the expo.
    close = set(planner.close[participant])
    others = sorted(rng.sample(others, len(others)), key=lambda index: index not in close)
    for position, other in enumerate(others[:14]):
        if position < 12:
            sender, recipient = (participant, other) if position % 2 else (other, participant)
            planner.fixed(sender, recipient, "accepted")
        elif position == 12:
            planner.fixed(other, participant, "asked")
        else:
            planner.fixed(participant, other, "declined")
    for other in rng.sample(planner.close[partner] or planner.partners[partner], 4):
        planner.fixed(other, partner, "accepted")
    for other in rng.sample(planner.partners[member], 6):
        planner.fixed(member, other, "accepted")

    remaining = Counter(scenario.REQUEST_STATES)
    remaining.subtract(Counter(request.state for request in planner.planned))
    states = [state for state, count in sorted(remaining.items()) for _ in range(max(count, 0))]
    rng.shuffle(states)
    for state in states:
        pair = planner.pick(state)
        if pair is not None:
            planner.add(*pair, state)
    return planner.planned


def plan_unavailability(
    count: int, sessions: int, rng: random.Random, keep: Sequence[int]
) -> dict[int, int]:
    """About a tenth of participants miss one B2B session; the demo logins are always there."""
    candidates = [index for index in range(count) if index not in keep]
    chosen = rng.sample(candidates, round(count * scenario.UNAVAILABLE_SHARE))
    return {index: rng.randrange(sessions) for index in sorted(chosen)}
