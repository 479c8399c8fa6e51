"""`python -m matchfair.consortia REQUEST.json -o PROPOSAL.json`: as `matchfair build-consortium`."""

import sys

from .cli import main

sys.exit(main())
