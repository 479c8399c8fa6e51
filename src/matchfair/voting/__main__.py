"""`python -m matchfair.voting BALLOTS --method M`: the same as `matchfair tally`."""

import sys

from .cli import main

sys.exit(main())
