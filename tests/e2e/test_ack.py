"""Acknowledgements end to end against the REAL aiosmtpd sink started by
scripts/test-servers.sh: a new ticket's acknowledgement arrives with the RFC 3834 headers,
In-Reply-To, the reference in the subject, Content-Language, the ticket's language, the promised
time and public knowledge-base links; none for an auto-reply, a bounce, a list mail, spam or a
no-reply sender (each with its reason on the ticket); at most max_per_sender_per_day per sender;
`svar ingest` acknowledges only with --acknowledge; `svar serve` acknowledges tickets a crash
left pending; and two desks whose mail goes to each other through the sink stop after a small,
bounded number of mails, with well-behaved headers and with the headers stripped."""
import email
import email.policy
import email.utils
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

from svarlib import SOURCE, SVAR, Desk

SCRIPT = os.path.join(SOURCE, "scripts", "test-servers.sh")


def have_servers():
    if not shutil.which("dovecot"):
        return False
    p = subprocess.run(["/usr/bin/python3", "-c", "import aiosmtpd"], capture_output=True)
    return p.returncode == 0


NOW = email.utils.formatdate(time.time())

ARTICLES = {
    "da/spaer-kort.md": """---
slug: spaer-kort
locale: da
translation_group: block-card
title: Spær dit kort
category: cards
visibility: public
state: published
author: anna
---
Har du mistet dit kort, skal det spærres hurtigst muligt.

## Spær kortet i appen

Åbn appen, vælg **Kort** og tryk på **Spær kort**. Kortet er spærret med det samme, og et nyt
kort bliver sendt til dig inden for fem hverdage.
""",
    "da/nyt-kort.md": """---
slug: nyt-kort
locale: da
translation_group: new-card
title: Bestil et nyt kort
category: cards
visibility: public
state: published
author: anna
---
Et nyt kort bestilles i appen under **Kort**. Det koster ikke noget at få et nyt kort, når
det gamle er mistet eller stjålet.
""",
    "da/intern-spaerring.md": """---
slug: intern-spaerring
locale: da
translation_group: internal-block
title: Intern vejledning om spærring af mistet kort
category: cards
visibility: internal
state: published
author: anna
---
Kun for medarbejdere: spær kortet i kernesystemet, når kunden har mistet sit kort.
""",
}

DANISH = ("Hej,\n\nJeg har mistet mit kort i går aftes og kan ikke finde det nogen steder. "
          "Kan I spærre mit kort hurtigst muligt og sende mig et nyt kort? Jeg er bange for, "
          "at nogen bruger det.\n\nVenlig hilsen\nSøren\n")
ENGLISH = ("Hello,\n\nI would like to know whether you can help me with my order. It has not "
           "arrived yet and I am starting to wonder where it is.\n\nBest regards\nPat\n")


def mail(frm, subject, body=DANISH, extra="", to="support@desk.example", mid=None,
         date=None):
    mid = mid or email.utils.make_msgid(domain="kunde.example")
    return ("From: %s\r\nTo: %s\r\nSubject: %s\r\nMessage-ID: %s\r\nDate: %s\r\n%s"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n%s"
            % (frm, to, subject, mid, date or NOW, extra, body.replace("\n", "\r\n"))).encode()


@unittest.skipUnless(have_servers(), "dovecot or python3-aiosmtpd is not installed "
                                     "(scripts/install-deps.sh)")
