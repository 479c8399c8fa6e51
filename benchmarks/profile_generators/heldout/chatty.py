"""Short informal messenger-style posts: requests told as problems, offers as quick pitches.

People write the way they type in a group chat: lower case, abbreviations ("u", "pls", "w/",
"asap"), slang, and typos (swapped, dropped or doubled letters). No emoji. Requests rarely name
a product ("our office is freezing till 10am and boiling by 3"), offers name the fix in a few
words ("we tune heating controls for small offices"). Many small companies both ask and offer.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from benchmarks.profile_generators.corpus import FORMAT, Corpus

from . import market
from .market import Member, Roles, Service


@dataclass(frozen=True)
class Chat:
    service: Service
    moans: tuple[tuple[str, str], ...]  # (title, message) of someone with the problem
    pitches: tuple[tuple[str, str], ...]  # (title, message) of someone who fixes it


def _chat(key: str, family: str, domain: str, moans: str, pitches: str) -> Chat:
    """Posts are separated by " || ", a post's title from its message by " :: "."""

    def posts(text: str) -> tuple[tuple[str, str], ...]:
        pairs = [post.split(" :: ") for post in text.split(" || ")]
        return tuple((title.strip(), message.strip()) for title, message in pairs)

    return Chat(Service(key, family, domain), posts(moans), posts(pitches))


