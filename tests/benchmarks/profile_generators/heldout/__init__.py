"""The rules every held-out set keeps, checked from the outside (the document and its truth)."""

from benchmarks.profile_generators.corpus import Corpus

from matchfair.recommend import parse_profiles


def org(participant: dict) -> str:
    return " ".join(participant["organisation"].lower().split())


def asks(participant: dict) -> bool:
    return any(o["kind"] == "request" for o in participant.get("opportunities", []))


def broken_rules(corpus: Corpus) -> list[str]:
    """Every way the corpus breaks the rules; [] when it keeps them all."""
    participants = corpus.document["participants"]
    by_id = {p["id"]: p for p in participants}
    broken = []
    if len(parse_profiles(corpus.document)) != len(participants):
        broken.append("the parser dropped participants")
    for a, b in corpus.competitor_traps:
        if corpus.grade(a, b) or corpus.grade(b, a):
            broken.append(f"rivals {a} and {b} are graded as partners")
        if asks(by_id[a]) or asks(by_id[b]):
            broken.append(f"rival {a} or {b} asks for something")
    for pid, row in corpus.relevance.items():
        me = by_id[pid]
        for partner, grade in row.items():
            if grade not in (1, 2):
                broken.append(f"{pid}->{partner} has grade {grade}")
            if partner == pid or org(by_id[partner]) == org(me):
                broken.append(f"{pid}->{partner} is the same organisation")
            if partner in me.get("exclude", []):
                broken.append(f"{pid}->{partner} is excluded")
    for p in participants:
        if asks(p) and not any(g == 2 for g in corpus.relevance.get(p["id"], {}).values()):
            broken.append(f"{p['id']} asks but has no relevant partner")
        offers = any(o["kind"] == "offer" for o in p.get("opportunities", []))
        if (
            p["organisation_type"] in ("company", "startup", "research", "university")
            and not offers
        ):
            broken.append(f"{p['id']} would be read as offering its description")
    return broken
