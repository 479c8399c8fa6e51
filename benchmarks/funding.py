"""Benchmark the funding app: importing the portal's topics and CORDIS's organisations, a
re-import that changes nothing, and call matching against a keyword-overlap baseline.

Run: `.venv/bin/python benchmarks/funding.py [--topics 10000] [--organisations 50000]
[--members 40] [--calls 200] [--seeds 3]`. Imports run into a fresh SQLite database in a
temporary directory (or DATABASE_URL when set). Matching is scored by nDCG@10 per member over
generated calls whose relevance is known to the generator and hidden from both rankers; two
generators written in different styles, both rankers in this process.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

THEMES = {
    "charging": ["charging", "electric", "vehicles", "chargers", "fleet", "batteries", "grid"],
    "floods": ["floods", "rainfall", "drainage", "sensors", "rivers", "forecasting", "storm"],
    "heating": ["heat", "pumps", "district", "thermal", "boilers", "insulation", "radiators"],
    "twins": ["digital", "twin", "simulation", "platform", "city", "models", "data"],
    "waste": ["waste", "recycling", "reuse", "materials", "sorting", "circular", "landfill"],
    "transit": ["buses", "transit", "tickets", "routes", "passengers", "timetables", "stops"],
    "solar": ["solar", "photovoltaic", "panels", "rooftop", "inverters", "sunlight", "yield"],
    "air": ["air", "pollution", "particulate", "monitoring", "emissions", "stations", "ozone"],
}
# The same themes as people write about their own work: other words, which co-occur with the
# calls' words only through the other members (what LSA can learn and keyword overlap cannot).
PARAPHRASE = {
    "charging": ["e-mobility", "chargepoints", "electric", "fleet", "wallboxes"],
    "floods": ["stormwater", "sensors", "rivers", "inundation", "drainage"],
    "heating": ["heat", "geothermal", "thermal", "retrofits", "district"],
    "twins": ["3d", "simulation", "city", "models", "gis"],
    "waste": ["upcycling", "recycling", "materials", "scrap", "circular"],
    "transit": ["buses", "ridership", "ticketing", "routes", "mobility-as-a-service"],
    "solar": ["pv", "rooftop", "panels", "inverters", "prosumers"],
    "air": ["air", "smog", "particulate", "monitoring", "sensors"],
}
FILLER = ["project", "europe", "innovation", "pilot", "partners", "solutions", "regions", "users"]


def ndcg_at_10(ranking: list[int], relevance: dict[int, float]) -> float:
    gains = [relevance.get(key, 0.0) for key in ranking[:10]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(relevance.values(), reverse=True)[:10]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def bag_generator(seed: int, members: int, calls: int):
    """Style 1: bags of words drawn from hidden theme mixes; relevance is the mixes' overlap."""
    rng = random.Random(seed)
    names = list(THEMES)
    mixes_m = [rng.sample(names, rng.choice([1, 2])) for _ in range(members)]
    mixes_c = [rng.sample(names, rng.choice([1, 2])) for _ in range(calls)]

    def text(mix, vocab):
        words = [rng.choice(vocab[t]) for t in mix for _ in range(12)] + rng.sample(FILLER, 4)
        rng.shuffle(words)
        return " ".join(words)

    member_texts = [text(mix, PARAPHRASE) for mix in mixes_m]
    call_texts = [text(mix, THEMES) for mix in mixes_c]
    relevance = [
        {c: len(set(mm) & set(mc)) / len(set(mm) | set(mc)) for c, mc in enumerate(mixes_c)}
        for mm in mixes_m
    ]
    return member_texts, call_texts, relevance


