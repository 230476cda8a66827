"""Intake end to end through the real binary: deliver and ingest, idempotency, errors a user
can act on, guards, quarantine and replay, and the public corpora when present."""
import glob
import json
import os
import sqlite3
import unittest

from svarlib import CORPORA, Desk, DeskTest, shared

SIMPLE = (b"From: Anna <anna@kunde.example>\r\nTo: support@desk.example\r\n"
          b"Subject: Hello\r\nMessage-ID: <simple-1@kunde.example>\r\n"
          b"Date: Mon, 02 Nov 2026 09:00:00 +0000\r\n\r\nMy printer is on fire.\r\n")


def db_rows(desk, sql):
    con = sqlite3.connect(os.path.join(desk.data, "svar.db"))
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


class Deliver(DeskTest):
    def test_same_message_twice_is_stored_once(self):
        self.desk.deliver(SIMPLE)
        p = self.desk.deliver(SIMPLE)
        self.assertIn(b"already taken in", p.stderr)
        tickets = self.desk.tickets()
        self.assertEqual(len(tickets), 1)
        self.assertEqual(tickets[0]["message_count"], 1)

    def test_same_message_by_another_route_is_stored_once(self):
        self.desk.deliver(SIMPLE)
        relayed = (b"Received: from mx2 by desk; Mon, 02 Nov 2026 09:00:05 +0000\r\n"
                   b"Delivered-To: support@desk.example\r\n" + SIMPLE.replace(b"\r\n", b"\n"))
        self.desk.deliver(relayed)
        self.assertEqual(self.desk.tickets()[0]["message_count"], 1)
        self.assertEqual(db_rows(self.desk, "SELECT COUNT(*) FROM raw_messages")[0][0], 1)

    def test_reused_message_id_with_other_content_is_kept(self):
        self.desk.deliver(SIMPLE)
        self.desk.deliver(SIMPLE.replace(b"on fire", b"fine again"))
        total = sum(t["message_count"] for t in self.desk.tickets())
        self.assertEqual(total, 2)

    def test_empty_stdin_is_a_data_error(self):
        p = self.desk.deliver(b"", check=False)
        self.assertEqual(p.returncode, 65)
        self.assertIn(b"no message on stdin", p.stderr)

    def test_garbage_is_kept_not_lost(self):
        p = self.desk.deliver(b"\x00\x01\x02 this is not mail at all \xff\xfe", check=False)
        self.assertEqual(p.returncode, 0, p.stderr)
        stored = db_rows(self.desk, "SELECT state FROM raw_messages")
        self.assertEqual(len(stored), 1)

    def test_show_json_has_contract_fields(self):
        self.desk.deliver(SIMPLE)
        t = self.desk.tickets()[0]
        for key in ("ref", "subject", "customer", "status", "created_at", "message_count"):
            self.assertIn(key, t)
        detail = self.desk.show(t["ref"])
        m = detail["messages"][0]
        for key in ("message_id", "from", "date", "subject", "text", "quoted", "attachments",
                    "guards"):
            self.assertIn(key, m)
        self.assertEqual(m["message_id"], "simple-1@kunde.example")
        self.assertEqual(m["from"], "anna@kunde.example")
        self.assertIn("printer is on fire", m["text"])

    def test_auto_reply_is_flagged(self):
        ooo = SIMPLE.replace(b"Subject: Hello", b"Subject: Out of office\r\nAuto-Submitted: auto-replied")
        self.desk.deliver(ooo)
        m = self.desk.show(self.desk.tickets()[0]["ref"])["messages"][0]
        self.assertTrue(m["guards"]["auto_reply"])
        self.assertFalse(m["guards"]["bounce"])

    def test_list_mail_is_flagged(self):
        self.desk.deliver(SIMPLE.replace(b"Subject: Hello", b"Subject: News\r\nList-Id: <news.example>"))
        m = self.desk.show(self.desk.tickets()[0]["ref"])["messages"][0]
        self.assertTrue(m["guards"]["list"])


