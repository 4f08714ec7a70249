"""Errors the engine raises for input it refuses to check."""


class DraftError(ValueError):
    """The draft cannot be checked: empty, binary, or over the size limit."""


# Amazon's free-text limit is 2,000 characters; HTML templates run larger.
# Anything over this is refused outright, so no input can make a check run away.
MAX_DRAFT_CHARS = 200_000
# The text a buyer reads (the visible text of an HTML template) is refused over
# this: ten times Amazon's limit, and small enough that every check stays fast.
MAX_TEXT_CHARS = 50_000
# A rule reports at most this many findings in one draft.
MAX_FINDINGS_PER_RULE = 50
