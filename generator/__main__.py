"""python -m generator: the botoloom command line."""

import sys

from .app.cli import main

sys.exit(main())
