"""Signals the events app sends; other apps listen without the events app knowing them."""

from django.dispatch import Signal

# Sent after commit when a participant's profile or opportunities changed, with `event_id`
# and `changed_at` (an aware datetime). The matchmaking app refreshes suggestions on it.
profile_changed = Signal()
