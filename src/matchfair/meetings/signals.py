"""What the meetings app tells other apps; they connect receivers in their AppConfig.ready."""

from django.dispatch import Signal

# Sent after a release commits, with sender=Event, plan=the new release and
# changed=the ids of the registrations whose agenda changed. Visit itineraries re-plan on it.
plan_released = Signal()
