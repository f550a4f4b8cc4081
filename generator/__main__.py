"""python -m generator: the botoloom command line."""

import sys

from .cli import main

sys.exit(main())
