"""``python -m adapters.slack [--http] [--port N]``: the same as ``checkmsg slack``."""

import sys

from adapters.cli import main

sys.exit(main(["slack", *sys.argv[1:]]))
