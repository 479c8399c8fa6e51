"""After the expo: meeting outcomes, the follow-up ladder, consent, and what members may learn.

Read in this order:

- `models.py`: `Outcome` (one per meeting and side, right after the meeting), `FollowUpStep`
  (the dated ladder), `Consent` (a grant of one scope to one audience, withdrawn or not, renewed
  or not), `IntroductionRequest` (a member asking another for an introduction), `Retention` (a
  cluster's months before shared items expire), `SuccessStory` and `StoryConsent` (a confirmed
  agreement asked for as a case study, and each person's answer).
- `domain/outcomes.py`: answering "how did it go?" and the no-show questions for organisers.
- `domain/ladder.py`: the follow-up steps and whether an agreement is claimed or confirmed.
- `domain/consents.py`: granting and withdrawing consent, and the history of a person's grants.
  The rule that decides who sees what is `matchfair.permissions.visible_items`.
- `domain/retention.py`: the cluster's retention setting and the reminders before grants expire.
- `domain/knowledge.py`: the members' knowledge page and "ask for an introduction".
- `domain/links.py`: signed, single-purpose, expiring links (campaigns and success stories).
- `domain/stories.py`: success stories, from asking to the newsroom's draft, and withdrawal.
- `domain/impact.py`: the organiser's funnel from requests to agreements.
- `forms.py`, `views.py`, `templates/outcomes/`: the pages; `privacy.py`: export and erasure.
"""
