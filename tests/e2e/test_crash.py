"""Crash test: `svar ingest` killed with SIGKILL at random moments and run again until it
finishes. Afterwards every message is stored exactly once, exactly as in a clean run."""
import os
import random
import signal
import sqlite3
import subprocess
import time
import unittest

from svarlib import SVAR, Desk, shared


def make_corpus(root, n=600):
    os.makedirs(root)
    for i in range(n):
        thread = i // 3
        extra = "In-Reply-To: <c%d-0@kunde.example>\r\n" % thread if i % 3 else ""
        body = ("Message %d of the crash corpus.\r\n" % i) * (1 + i % 20)
        with open(os.path.join(root, "%05d.eml" % i), "w") as f:
            f.write("From: c%d@kunde.example\r\nTo: support@desk.example\r\n"
                    "Subject: Crash test %d\r\nMessage-ID: <c%d-%d@kunde.example>\r\n%s"
                    "Date: Mon, 02 Nov 2026 09:00:00 +0000\r\n\r\n%s"
                    % (thread, thread, thread, i % 3, extra, body))


def snapshot(desk):
    con = sqlite3.connect(os.path.join(desk.data, "svar.db"))
    try:
        raws = con.execute("SELECT fingerprint, state FROM raw_messages").fetchall()
        msgs = con.execute("SELECT r.fingerprint, m.message_id FROM messages m "
                           "JOIN raw_messages r ON r.id = m.raw_id").fetchall()
        return raws, msgs
    finally:
        con.close()


class CrashDuringIngest(unittest.TestCase):
    def test_kill_and_rerun_stores_everything_exactly_once(self):
        ham, spam = shared("spamassassin", "easy-ham-1"), shared("spamassassin", "spam-1")
        work = Desk()
        clean = Desk()
        try:
            sources = [ham, spam] if ham and spam else []
            if not sources:
                sources = [os.path.join(work.dir, "corpus")]
                make_corpus(sources[0], 3000)
            started = time.monotonic()
            clean.run("ingest", "-q", *sources)
            clean_seconds = time.monotonic() - started
            clean_raws, clean_msgs = snapshot(clean)

            rng = random.Random(int(os.environ.get("SVAR_CRASH_SEED", "20261123")))
            kills = 0
            for attempt in range(40):
                cmd = [SVAR, "--data", work.data, "--config", work.config, "ingest", "-q", *sources]
                p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                if attempt < 8:
                    # Random moments within the time a whole clean run takes: the process
                    # dies while spooling, parsing or committing.
                    time.sleep(rng.uniform(0.02, 0.3 * clean_seconds))
                    if p.poll() is None:
                        p.send_signal(signal.SIGKILL)
                        kills += 1
                _, err = p.communicate(timeout=600)
                if p.returncode == 0:
                    break
                self.assertIn(p.returncode, (-signal.SIGKILL,), err.decode(errors="replace"))
            self.assertEqual(p.returncode, 0)
            self.assertGreaterEqual(kills, 3, "the process was killed %d times; the test proved "
                                    "too little" % kills)

            raws, msgs = snapshot(work)
            self.assertEqual(sorted(r[0] for r in raws), sorted(r[0] for r in clean_raws))
            self.assertTrue(all(state == "stored" for _, state in raws),
                            [r for r in raws if r[1] != "stored"][:5])
            self.assertEqual(len(msgs), len(set(fp for fp, _ in msgs)), "a message stored twice")
            self.assertEqual(sorted(msgs), sorted(clean_msgs))
        finally:
            work.close()
            clean.close()


if __name__ == "__main__":
    unittest.main()
