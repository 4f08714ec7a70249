"""``python -m adapters.discord_bot``: the same as ``checkmsg discord``."""

import sys

from adapters.cli import main

sys.exit(main(["discord", *sys.argv[1:]]))
