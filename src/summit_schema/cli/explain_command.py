"""``summit-schema explain``: print a rule's description, an example of its fault and fix, and its link."""

from __future__ import annotations

import argparse
import sys

from summit_schema.findings.rule_help import closest_rule_ids, help_text, rules_page
from summit_schema.findings.rules import RULES

HELP = "Explain a rule: what it checks, an example of the fault and of its fix, and where it is documented."


def register(parser: argparse.ArgumentParser) -> None:
    """Add the command's options."""
    parser.add_argument("rule", nargs="?", metavar="RULE", help="a rule id (see validate --list-rules)")
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="without RULE: print the Markdown page of every rule (docs/rules.md is this output)",
    )


def run(options: argparse.Namespace) -> int:
    """Print the rule's help; 2 for an unknown rule (with the closest ids) or no rule at all."""
    if options.rule is None:
        if options.markdown:
            sys.stdout.write(rules_page())
            return 0
        sys.stderr.write("summit-schema explain: name a rule (validate --list-rules lists them)\n")
        return 2
    if options.rule not in RULES:
        close = closest_rule_ids(options.rule)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        sys.stderr.write(
            f"summit-schema explain: no rule {options.rule!r}{hint} "
            "(summit-schema validate --list-rules lists them)\n"
        )
        return 2
    if options.markdown:
        sys.stderr.write("summit-schema explain: --markdown prints the whole page; give no RULE with it\n")
        return 2
    sys.stdout.write(help_text(options.rule))
    return 0
