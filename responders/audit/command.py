"""`responders audit replies`: one JSON object per stored owner reply, a French summary on stderr."""

from __future__ import annotations

import argparse
import json
import sys

from responders.audit.replies import audit_replies, summary_line
from responders.cli.jsonl import open_output
from responders.store.engine import make_engine, session_scope


def run_replies(args: argparse.Namespace) -> int:
    engine = make_engine(args.db)
    try:
        with session_scope(engine) as session:
            audits = audit_replies(session)
    finally:
        engine.dispose()
    with open_output(args.output) as out:
        for audit in audits:
            out.write(json.dumps(audit.to_dict(), ensure_ascii=False) + "\n")
    print(summary_line(audits), file=sys.stderr)  # noqa: T201
    return 0
