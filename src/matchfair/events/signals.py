"""Signals the events app sends; other apps listen without the events app knowing them."""

from django.dispatch import Signal

# Sent after commit when a participant's profile or opportunities changed, with `event_id`
# and `changed_at` (an aware datetime). The matchmaking app refreshes suggestions on it.
profile_changed = Signal()

# Sent inside the transaction that withdraws a registration (rejects it), before anything is
# written, with `registration`. A receiver that must keep the registration, such as the meetings
# app while the participant has open requests or meetings, refuses with a ValidationError, and
# nothing is written.
registration_withdrawing = Signal()
