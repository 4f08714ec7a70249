"""``python -m adapters.cli``: the same as ``checkmsg``."""

import sys

from adapters.cli import main

sys.exit(main())