def sentence_generator(seed: int, members: int, calls: int):
    """Style 2: sentences from templates; one main theme each, graded relevance (main 1, a
    second theme 0.5), and a share of distractor sentences naming other themes' call words."""
    rng = random.Random(seed + 1000)
    names = list(THEMES)
    member_main = [rng.choice(names) for _ in range(members)]
    member_side = [rng.choice([n for n in names if n != main]) for main in member_main]
    call_main = [rng.choice(names) for _ in range(calls)]
    templates = [
        "We develop {a} and {b} for {c}.",
        "Our team has ten years in {a}, {b} and {c}.",
        "Clients use our {a} to manage {b} with {c}.",
    ]

    def sentences(theme, vocab, count):
        return " ".join(
            rng.choice(templates).format(
                **dict(zip("abc", rng.sample(vocab[theme], 3), strict=True))
            )
            for _ in range(count)
        )

    member_texts = [
        sentences(main, PARAPHRASE, 4)
        + " "
        + sentences(side, PARAPHRASE, 1)
        + " "
        + sentences(rng.choice(names), THEMES, 1)
        for main, side in zip(member_main, member_side, strict=True)
    ]
    call_texts = [
        f"Proposals should address {' and '.join(rng.sample(THEMES[theme], 4))}. "
        + sentences(theme, THEMES, 2)
        for theme in call_main
    ]
    relevance = [
        {
            c: 1.0 if theme == main else 0.5 if theme == side else 0.0
            for c, theme in enumerate(call_main)
        }
        for main, side in zip(member_main, member_side, strict=True)
    ]
    return member_texts, call_texts, relevance


def matching(members: int, calls: int, seeds: int) -> None:
    import datetime as dt

    from matchfair.consortia import load_countries
    from matchfair.funding.fit import CallText, MemberText, fits, words

    countries = load_countries()
    print(
        "| generator | members × calls | fit (LSA) nDCG@10 | keyword overlap nDCG@10 | ratio | fit median s |"
    )
    print("|---|---|---|---|---|---|")
    for name, generator in (("bags of words", bag_generator), ("sentences", sentence_generator)):
        ours, baseline, seconds = [], [], []
        for seed in range(seeds):
            member_texts, call_texts, relevance = generator(seed, members, calls)
            call_values = [CallText(i, t, (), (), "", None) for i, t in enumerate(call_texts)]
            member_values = [
                MemberText(j, t, (), "BG", "company") for j, t in enumerate(member_texts)
            ]
            started = time.perf_counter()
            found = fits(call_values, member_values, countries=countries, today=dt.date(2027, 1, 1))
            seconds.append(time.perf_counter() - started)
            scores = {(f.member, f.call): f.score for f in found}
            call_words = [words(t) for t in call_texts]
            for j, text in enumerate(member_texts):
                mine = words(text)
                by_fit = sorted(range(calls), key=lambda c: (-scores[(j, c)], c))
                by_overlap = sorted(range(calls), key=lambda c: (-len(mine & call_words[c]), c))
                ours.append(ndcg_at_10(by_fit, relevance[j]))
                baseline.append(ndcg_at_10(by_overlap, relevance[j]))
        a, b = statistics.mean(ours), statistics.mean(baseline)
        print(
            f"| {name} | {members} × {calls} ({seeds} seeds) | {a:.3f} | {b:.3f} | {a / b:.2f} |"
            f" {statistics.median(seconds):.2f} |"
        )


def portal_document(count: int, *, seed: int, moved: int = 0) -> dict:
    rng = random.Random(seed)
    results = []
    for i in range(count):
        identifier = f"BENCH-2027-{i:05d}"
        theme = rng.choice(list(THEMES))
        deadline = f"2027-{1 + i % 12:02d}-{1 + i % 28:02d}T17:00:00.000+0100"
        if i < moved:
            deadline = deadline.replace("T17", "T18")
        overview = {
            "budgetTopicActionMap": {
                str(i): [
                    {
                        "action": f"{identifier} - HORIZON-RIA",
                        "budgetYearMap": {"2027": 1_000_000 + i},
                        "expectedGrants": 2,
                        "minContribution": 400_000,
                        "maxContribution": 600_000,
                        "deadlineModel": "single-stage",
                    }
                ]
            }
        }
        results.append(
            {
                "metadata": {
                    "identifier": [identifier],
                    "title": [f"Topic {i} on {theme}"],
                    "callIdentifier": [f"BENCH-2027-C{i // 10}"],
                    "callTitle": ["Bench call"],
                    "status": ["31094502"],
                    "frameworkProgramme": ["43108390"],
                    "typesOfAction": ["HORIZON Research and Innovation Actions"],
                    "startDate": ["2026-10-01T00:00:00.000+0100"],
                    "deadlineDate": [deadline],
                    "keywords": rng.sample(THEMES[theme], 3),
                    "tags": [theme],
                    "descriptionByte": [
                        "<p>" + " ".join(rng.choices(THEMES[theme] + FILLER, k=80)) + "</p>"
                    ],
                    "budgetOverview": [json.dumps(overview)],
                }
            }
        )
    return {"results": results}