class Acknowledgement(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.servers = tempfile.mkdtemp(prefix="svar-ack-")
        os.chmod(cls.servers, 0o777)
        base = 27000 + os.getpid() % 1000
        cls.smtp_port = base + 1000
        cls.imap_port = base
        env = dict(os.environ, IMAP_PORT=str(base), IMAPS_PORT=str(base + 2000),
                   SMTP_PORT=str(cls.smtp_port))
        subprocess.run([SCRIPT, "start", cls.servers], check=True, env=env, capture_output=True)
        cls.sink = os.path.join(cls.servers, "smtp-maildir")

    @classmethod
    def tearDownClass(cls):
        subprocess.run([SCRIPT, "stop", cls.servers], capture_output=True)
        shutil.rmtree(cls.servers, ignore_errors=True)

    def setUp(self):
        self.seen = set()  # sink files already read

    def desk(self, address="support@desk.example", prefix="SV", extra="", smtp=True):
        d = Desk("""
[desk]
name = "Svar Kundeservice"
addresses = ["%s"]
ref_prefix = "%s"
public_url = "https://help.desk.example/"
[outbox]
%s
backoff_base_seconds = 1
timeout_seconds = 10
%s
""" % (address, prefix, 'smtp_url = "smtp://127.0.0.1:%d"' % self.smtp_port if smtp else "",
       extra))
        self.addCleanup(d.close)
        return d

    def new_sink_messages(self):
        """Messages that reached the sink since the last call, parsed."""
        out = []
        for sub in ("new", "cur"):
            path = os.path.join(self.sink, sub)
            if not os.path.isdir(path):
                continue
            for name in sorted(os.listdir(path)):
                if name in self.seen:
                    continue
                self.seen.add(name)
                with open(os.path.join(path, name), "rb") as f:
                    out.append(email.message_from_binary_file(f, policy=email.policy.default))
        return out

    def send(self, desk):
        desk.run("outbox", "run", "--once")

    def db(self, desk, sql, *args):
        con = sqlite3.connect(os.path.join(desk.data, "svar.db"))
        try:
            rows = con.execute(sql, args).fetchall()
            con.commit()
            return rows
        finally:
            con.close()

    def skipped(self, desk):
        return [r[0] for r in self.db(desk, "SELECT detail FROM ticket_events WHERE kind = "
                                            "'acknowledgement_skipped' ORDER BY id")]

    def import_articles(self, desk):
        root = os.path.join(desk.dir, "kb")
        for rel, text in ARTICLES.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(text)
        desk.run("kb", "import", root)

    def test_new_ticket_is_acknowledged(self):
        desk = self.desk()
        self.new_sink_messages()
        self.import_articles(desk)
        p = desk.deliver(mail("Søren Ærø <soren@kunde.example>", "Mistet kort",
                              mid="<kort1@kunde.example>"))
        self.assertIn(b"acknowledgement queued", p.stderr)
        self.send(desk)
        got = self.new_sink_messages()
        self.assertEqual(len(got), 1)
        m = got[0]
        self.assertEqual(m["To"].addresses[0].addr_spec, "soren@kunde.example")
        self.assertEqual(str(m["Auto-Submitted"]), "auto-replied")
        self.assertEqual(str(m["X-Auto-Response-Suppress"]), "All")
        self.assertIsNone(m["Precedence"])
        self.assertEqual(m["In-Reply-To"].strip(), "<kort1@kunde.example>")
        self.assertIn("[#SV-1000]", str(m["Subject"]))
        self.assertIn("Mistet kort", str(m["Subject"]))
        self.assertEqual(str(m["Content-Language"]), "da")
        body = m.get_body(("plain",)).get_content()
        self.assertTrue(body.startswith("Hej Søren Ærø"), body)
        self.assertIn("sagsnummeret SV-1000", body)
        # The promise in Danish words and a clock time or a duration.
        self.assertRegex(body, r"Du kan forvente et svar fra os (inden for cirka \d+ "
                               r"(minutter|timer)|en time|i dag inden kl\. \d\d\.\d\d|i morgen "
                               r"inden kl\. \d\d\.\d\d|på \w+ inden kl\. \d\d\.\d\d)")
        # Public links with their passage; never the internal article.
        self.assertIn("https://help.desk.example/api/v1/kb/public/articles/da/spaer-kort", body)
        self.assertIn("Spær dit kort", body)
        self.assertIn("Spær kort", body)  # from the passage
        self.assertNotIn("intern", body.lower())
        self.assertEqual(self.db(desk, "SELECT ack_state FROM tickets"), [("queued",)])
        # The acknowledgement is in the ticket's thread and is not its first response.
        self.assertEqual(self.db(desk, "SELECT first_response_at FROM tickets"), [(None,)])
        # A second mail in the same ticket is not acknowledged again.
        p = desk.deliver(mail("soren@kunde.example", "Re: [#SV-1000] Mistet kort",
                              extra="In-Reply-To: <kort1@kunde.example>\r\n"))
        self.assertNotIn(b"acknowledgement", p.stderr)
        self.send(desk)
        self.assertEqual(self.new_sink_messages(), [])

    def test_never_acknowledged(self):
        desk = self.desk()
        self.new_sink_messages()
        bounce = ("From: Mail Delivery System <MAILER-DAEMON@mx.kunde.example>\r\n"
                  "To: support@desk.example\r\nSubject: Undelivered Mail Returned to Sender\r\n"
                  "Message-ID: <bounce1@mx.kunde.example>\r\nDate: %s\r\nMIME-Version: 1.0\r\n"
                  "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n"
                  "\r\n--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
                  "--b\r\nContent-Type: message/delivery-status\r\n\r\n"
                  "Reporting-MTA: dns; mx.kunde.example\r\n\r\nFinal-Recipient: rfc822; "
                  "x@kunde.example\r\nAction: failed\r\nStatus: 5.1.1\r\n--b--\r\n" % NOW).encode()
        cases = [
            (mail("ooo@kunde.example", "Fraværende: Mistet kort",
                  extra="Auto-Submitted: auto-replied\r\n"), "auto_reply"),
            (bounce, "bounce"),
            (mail("liste@kunde.example", "Nyhedsbrev", extra="List-Id: <news.kunde.example>\r\n"),
             "list"),
            (mail("spammer@kunde.example", "Billige kort", extra="X-Spam-Flag: YES\r\n"), "spam"),
            (mail("noreply@shop.example", "Din ordre"), "no_reply_sender"),
            (mail("gammel@kunde.example", "Gammel mail",
                  date="Mon, 02 Nov 2026 09:00:00 +0000"), "too_old"),
        ]
        for raw, _ in cases:
            desk.deliver(raw)
        self.send(desk)
        self.assertEqual(self.new_sink_messages(), [])
        self.assertEqual(self.db(desk, "SELECT COUNT(*) FROM outbox"), [(0,)])
        reasons = self.skipped(desk)
        self.assertEqual([r.split(":")[0] for r in reasons], [want for _, want in cases])
        self.assertIn("Auto-Submitted: auto-replied", reasons[0])
        self.assertEqual(self.db(desk, "SELECT DISTINCT ack_state FROM tickets"), [("skipped",)])

    def test_rate_limit_per_sender(self):
        desk = self.desk(extra="[acknowledgement]\nmax_per_sender_per_day = 3\n")
        self.new_sink_messages()
        for i in range(5):
            desk.deliver(mail("ivrig@kunde.example", "Spørgsmål nummer %d" % i))
        desk.deliver(mail("rolig@kunde.example", "Et andet spørgsmål"))
        self.send(desk)
        got = self.new_sink_messages()
        to = sorted(m["To"].addresses[0].addr_spec for m in got)
        self.assertEqual(to, ["ivrig@kunde.example"] * 3 + ["rolig@kunde.example"])
        reasons = self.skipped(desk)
        self.assertEqual(len(reasons), 2)
        for r in reasons:
            self.assertTrue(r.startswith("rate_limit: 3 acknowledgements to ivrig@kunde.example"),
                            r)

    def test_ingest_acknowledges_only_when_asked(self):
        desk = self.desk()
        self.new_sink_messages()
        archive = os.path.join(desk.dir, "archive")
        os.makedirs(archive)
        for i, (frm, date) in enumerate([("a@kunde.example", None), ("b@kunde.example", None),
                                         ("c@kunde.example", "Mon, 02 Nov 2026 09:00:00 +0000")]):
            with open(os.path.join(archive, "%d.eml" % i), "wb") as f:
                f.write(mail(frm, "Arkiv %d" % i, date=date))
        desk.run("ingest", "-q", archive)
        self.send(desk)
        self.assertEqual(self.new_sink_messages(), [])
        self.assertEqual(len(self.skipped(desk)), 3)
        self.assertIn("without --acknowledge", self.skipped(desk)[0])

        desk2 = self.desk()
        desk2.run("ingest", "-q", "--acknowledge", archive)
        self.send(desk2)
        to = sorted(m["To"].addresses[0].addr_spec for m in self.new_sink_messages())
        self.assertEqual(to, ["a@kunde.example", "b@kunde.example"])  # c's mail is too old
        self.assertTrue(self.skipped(desk2)[0].startswith("too_old"))

    def test_serve_acknowledges_tickets_left_pending(self):
        # A ticket committed by a process that died before acknowledging it: pending, no mail.
        desk = self.desk()
        self.new_sink_messages()
        desk.deliver(mail("soren@kunde.example", "Mistet kort"))
        self.db(desk, "DELETE FROM ticket_events WHERE kind = 'acknowledgement'")
        self.db(desk, "DELETE FROM outbox")
        self.db(desk, "DELETE FROM messages WHERE direction = 'out'")
        self.db(desk, "UPDATE tickets SET ack_state = 'pending'")
        with open(desk.config, "a") as f:
            f.write("[server]\nport = 0\n")
        proc = subprocess.Popen([SVAR, "--data", desk.data, "--config", desk.config, "serve",
                                 "--no-fetch"], stderr=subprocess.DEVNULL)
        try:
            got = []
            deadline = time.time() + 30
            while time.time() < deadline and not got:
                time.sleep(0.3)
                got = self.new_sink_messages()
            self.assertEqual(len(got), 1)
            self.assertEqual(str(got[0]["Auto-Submitted"]), "auto-replied")
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
        self.assertEqual(self.db(desk, "SELECT ack_state FROM tickets"), [("queued",)])

    def test_imap_fetch_acknowledges(self):
        desk = self.desk(address="agent@example.com", extra="""
[[mailbox]]
name = "support"
address = "agent@example.com"
imap_url = "imap://127.0.0.1:%d/INBOX"
username = "agent@example.com"
password = "secret"
allow_plaintext = true
timeout_seconds = 10
""" % self.imap_port)
        self.new_sink_messages()
        path = os.path.join(self.servers, "seed-ack-%d.eml" % time.time_ns())
        with open(path, "wb") as f:
            f.write(mail("Nils <nils@kunde.example>", "Hjelp med kortet", to="agent@example.com",
                         mid="<imap-ack@kunde.example>"))
        os.chmod(path, 0o644)
        subprocess.run([SCRIPT, "seed", self.servers, "agent@example.com", path], check=True,
                       capture_output=True)
        desk.run("fetch")
        self.send(desk)
        got = self.new_sink_messages()
        self.assertEqual([m["To"].addresses[0].addr_spec for m in got], ["nils@kunde.example"])
        self.assertEqual(got[0]["In-Reply-To"].strip(), "<imap-ack@kunde.example>")
        # Fetched again (nothing new): nothing more.
        desk.run("fetch")
        self.send(desk)
        self.assertEqual(self.new_sink_messages(), [])

    def test_admin_edits_the_texts(self):
        desk = self.desk()
        self.new_sink_messages()
        admin = desk.run("token", "create", "admin").stdout.decode().strip()
        agent = desk.run("token", "create", "anna", "--role", "agent").stdout.decode().strip()
        with open(desk.config, "a") as f:
            f.write("[server]\nport = 0\n")
        proc = subprocess.Popen([SVAR, "--data", desk.data, "--config", desk.config, "serve",
                                 "--no-fetch"], stderr=subprocess.PIPE)
        try:
            port = None
            deadline = time.time() + 30
            while time.time() < deadline and port is None:
                line = proc.stderr.readline()
                if b"serving on http://" in line:
                    port = int(line.split(b":")[-1].split(b" ")[0].split(b"/")[0])
            self.assertIsNotNone(port)

            def call(method, path, body=None, token=admin):
                req = urllib.request.Request(
                    "http://127.0.0.1:%d%s" % (port, path), method=method,
                    data=json.dumps(body).encode() if body is not None else None,
                    headers={"Authorization": "Bearer " + token,
                             "Content-Type": "application/json"})
                try:
                    with urllib.request.urlopen(req) as r:
                        return r.status, json.load(r)
                except urllib.error.HTTPError as e:
                    return e.code, json.load(e)

            status, got = call("GET", "/api/v1/acknowledgement/texts/da")
            self.assertEqual(status, 200)
            self.assertFalse(got["custom"])
            self.assertIn("{ref}", got["body"])
            self.assertEqual(call("GET", "/api/v1/acknowledgement/texts/da", token=agent)[0], 403)
            self.assertEqual(call("GET", "/api/v1/acknowledgement/texts/de")[0], 404)
            status, err = call("PUT", "/api/v1/acknowledgement/texts/da",
                               {"subject": "Tak", "body": "Sag {ref}, svar {promise}, {agent}"})
            self.assertEqual(status, 400)
            self.assertIn("{agent}", err["error"]["message"])
            status, err = call("PUT", "/api/v1/acknowledgement/texts/da",
                               {"subject": "Tak", "body": "Sag {ref}."})
            self.assertEqual(status, 400)
            self.assertIn("{promise}", err["error"]["message"])
            mine = {"subject": "Tak for din mail om {subject}",
                    "body": "Kære {name}\n\nVi har din sag som {ref} og svarer {promise}.\n"}
            status, got = call("PUT", "/api/v1/acknowledgement/texts/da", mine)
            self.assertEqual(status, 200)
            self.assertTrue(got["custom"])
            self.assertEqual(got["body"], mine["body"])
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
            proc.stderr.close()
        # The next acknowledgement uses the admin's text.
        desk.deliver(mail("Søren <soren@kunde.example>", "Mistet kort"))
        self.send(desk)
        got = self.new_sink_messages()
        self.assertEqual(len(got), 1)
        self.assertIn("Tak for din mail om Mistet kort", str(got[0]["Subject"]))
        body = got[0].get_body(("plain",)).get_content()
        self.assertTrue(body.startswith("Kære Søren\n\nVi har din sag som SV-1000 og svarer "),
                        body)
        self.assertNotIn("{", body)

    # The two-desk loop --------------------------------------------------------------------

    def run_loop(self, strip):
        """Desk A and desk B send each other's mail through the sink until it is quiet. One mail
        from B's address to A starts it. `strip` removes headers from every mail on its way, as
        a peer or a relay that drops them would. Returns the number of mails the desks sent."""
        a = self.desk("support@a.example", "AA")
        b = self.desk("support@b.example", "BB")
        self.new_sink_messages()
        a.deliver(mail("support@b.example", "Hello from B", ENGLISH, to="support@a.example"))
        sent = 0
        for _ in range(50):
            self.send(a)
            self.send(b)
            got = self.new_sink_messages()
            if not got:
                return sent
            sent += len(got)
            for m in got:
                to = m["To"].addresses[0].addr_spec
                subject = str(m["Subject"])
                for h in strip:
                    del m[h]
                if "Subject" in strip:  # the reference tags go, the words stay
                    m["Subject"] = re.sub(r"\[#[A-Z]+-\d+\]\s*", "", subject)
                raw = m.as_bytes(policy=email.policy.SMTP)
                (a if to == "support@a.example" else b).deliver(raw)
        self.fail("the desks did not stop writing to each other")

    def test_two_desks_well_behaved(self):
        # B sees Auto-Submitted on A's acknowledgement and does not answer it.
        self.assertEqual(self.run_loop(strip=[]), 1)

    def test_two_desks_auto_submitted_stripped(self):
        # B acknowledges A's acknowledgement (a new ticket for B); B's acknowledgement threads
        # into A's ticket by In-Reply-To, so A does not answer again.
        self.assertEqual(self.run_loop(strip=["Auto-Submitted", "X-Auto-Response-Suppress"]), 2)

    def test_two_desks_everything_stripped(self):
        # Every mail opens a new ticket on the other side: the per-sender limit (3 a day on
        # each desk) is what stops it: 2 x 3 acknowledgements.
        n = self.run_loop(strip=["Auto-Submitted", "X-Auto-Response-Suppress", "In-Reply-To",
                                 "References", "Subject"])
        self.assertEqual(n, 6)


if __name__ == "__main__":
    unittest.main()
