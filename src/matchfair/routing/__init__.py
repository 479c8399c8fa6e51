"""The visit planner: itineraries for a delegation's members around their meetings at an expo.

Django-free: plain dataclasses and the JSON formats `matchfair-visits/1` → `matchfair-itineraries/1`.
"""

from .baseline import plan_baseline
from .contract import VisitsError, parse_visits
from .model import FORMAT, RESULT_FORMAT, Itineraries, Visits
from .planner import plan_visits
from .result import itineraries_from_json, itineraries_to_json
from .validator import check

__all__ = [
    "FORMAT",
    "RESULT_FORMAT",
    "Itineraries",
    "Visits",
    "VisitsError",
    "check",
    "itineraries_from_json",
    "itineraries_to_json",
    "parse_visits",
    "plan_baseline",
    "plan_visits",
]
