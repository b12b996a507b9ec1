"""`python -m handbook <task>`: see handbook/cli.py."""

import sys

from handbook.cli import main

sys.exit(main())
