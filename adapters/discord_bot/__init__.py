"""CheckMsg on Discord (discord.py): ``/checkmsg``, the "Check with CheckMsg" message menu, watched
channels, reports in a thread on each draft, and approval buttons that survive restarts.

Run it with ``checkmsg discord`` or ``python -m adapters.discord_bot``; settings
come from the environment (``settings.py``), the team's rules from ``checkmsg.toml``.
"""

import warnings

with warnings.catch_warnings():
    # discord.py imports audioop (for voice, unused here), deprecated since Python 3.11.
    warnings.filterwarnings("ignore", message="'audioop' is deprecated", category=DeprecationWarning)
    import discord  # noqa: F401