# fmt: off
CHATS = (
    _chat("heating-controls", "comfort", "buildings",
          "office temp is a joke :: our office is freezing till 10am and boiling by 3, the "
          "landlord says the boiler is fine?? who can sort this || cold rooms, huge gas bill :: "
          "gas bill went thru the roof this winter and half the rooms r still cold, help || "
          "radiators on full w/ windows open :: ppl open windows w/ radiators on full blast, "
          "we literally heat the street",
          "we fix heating that's out of whack :: we rebalance heating systems + fit smart "
          "thermostats per room, bills usually drop a quarter || smart heating retrofits :: "
          "room-by-room heating control for small offices and schools, installed in a day"),
    _chat("air-ventilation", "comfort", "buildings",
          "sleepy classrooms :: kids fall asleep after lunch, teachers say the air is stuffy "
          "and windows dont open || mould in the meeting room :: black spots on the walls again "
          "and it smells damp, painting over it didnt work",
          "CO2 sensors + ventilation :: we put CO2 meters in rooms and fit proper ventilation "
          "with heat recovery || fresh air for schools :: ventilation units for classrooms, "
          "quiet, no big building works"),
    _chat("leaky-roof", "comfort", "buildings",
          "water dripping from the ceiling :: every time it rains we put buckets in the hall, "
          "pls someone who does flat roofs || roof again :: the gym roof leaks AGAIN, 3rd time "
          "this year",
          "flat roof repairs :: we find where flat roofs leak w/ a drone + thermal camera and "
          "reseal them || roofing crew free next month :: membrane roofs, gutters, skylights, "
          "done fast and guaranteed 10 yrs"),
    _chat("bin-overflow", "rubbish", "circular-economy",
          "bins overflowing by tuesday :: the bins on our street are overflowing by tuesday and "
          "the seagulls love it, collection is only fridays || rubbish everywhere after "
          "weekends :: after every weekend the park bins are stuffed and rubbish blows all "
          "over",
          "bins that say when they're full :: we stick a sensor in the bin, the truck only "
          "comes when it's full, no more overflow || solar compacting bins :: our bins squash "
          "rubbish so they hold 5x more, and ping u when full"),
    _chat("fly-tipping", "rubbish", "circular-economy",
          "people dumping sofas :: someone keeps dumping old sofas and fridges behind the "
          "garages, it's a mess || illegal dumping in the woods :: building rubble dumped in "
          "the forest every week, no idea who",
          "catch fly-tippers :: motion cams for dumping hotspots, we send you the clips + plate "
          "numbers || bulky waste pickup app :: residents book a sofa pickup in the app so they "
          "stop dumping it"),
    _chat("food-waste", "rubbish", "circular-economy",
          "binning loads of food :: our canteen throws out like 40 kg of food a day, feels "
          "awful || leftovers :: restaurant here, we bin so much bread and veg at closing",
          "food waste into compost :: we collect food scraps from kitchens and turn them into "
          "compost || surplus food app :: list ur leftovers at closing, locals pick them up "
          "cheap"),
    _chat("late-buses", "transport", "mobility",
          "bus never on time :: the 14 is late every single morning and my staff are late for "
          "work, what can the city even do || stuck at red lights :: buses sit at red lights "
          "behind cars for ages on the ring road",
          "green lights for buses :: our kit gives buses priority at traffic lights, they stop "
          "losing time at junctions || bus timetable fixing :: we crunch the GPS data and "
          "redesign timetables so buses run to time"),
    _chat("parking-chaos", "transport", "mobility",
          "no parking near our shop :: customers cant park anywhere near us and go to the mall "
          "instead || ppl circling for ages :: cars circle the old town for 20 min looking for "
          "a spot, total chaos",
          "find a free spot fast :: sensors in parking spots + an app that takes u straight to "
          "a free one || parking data :: we count parked cars w/ cameras and tell the city "
          "where spaces are"),
    _chat("bike-theft", "transport", "mobility",
          "bikes getting nicked :: 3 bikes stolen from outside our office this month, staff "
          "stopped cycling || nowhere to leave a bike :: station has nowhere safe to lock a "
          "bike",
          "secure bike parking :: lockable bike shelters and hangars, book a space in an app "
          "|| bike lockers :: we install bike lockers outside offices and stations, rented "
          "monthly"),
    _chat("pipe-leaks", "water", "water",
          "water bill doubled :: water bill doubled and we have no idea where it goes, no "
          "puddles anywhere || hissing in the basement :: hissing noise behind the wall in the "
          "basement, meter keeps spinning at night",
          "find hidden leaks :: acoustic leak finding, we hear the leak thru the wall and mark "
          "the spot || water meter alerts :: clip-on meter reader that texts u when water runs "
          "at night"),
    _chat("flooded-street", "water", "water",
          "street floods every storm :: every big storm our street turns into a river and "
          "water gets in the cellars || drains blocked :: drains on the high street are always "
          "blocked w/ leaves",
          "rain gardens + drainage :: we design rain gardens and permeable paving so storm "
          "water soaks away || drain cleaning + cctv :: we jet the drains and film inside to "
          "find whats blocking them"),
    _chat("website-booking", "online", "ict",
          "phone never stops :: we spend all day on the phone taking bookings, cant get any "
          "work done || clients cant book online :: customers keep asking if they can book "
          "online and we have no clue how",
          "online booking in a day :: we set up online booking + reminders for small "
          "businesses, cheap monthly fee || websites for small biz :: simple website w/ "
          "booking and payments, live in a week"),
    _chat("phishing", "online", "ict",
          "got hacked :: someone clicked a dodgy email and now our files are locked, wtf do we "
          "do || scam emails :: staff keep getting fake invoice emails, one nearly paid",
          "ransomware help 24/7 :: we get u back up after an attack and lock things down "
          "after || security training :: phishing drills and short training so ur staff stop "
          "clicking"),
    _chat("spreadsheets", "online", "governance",
          "drowning in excel :: our reports live in 50 excel files and nobody trusts the "
          "numbers || board wants numbers :: council keeps asking for stats and it takes us a "
          "week each time",
          "dashboards from ur data :: we hook up ur spreadsheets and systems and build live "
          "dashboards || data cleanup :: we merge messy spreadsheets into one clean database"),
    _chat("lonely-elderly", "people", "health",
          "worried about my neighbours :: lots of old folks on our estate live alone, one fell "
          "and lay there 2 days || gran alone all day :: members ask how to keep an eye on "
          "elderly parents who live alone",
          "check-in calls + alarm :: a button pendant that calls help, plus a daily check-in "
          "call || smart home sensors for seniors :: sensors notice if grandad hasnt got up "
          "and text the family"),
    _chat("empty-rooms", "visitors", "tourism",
          "dead in the winter :: our guesthouse is empty from nov to march, nobody visits || "
          "tourists dont stay :: coach tours stop for an hour and leave, nobody stays the "
          "night",
          "off-season campaigns :: we market towns + hotels to visitors in the quiet months "
          "|| visitor packages :: we bundle stays, food and tours into weekend breaks that "
          "sell"),
    _chat("crowded-sites", "visitors", "tourism",
          "too many tourists at once :: everyone arrives at the castle at 11 and it's a crush, "
          "then its empty || queues at the museum :: queues round the block in august, people "
          "give up",
          "timed tickets :: online timed-entry tickets so visitors spread over the day || "
          "crowd counters :: we count visitors live and show quiet times on ur website"),
    _chat("graffiti", "safety", "safety",
          "tagged again :: the underpass got tagged again overnight, we just repainted it || "
          "vandals at the playground :: kids smash the playground lights every weekend",
          "anti-graffiti coating :: we clean walls and put on a coating so paint wipes right "
          "off || lights that deter vandals :: motion lighting and a speaker that warns off "
          "people at night"),
)

SHORTHAND = {
    "you": "u", "your": "ur", "please": "pls", "thanks": "thx", "because": "cuz",
    "with": "w/", "about": "abt", "people": "ppl", "really": "rly", "tomorrow": "tmrw",
    "something": "smth", "through": "thru", "before": "b4", "as soon as possible": "asap",
}
ASIDES = ("any ideas?", "anyone??", "pls help", "dm me", "asap if poss", "cheers", "thx in "
          "advance", "lmk", "tbh were desperate", "", "")
SIGN_OFFS = ("dm us", "ping me", "happy to chat", "we're local btw", "cheap for startups",
             "", "")
