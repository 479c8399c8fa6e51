"""The election record and `matchfair verify-election`: a true record verifies; changing,
dropping or adding one ballot, or touching the result, makes it fail."""

import copy
import json

import pytest

from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import close_election, election_record, open_election
from matchfair.assembly.record import canonical_ballot, main, tracker_of, verify
from matchfair.cli import main as matchfair_main
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(board_election, session, members, secretary, lyon_people, aarhus_delegate):
    election, (camille, frederik, rita) = board_election
    open_election(election, by=secretary)
    porto = attend(session, members[3], "Paulo", "delegate", by=secretary)
    cast_ballot(election, voter=members[1], choices=[camille.pk, rita.pk], by=lyon_people[0])
    cast_ballot(election, voter=members[2], choices=[frederik.pk], by=aarhus_delegate)
    cast_ballot(election, voter=members[3], choices=[rita.pk, camille.pk], by=porto)
    return election_record(close_election(election, by=secretary))


def _ranked(record):
    """The first board line ranking two candidates, and its 1-based number."""
    return next((n, e) for n, e in enumerate(record["board"], start=1) if len(e["choices"]) == 2)


def test_canonical_ballot_has_sorted_keys_and_no_spaces():
    assert canonical_ballot("ab12", [3, 1]) == '{"box":"ab12","choices":[3,1]}'


def test_a_true_record_verifies(record):
    assert (verify(record), len(record["board"]), record["ballots_cast"]) == ([], 3, 3)


def test_changing_one_ballot_fails_verification(record):
    changed = copy.deepcopy(record)
    n, entry = _ranked(changed)
    entry["choices"] = list(reversed(entry["choices"]))
    assert verify(changed)[0] == f"board[{n}]: the tracker is not the hash of this ballot and nonce"


def test_changing_a_ballot_and_its_tracker_still_breaks_the_chain(record):
    changed = copy.deepcopy(record)
    n, entry = _ranked(changed)
    entry["choices"] = list(reversed(entry["choices"]))
    entry["tracker"] = tracker_of(changed["box"], entry["choices"], entry["nonce"])
    assert f"board[{n}]: the chain link does not follow from the line before" in verify(changed)


def test_dropping_one_ballot_fails_verification(record):
    dropped = copy.deepcopy(record)
    del dropped["board"][1]
    assert verify(dropped)[0] == "board: 2 ballots, but 3 members voted"


def test_adding_one_ballot_fails_verification(record):
    added = copy.deepcopy(record)
    extra = dict(added["board"][0])
    extra["nonce"] = "00" * 16
    extra["tracker"] = tracker_of(added["box"], extra["choices"], extra["nonce"])
    added["board"] = sorted([*added["board"], extra], key=lambda e: e["tracker"])
    assert "board: 4 ballots, but 3 members voted" in verify(added)


def test_a_result_other_than_the_count_fails_verification(record):
    forged = copy.deepcopy(record)
    forged["result"]["elected"].reverse()
    assert verify(forged) == [
        "result: counting the board gives another result than the published one"
    ]


def test_verify_election_command_exits_0_1_and_2(record, tmp_path, capsys):
    good, bad, broken = tmp_path / "good.json", tmp_path / "bad.json", tmp_path / "broken.json"
    good.write_text(json.dumps(record))
    forged = copy.deepcopy(record)
    forged["head"] = "0" * 64
    bad.write_text(json.dumps(forged))
    broken.write_text("{")
    assert (
        matchfair_main(["verify-election", str(good)]),
        main([str(bad)]),
        main([str(broken)]),
    ) == (0, 1, 2)
    assert "head: the chain over the board does not end in the published head" in (
        capsys.readouterr().err
    )
