"""The corpora under tests/corpora/<kind>/ through the real binary: every message of a
folder is delivered in name order with `svar deliver` into a fresh desk, and the tickets as
`svar show --json` prints them (database ids and arrival times removed) must equal
tests/corpora/<kind>/tickets.expected.json.

Regenerate after a deliberate change, then review the diff:
    SVAR_REGEN=1 SVAR_BIN=build/svar /usr/bin/python3 tests/e2e/test_corpora.py
"""
import glob
import json
import os
import unittest

from svarlib import CORPORA, Desk

REGEN = os.environ.get("SVAR_REGEN") == "1"
# Values that depend on when the test ran or on row numbering, not on the mail.
VOLATILE = {"id", "created_at", "updated_at", "received_at", "url",
            "micros", "at"}  # triage: how long it took; routing decisions: when


def normalise(value):
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in sorted(value.items()) if k not in VOLATILE}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    return value


def corpus_tickets(kind):
    desk = Desk()
    try:
        for path in sorted(glob.glob(os.path.join(CORPORA, kind, "*.eml"))):
            with open(path, "rb") as f:
                desk.deliver(f.read())
        tickets = sorted(desk.tickets(), key=lambda t: t["ref"])
        out = []
        for t in tickets:
            detail = desk.show(t["ref"])
            if detail["last_message_at"] == detail["created_at"]:
                detail["last_message_at"] = None  # no Date header: arrival time
            out.append(normalise(detail))
        return out
    finally:
        desk.close()


class Corpora(unittest.TestCase):
    maxDiff = None

    def test_every_corpus_matches_expected(self):
        kinds = sorted(d for d in os.listdir(CORPORA)
                       if glob.glob(os.path.join(CORPORA, d, "*.eml")))
        self.assertGreaterEqual(len(kinds), 5, kinds)
        for kind in kinds:
            with self.subTest(kind=kind):
                got = corpus_tickets(kind)
                expected_path = os.path.join(CORPORA, kind, "tickets.expected.json")
                if REGEN:
                    with open(expected_path, "w", encoding="utf-8") as f:
                        json.dump(got, f, ensure_ascii=False, indent=1, sort_keys=True)
                        f.write("\n")
                    continue
                self.assertTrue(os.path.exists(expected_path),
                                "%s missing; run with SVAR_REGEN=1 and review it" % expected_path)
                with open(expected_path, encoding="utf-8") as f:
                    expected = json.load(f)
                self.assertEqual(got, expected, "corpus %s differs; if the change is intended, "
                                 "regenerate with SVAR_REGEN=1 and review the diff" % kind)


if __name__ == "__main__":
    unittest.main()
