"""Matchfair's scheduling engine: puts meetings into slots and tables. No Django in here.

The web app and the command line both call `solve` (or `replan`) on an `Instance`: the
command line parses one from JSON (`parse_instance`), the web app builds one in code and checks
it with `validate`.
"""

from .bounds import Bounds, upper_bounds
from .checker import Report, check
from .construct.baseline import first_come_first_served
from .contract import InstanceError, dump_instance, dump_result, parse_instance, parse_result
from .model import (
    Assignment,
    Instance,
    Lock,
    Meeting,
    Participant,
    Result,
    Slot,
    Table,
    Unscheduled,
)
from .solver import Progress, replan, solve
from .validation import validate

__all__ = [
    "Assignment",
    "Bounds",
    "Instance",
    "InstanceError",
    "Lock",
    "Meeting",
    "Participant",
    "Progress",
    "Report",
    "Result",
    "Slot",
    "Table",
    "Unscheduled",
    "check",
    "dump_instance",
    "dump_result",
    "first_come_first_served",
    "parse_instance",
    "parse_result",
    "replan",
    "solve",
    "upper_bounds",
    "validate",
]
