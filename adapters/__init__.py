"""The edges of CheckMsg: Slack, Discord and the local console."""
