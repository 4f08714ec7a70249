"""A draft's states: the workflow's vocabulary.

``bot/policy.py`` says which action leads from which state to which; the store
keeps a state as this text (``drafts.state``). "Open" states may still change;
the others are final.
"""

PENDING = "pending"
CHANGES_REQUESTED = "changes_requested"
APPROVED = "approved"
WITHDRAWN = "withdrawn"
SENT = "sent"
EXPIRED = "expired"
OPEN_STATES = (PENDING, CHANGES_REQUESTED, APPROVED)
