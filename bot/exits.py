"""The command line's exit statuses, one meaning each (the README and --help list them)."""

EXIT_OK = 0  # clean; for `send`: sent
EXIT_FINDINGS = 1  # the drafts have findings; for `send`: refused by the workflow or by Amazon
EXIT_USAGE = 2  # bad input, options or configuration
EXIT_UNAVAILABLE = 3  # a service (the database) is unavailable
EXIT_INTERNAL = 4  # an internal error
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
