"""The partnership's assembly: sessions, agenda, attendance and quorum, and elections by
secret ballot.

What runs, in order:
- `models.py`: `Statute` (a network's secretariat and quorum), `Session`, `AgendaItem`,
  `Attendee` (a member's voting delegate or substitute), `Election`, `Candidacy`, and the two
  tables of a secret ballot: `RollEntry` (who has voted) and `Ballot` (what was voted);
- `domain/sessions.py`: sessions, agenda, registration, check-in and the quorum;
- `domain/candidacies.py`: nominating and accepting candidates;
- `domain/casting.py`: `cast_ballot`, the roll and the box in one transaction, the tracker;
- `domain/counting.py`: opening, closing (the count through `matchfair.voting`) and
  publishing an election, and the ballot board's hash chain;
- `views.py` and `templates/assembly/`: the pages (docs/assembly.md).
"""
