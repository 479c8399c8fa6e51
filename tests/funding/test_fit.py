import datetime as dt

from matchfair.consortia import load_countries
from matchfair.funding.fit import CallText, Fit, MemberText, PastProjectText, fits, ranked

TODAY = dt.date(2027, 1, 1)
CHARGING = CallText(
    key=1,
    text="Smart charging infrastructure for electric vehicles in cities",
    keywords=("charging", "electric vehicles"),
    domains=("mobility", "energy"),
    type_of_action="HORIZON Innovation Actions",
    deadline=dt.date(2027, 3, 1),
)
FLOODS = CallText(
    key=2,
    text="Nature-based solutions against urban floods and droughts",
    keywords=("floods",),
    domains=("water", "environment"),
    type_of_action="DIGITAL SME Support Actions",
    deadline=None,
)
VOLTA = MemberText(
    key=10,
    text="We build charging stations and software for electric vehicles fleets",
    domains=("mobility",),
    country="BG",
    kind="company",
    projects=(PastProjectText("SOFIAMOVE", "Smart charging hubs for electric vehicles in cities"),),
)
SOFIA = MemberText(
    key=11, text="City water utility fighting floods", domains=("water",), country="CN", kind="city"
)


def test_fits_give_reasons_for_each_pair():
    found = {
        (fit.call, fit.member): fit
        for fit in fits([CHARGING, FLOODS], [VOLTA, SOFIA], countries=load_countries(), today=TODAY)
    }
    volta = found[(1, 10)]
    assert (volta.terms, volta.domains, volta.projects, volta.flags, volta.days_left) == (
        ("charging", "cities", "electric", "smart", "vehicles"),
        ("mobility",),
        ("SOFIAMOVE",),
        (),
        59,
    )
    assert (found[(2, 11)].domains, found[(2, 11)].flags, found[(2, 11)].days_left) == (
        ("water",),
        ("country", "organisation-type"),
        None,
    )


def test_the_member_who_works_on_a_call_ranks_first_for_it():
    found = fits([CHARGING, FLOODS], [VOLTA, SOFIA], countries=load_countries(), today=TODAY)
    assert [fit.member for fit in ranked([f for f in found if f.call == 1], by="member")] == [
        10,
        11,
    ]
    assert [fit.call for fit in ranked([f for f in found if f.member == 10], by="call")] == [1, 2]


def test_no_calls_give_no_fits():
    assert fits([], [VOLTA], countries=load_countries(), today=TODAY) == []


def test_ranked_breaks_ties_by_key():
    tie = dict(score=0.5, terms=(), domains=(), projects=(), flags=(), days_left=None)
    assert [
        f.call
        for f in ranked([Fit(call=3, member=1, **tie), Fit(call=2, member=1, **tie)], by="call")
    ] == [2, 3]