FIRST = ("Mila", "Joe", "Tara", "Nik", "Sam", "Ivo", "Lena", "Omar", "Kasia", "Finn", "Ana",
         "Raj", "Greta", "Dan", "Yusuf", "Bea", "Theo", "Noor", "Pavel", "Cleo")
TRADES = ("Bakery", "Coworking", "Studio", "Labs", "Repairs", "Design", "Fixers", "Works",
          "Digital", "Builders", "Bikes", "Hostel", "Cafe", "Crew", "Makers")
PLACES = ("Northside", "Riverside", "Old Town", "Harbour", "Hillcrest", "Eastgate", "Millbrook",
          "Westfield", "Ashford", "Brookhaven", "Kingsbridge", "Oakridge")
BUYER_FORMS = {
    "city": ("{p} Council", "Town of {p}", "{p} Borough"),
    "public-body": ("{p} Schools Trust", "{p} Housing", "{p} Parks Dept"),
    "cluster": ("{p} Makers Cluster", "{p} Tech Cluster"),
    "association": ("{p} Residents Assoc", "{p} Shopkeepers Assoc", "{p} Neighbours Group"),
}
ROLES = Roles(
    supplier_types=(("company", 5), ("startup", 6)),
    buyer_types=(("association", 4), ("city", 2), ("cluster", 1), ("public-body", 2)),
    trader_types=(("company", 5), ("startup", 3)),
    buyers=0.3,
    traders=0.25,
)
# fmt: on
CHAT_OF = {chat.service.key: chat for chat in CHATS}
_WORD = re.compile(r"[a-z]{4,}")


def typos(rng: random.Random, text: str, rate: float = 0.07) -> str:
    """Text as typed on a phone: shorthand, and now and then a swapped, lost or doubled letter."""
    for long, short in SHORTHAND.items():

        def shorten(found: re.Match[str], short: str = short) -> str:
            return short if rng.random() < 0.6 else found.group(0)

        text = re.sub(rf"\b{long}\b", shorten, text)

    def slip(found: re.Match[str]) -> str:
        word = found.group(0)
        if rng.random() >= rate:
            return word
        i = rng.randrange(1, len(word) - 1)
        how = rng.randrange(3)
        if how == 0:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if how == 1:
            return word[:i] + word[i + 1 :]
        return word[:i] + word[i] + word[i:]

    text = _WORD.sub(slip, text)
    return text if rng.random() < 0.6 else text[:1].upper() + text[1:]


def _name(rng: random.Random, names: market.Names, m: Member) -> str:
    forms = BUYER_FORMS.get(m.organisation_type)
    if forms:
        return names.take(rng.choice(forms).format(p=rng.choice(PLACES)))
    if rng.random() < 0.5:
        return names.take(f"{rng.choice(FIRST)}'s {rng.choice(TRADES)}")
    return names.take(f"{rng.choice(PLACES)} {rng.choice(TRADES)}")


def _post(rng: random.Random, kind: str, service: Service) -> dict[str, object]:
    chat = CHAT_OF[service.key]
    title, message = rng.choice(chat.moans if kind == "request" else chat.pitches)
    tail = rng.choice(ASIDES if kind == "request" else SIGN_OFFS)
    found: dict[str, object] = {
        "kind": kind,
        "title": typos(rng, title, 0.03),
        "description": typos(rng, f"{message} {tail}".strip()),
    }
    domains = market.opportunity_domains(rng, service)
    if domains is not None:
        found["domains"] = domains
    return found


def generate(participants: int, seed: int) -> Corpus:
    rng = random.Random(f"chatty-{seed}")
    built = market.build(participants, rng, [chat.service for chat in CHATS], ROLES)
    names = market.Names()
    organisations = ["" if m.same_as is not None else _name(rng, names, m) for m in built.members]
    for i, m in enumerate(built.members):
        if m.same_as is not None:
            organisations[i] = market.respelt(rng, organisations[m.same_as])
    entries = []
    for i, m in enumerate(built.members):
        opportunities = [_post(rng, "request", s) for s in m.wants]
        for s in m.supplies:
            # Rivals of one service post the same pitch, typos and all.
            voice = random.Random(f"{seed}-{s.key}") if m.role == "rival" else rng
            opportunities.append(_post(voice, "offer", s))
        entry: dict[str, object] = {
            "id": m.id,
            "organisation": organisations[i],
            "organisation_type": m.organisation_type,
            "country": rng.choice(("IE", "GB", "MT", "NL", "DK", "SE")),
            "domains": market.profile_domains(rng, m),
            "description": typos(
                rng,
                rng.choice(
                    (
                        "small team, big plans",
                        "local folks, been around a while",
                        "we get stuff done",
                        "",
                    )
                )
                or "hi all",
            ),
            "opportunities": opportunities,
        }
        if m.exclude:
            entry["exclude"] = list(m.exclude)
        entries.append(entry)
    return Corpus(
        name="chatty",
        document={"format": FORMAT, "participants": entries},
        relevance=built.relevance,
        competitor_traps=built.rivals,
    )