class BadConfig(unittest.TestCase):
    def test_bad_value_names_file_line_key_and_allowed(self):
        desk = Desk('[desk]\naddresses = ["support@desk.example"]\n[server]\nport = "eighty"\n')
        try:
            p = desk.run("tickets", check=False)
            self.assertNotEqual(p.returncode, 0)
            err = p.stderr.decode()
            self.assertIn("svar.toml:4", err)
            self.assertIn("server.port must be a whole number", err)
            self.assertEqual(len(err.strip().splitlines()), 1, err)
            # For an MTA a configuration mistake is not worth retrying: EX_CONFIG.
            p = desk.deliver(SIMPLE, check=False)
            self.assertEqual(p.returncode, 78, p.stderr)
        finally:
            desk.close()

    def test_missing_config_file(self):
        desk = Desk()
        try:
            os.remove(desk.config)
            p = desk.run("tickets", check=False)
            self.assertNotEqual(p.returncode, 0)
            self.assertIn(b"cannot be read; check the path given to --config", p.stderr)
        finally:
            desk.close()


class TemporaryFailure(unittest.TestCase):
    def test_locked_database_gives_ex_tempfail_then_succeeds(self):
        desk = Desk('[desk]\naddresses = ["support@desk.example"]\n[storage]\nbusy_timeout_ms = 200\n')
        try:
            desk.deliver(SIMPLE)  # creates the database
            con = sqlite3.connect(os.path.join(desk.data, "svar.db"), isolation_level=None)
            con.execute("BEGIN IMMEDIATE")  # another writer holds the database
            p = desk.deliver(SIMPLE.replace(b"simple-1", b"simple-2"), check=False)
            self.assertEqual(p.returncode, 75, p.stderr)
            self.assertIn(b"retry", p.stderr)
            con.execute("ROLLBACK")
            con.close()
            desk.deliver(SIMPLE.replace(b"simple-1", b"simple-2"))
            self.assertEqual(sum(t["message_count"] for t in desk.tickets()), 2)
        finally:
            desk.close()


class Quarantine(unittest.TestCase):
    def test_oversized_message_is_quarantined_and_replayed(self):
        desk = Desk('[desk]\naddresses = ["support@desk.example"]\n[intake]\nmax_message_bytes = 1024\n')
        try:
            big = SIMPLE + b"x" * 4000 + b"\r\n"
            p = desk.deliver(big)
            self.assertIn(b"quarantine", p.stderr)
            q = desk.quarantine()
            self.assertEqual(len(q), 1)
            self.assertIn("intake.max_message_bytes", q[0]["reason"])
            self.assertEqual(desk.tickets(), [])
            raw = desk.run("quarantine", "raw", str(q[0]["id"])).stdout
            self.assertEqual(raw, big)
            with open(desk.config, "w") as f:
                f.write('[intake]\nmax_message_bytes = 100000\n')
            desk.run("quarantine", "replay")
            self.assertEqual(desk.quarantine(), [])
            self.assertEqual(len(desk.tickets()), 1)
        finally:
            desk.close()


