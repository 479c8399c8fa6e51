"""After the expo: meeting outcomes, the follow-up ladder, consent, and what members may learn.

Read in this order:

- `models.py`: `Outcome` (one per meeting and side, right after the meeting), `FollowUpStep`
  (the dated ladder), `Consent` (a grant of one scope to one audience, withdrawn or not) and
  `IntroductionRequest` (a member asking another for an introduction).
- `domain/outcomes.py`: answering "how did it go?" and the no-show questions for organisers.
- `domain/ladder.py`: the follow-up steps and whether an agreement is claimed or confirmed.
- `domain/consents.py`: granting and withdrawing consent, and the history of a person's grants.
  The rule that decides who sees what is `matchfair.permissions.visible_items`.
- `domain/knowledge.py`: the members' knowledge page and "ask for an introduction".
- `domain/impact.py`: the organiser's funnel from requests to agreements.
- `forms.py`, `views.py`, `templates/outcomes/`: the pages; `privacy.py`: export and erasure.
"""
