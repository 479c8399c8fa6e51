"""Receivers: when a new meeting plan is released, the affected itineraries are re-planned."""

from typing import Any

from matchfair.visits.domain.planning import replan_after_release


def on_plan_released(sender: Any, *, event: Any, plan: Any, changed: Any, **kwargs: Any) -> None:
    replan_after_release(event=event, changed=changed)