class Ingest(DeskTest):
    def test_missing_path_is_one_clear_line(self):
        p = self.desk.run("ingest", "/no/such/path.eml", check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn(b"/no/such/path.eml", p.stderr)
        self.assertLessEqual(len(p.stderr.strip().splitlines()), 2)

    def test_not_mail_is_reported_and_exit_nonzero(self):
        path = os.path.join(self.desk.dir, "picture.png")
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
        good = os.path.join(self.desk.dir, "good.eml")
        with open(good, "wb") as f:
            f.write(SIMPLE)
        p = self.desk.run("ingest", "-q", path, good, check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn(b"picture.png", p.stderr)
        self.assertIn(b"not a mail message", p.stderr)
        self.assertEqual(len(self.desk.tickets()), 1)

    def test_mbox_and_maildir_and_directories(self):
        root = os.path.join(self.desk.dir, "import")
        os.makedirs(os.path.join(root, "Maildir", "cur"))
        os.makedirs(os.path.join(root, "Maildir", "new"))
        os.makedirs(os.path.join(root, "Maildir", "tmp"))
        for i, sub in enumerate(("cur", "new")):
            with open(os.path.join(root, "Maildir", sub, "m%d:2,S" % i), "wb") as f:
                f.write(SIMPLE.replace(b"simple-1", b"maildir-%d" % i).replace(b"Hello", b"Maildir %d" % i))
        with open(os.path.join(root, "Maildir", "tmp", "partial"), "wb") as f:
            f.write(SIMPLE.replace(b"simple-1", b"partial"))
        with open(os.path.join(root, "box.mbox"), "wb") as f:
            for i in range(3):
                f.write(b"From anna@kunde.example Mon Nov  2 09:00:00 2026\n")
                f.write(SIMPLE.replace(b"\r\n", b"\n").replace(b"simple-1", b"mbox-%d" % i)
                        .replace(b"Hello", b"Mbox %d" % i)
                        .replace(b"on fire.", b"on fire.\n>From the kitchen"))
                f.write(b"\n")
        self.desk.run("ingest", "-q", root)
        total = sum(t["message_count"] for t in self.desk.tickets())
        self.assertEqual(total, 5)
        refs = [t["ref"] for t in self.desk.tickets()]
        texts = [m["text"] for r in refs for m in self.desk.show(r)["messages"]]
        self.assertTrue(any("From the kitchen" in t and ">From" not in t for t in texts))

    def test_ingest_twice_is_idempotent(self):
        paths = sorted(glob.glob(os.path.join(CORPORA, "threading", "*.eml")))
        self.desk.run("ingest", "-q", *paths)
        before = self.desk.tickets()
        p = self.desk.run("ingest", "--json", *paths)
        self.assertEqual(self.desk.tickets(), before)
        summary = json.loads(p.stdout)
        self.assertEqual(summary["duplicates"], len(paths))
        self.assertEqual(summary["stored"], 0)

    def test_directory_with_a_stray_file_reports_it(self):
        p = self.desk.run("ingest", "-q", os.path.join(CORPORA, "threading"), check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"README.md: not a mail message", p.stderr)
        self.assertEqual(self.desk.tickets()[0]["message_count"], 4)


class PublicCorpora(DeskTest):
    def _check_all_stored(self, paths, expected):
        p = self.desk.run("ingest", "-q", "--json", *paths, check=False)
        summary = json.loads(p.stdout.decode().strip().splitlines()[-1])
        self.assertEqual(p.returncode, 0 if summary["not_mail"] == 0 else 1, p.stderr)
        quarantined = self.desk.quarantine()
        self.assertEqual(quarantined, [], "quarantined: %s" % quarantined[:5])
        raws = db_rows(self.desk, "SELECT COUNT(*), SUM(state = 'stored') FROM raw_messages")[0]
        msgs = db_rows(self.desk, "SELECT COUNT(*), COUNT(DISTINCT raw_id) FROM messages")[0]
        self.assertEqual(raws[0], raws[1])
        self.assertEqual(msgs[0], msgs[1])
        self.assertEqual(msgs[0], raws[0])
        self.assertEqual(summary["stored"] + summary["duplicates"], expected)
        return summary

    def test_spamassassin_every_message_stored_once(self):
        ham, spam = shared("spamassassin", "easy-ham-1"), shared("spamassassin", "spam-1")
        if not ham or not spam:
            self.skipTest("../shared/data/spamassassin not present")
        files = glob.glob(os.path.join(ham, "*")) + glob.glob(os.path.join(spam, "*"))
        files = [f for f in files if os.path.basename(f) != "LICENSE"]
        summary = self._check_all_stored([ham, spam], len(files))
        # Every text readable: valid UTF-8 was checked by JSON decoding; spot-check content.
        tickets = self.desk.tickets()
        self.assertGreater(len(tickets), 1000)
        self.assertEqual(summary["quarantined"], 0)

    def test_mime_torture_nothing_quarantined(self):
        root = shared("mime-torture", "enmime")
        if not root:
            self.skipTest("../shared/data/mime-torture not present")
        files = sorted(glob.glob(os.path.join(root, "**", "*.raw"), recursive=True))
        self.assertGreater(len(files), 50)
        # erroneous.raw is the line "// Not an RFC-822 Document": reported, not taken in.
        not_mail = [f for f in files if os.path.basename(f) == "erroneous.raw"]
        self._check_all_stored(files, len(files) - len(not_mail))
        for t in self.desk.tickets():
            for m in self.desk.show(t["ref"])["messages"]:
                m["text"].encode("utf-8")  # valid text


if __name__ == "__main__":
    unittest.main()
