"""The edges of CheckMsg: the command line, Slack, Discord and the local console.

Their texts in other languages are this layer's catalogue,
``adapters/messages/<lang>.toml``, added to the engine's and the bot's when the
package is imported.
"""

from checks.i18n import add_catalogue

add_catalogue(__name__)
