"""`python -m matchfair.recommend PROFILES.json --top 20 -o OUT.json`."""

from matchfair.recommend.cli import main

raise SystemExit(main())
