"""`python -m matchfair.routing VISITS.json -o ITINERARY.json`: the same as `matchfair plan-visits`."""

import sys

from .cli import main

sys.exit(main())
