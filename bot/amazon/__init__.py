"""Amazon's Selling Partner API: order context for the checks, and sending approved drafts.

``client`` is the async seam over Amazon's SDK, ``context`` fills a check's
context from an order, ``send`` sends an approved draft once (a database
guard), ``review_request`` asks Amazon to request a review. Off until the
``AMAZON_*`` environment variables are set (see ``settings``).
"""