def cordis_files(organisations: int, *, seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    projects = max(1, organisations // 10)
    header = "id;acronym;status;title;startDate;endDate;topics;frameworkProgramme;fundingScheme;objective"
    lines = [header] + [
        f"{100000000 + p};P{p};SIGNED;Project {p};2023-01-01;2026-12-31;HORIZON-CL5-2022;HORIZON;HORIZON-RIA;"
        f'"{" ".join(rng.choices(FILLER, k=30))}"'
        for p in range(projects)
    ]
    organisation_header = (
        "projectID;organisationID;vatNumber;name;shortName;SME;activityType;country;role"
    )
    countries = ["BG", "DE", "FR", "ES", "IT", "EL", "PT", "NL"]
    rows = [organisation_header] + [
        f"{100000000 + o % projects};{900000000 + o};{countries[o % 8]}{o:09d};ORGANISATION {o} LTD;O{o};"
        f"{'true' if o % 3 else 'false'};PRC;{countries[o % 8]};participant"
        for o in range(organisations)
    ]
    return "\n".join(lines), "\n".join(rows)


def writes_during(action) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        action()
        seconds = time.perf_counter() - started
    sql = [q["sql"].lstrip().upper() for q in queries]
    return seconds, sum(1 for q in sql if q.startswith(("INSERT", "UPDATE", "DELETE")))


def imports(topics: int, organisations: int, members: int) -> None:
    from django.core.management import call_command

    from matchfair.community.models import Cluster, Membership, Organisation
    from matchfair.funding.cordis import read_participations, read_projects
    from matchfair.funding.domain.participations import import_cordis
    from matchfair.funding.domain.topics import import_topics
    from matchfair.funding.portal import parse_search_results

    call_command("migrate", verbosity=0)
    cluster_org = Organisation.objects.create(name="Bench cluster", kind="cluster", country="BG")
    cluster = Cluster.objects.create(organisation=cluster_org)
    for m in range(members):
        organisation = Organisation.objects.create(
            name=f"Organisation {m * 97} Ltd",
            kind="company",
            country=["BG", "DE", "FR", "ES", "IT", "GR", "PT", "NL"][(m * 97) % 8],
        )
        Membership.objects.create(cluster=cluster, organisation=organisation)

    document = portal_document(topics, seed=0)
    print(
        "| import | size | parse s | write s | write statements on an unchanged re-import | re-import s |"
    )
    print("|---|---|---|---|---|---|")
    started = time.perf_counter()
    records = parse_search_results(document)
    parse = time.perf_counter() - started
    write, _ = writes_during(lambda: import_topics(records))
    again, written = writes_during(lambda: import_topics(parse_search_results(document)))
    print(f"| portal topics | {topics:,} | {parse:.1f} | {write:.1f} | {written} | {again:.1f} |")
    moved = parse_search_results(portal_document(topics, seed=0, moved=100))
    seconds, written = writes_during(lambda: import_topics(moved))
    print(
        f"| portal topics, 100 deadlines moved | {topics:,} | — | {seconds:.1f} | {written} statements | — |"
    )

    project_text, organisation_text = cordis_files(organisations, seed=0)
    started = time.perf_counter()
    projects = read_projects(project_text)
    participations = read_participations(organisation_text)
    parse = time.perf_counter() - started
    write, _ = writes_during(
        lambda: import_cordis(projects=projects, participations=participations)
    )
    again, written = writes_during(
        lambda: import_cordis(
            projects=read_projects(project_text),
            participations=read_participations(organisation_text),
        )
    )
    print(
        f"| CORDIS organisations ({len(projects):,} projects, {members} members to match) | {organisations:,} |"
        f" {parse:.1f} | {write:.1f} | {written} | {again:.1f} |"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topics", type=int, default=10_000)
    parser.add_argument("--organisations", type=int, default=50_000)
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args(argv)
    directory = tempfile.mkdtemp(prefix="matchfair-bench-funding-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(directory) / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    print(f"Load average before: {', '.join(f'{v:.1f}' for v in os.getloadavg())}\n")
    imports(args.topics, args.organisations, args.members)
    print()
    matching(args.members, args.calls, args.seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
