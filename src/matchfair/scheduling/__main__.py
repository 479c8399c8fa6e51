"""`python -m matchfair.scheduling INSTANCE.json -o RESULT.json`: the same as `matchfair schedule`."""

import sys

from .cli import main, since_start

if __name__ == "__main__":
    sys.exit(main(spent=since_start()))
