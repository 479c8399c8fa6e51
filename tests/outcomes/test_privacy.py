"""The outcomes section of the personal-data export and of erasure."""

from matchfair.community.domain.privacy import ERASED_NAME, erase_account, export_personal_data
from matchfair.outcomes.domain.consents import grant
from matchfair.outcomes.domain.outcomes import record_outcome
from matchfair.outcomes.models import Consent, Outcome
from tests import factories


def test_export_holds_outcomes_and_consents(met, ana_in_sofia):
    record_outcome(
        meeting=met,
        took_place=True,
        rating=3,
        next_steps=["call"],
        note="Nice",
        by=ana_in_sofia.user,
    )
    grant(user=ana_in_sofia.user, scope="met", audience="public", by=ana_in_sofia.user)
    section = export_personal_data(user=ana_in_sofia.user)["outcomes"]
    assert [(o["with"], o["rating"], o["note"]) for o in section["outcomes"]] == [
        ("Tia Third", 3, "Nice")
    ]
    assert [(c["scope"], c["audience"]) for c in section["consents"]] == [("met", "public")]


def test_erasing_one_side_keeps_the_others_outcome_anonymised(met, ana_in_sofia, tia):
    record_outcome(
        meeting=met,
        took_place=True,
        rating=4,
        next_steps=[],
        note="Ana Petrova was great",
        by=tia.user,
    )
    record_outcome(
        meeting=met, took_place=True, rating=5, next_steps=[], note="Mine", by=ana_in_sofia.user
    )
    grant(user=ana_in_sofia.user, scope="met", audience="public", by=ana_in_sofia.user)
    erase_account(user=ana_in_sofia.user, by=ana_in_sofia.user, password=factories.PASSWORD)
    assert sorted(Outcome.objects.values_list("registration", "rating", "note")) == sorted(
        [(tia.pk, 4, f"{ERASED_NAME} was great"), (ana_in_sofia.pk, 5, "")]
    )
    assert Consent.objects.count() == 0
