"""``python -m adapters.slack [--http] [--port N]``: the same as ``checkmsg slack``."""

import argparse
import sys

from .server import add_slack_parser


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="checkmsg")
    add_slack_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["slack", *(sys.argv[1:] if argv is None else argv)])
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
