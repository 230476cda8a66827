"""The outbox end to end: `svar reply` queues, `svar outbox run` sends to the REAL aiosmtpd
sink started by scripts/test-servers.sh (mail lands in DIR/smtp-maildir/new). Checks the
headers and MIME with Python's email package, that the customer's answer threads back into the
same ticket, transient and permanent failures (a port nobody listens on), the sendmail
transport, and a SIGKILL while sending: every reply reaches the sink at least once and at most
twice, and a duplicate carries the same Message-ID."""
import email
import email.policy
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import unittest

from svarlib import SOURCE, Desk

SCRIPT = os.path.join(SOURCE, "scripts", "test-servers.sh")


def have_servers():
    if not shutil.which("dovecot"):
        return False
    p = subprocess.run(["/usr/bin/python3", "-c", "import aiosmtpd"], capture_output=True)
    return p.returncode == 0


def free_port():
    """A port nobody listens on (bound, then closed again)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def customer_mail(i, subject="Mit kort er væk", extra=""):
    return ("From: Søren Ærø <kunde%d@kunde.example>\r\nTo: support@desk.example\r\n"
            "Subject: %s\r\nMessage-ID: <c%d@kunde.example>\r\n"
            "In-Reply-To: <root%d@kunde.example>\r\nReferences: <root%d@kunde.example>\r\n"
            "Date: Mon, 02 Nov 2026 09:00:00 +0000\r\n%s"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            "Hjælp, mit kort er væk!\r\n" % (i, subject, i, i, i, extra)).encode()


DANISH_CHINESE = ("Hej Søren,\n\nVi har spærret dit kort, og et nyt er på vej.\n"
                  "您的新卡已经寄出，请注意查收。\n\nVenlig hilsen\nAnna\n")


@unittest.skipUnless(have_servers(), "dovecot or python3-aiosmtpd is not installed "
                                     "(scripts/install-deps.sh)")
class Outbox(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.servers = tempfile.mkdtemp(prefix="svar-outbox-")
        os.chmod(cls.servers, 0o777)
        base = 24000 + os.getpid() % 1000
        cls.smtp_port = base + 1000
        env = dict(os.environ, IMAP_PORT=str(base), IMAPS_PORT=str(base + 2000),
                   SMTP_PORT=str(cls.smtp_port))
        subprocess.run([SCRIPT, "start", cls.servers], check=True, env=env, capture_output=True)
        cls.sink = os.path.join(cls.servers, "smtp-maildir")

    @classmethod
    def tearDownClass(cls):
        subprocess.run([SCRIPT, "stop", cls.servers], capture_output=True)
        shutil.rmtree(cls.servers, ignore_errors=True)

    def desk(self, smtp_url=None, extra=""):
        d = Desk("""
[desk]
name = "Svar Kundeservice"
addresses = ["support@desk.example"]
[outbox]
smtp_url = "%s"
backoff_base_seconds = 1
backoff_max_seconds = 2
timeout_seconds = 10
%s
""" % (smtp_url or "smtp://127.0.0.1:%d" % self.smtp_port, extra))
        self.addCleanup(d.close)
        return d

    def sink_messages(self):
        """Every message in the sink, parsed, as (Message-ID, message)."""
        out = []
        for sub in ("new", "cur"):
            path = os.path.join(self.sink, sub)
            if not os.path.isdir(path):
                continue
            for name in os.listdir(path):
                try:
                    with open(os.path.join(path, name), "rb") as f:
                        m = email.message_from_binary_file(f, policy=email.policy.default)
                except FileNotFoundError:
                    continue
                out.append((str(m["Message-ID"]).strip(), m))
        return out

    def sink_count(self):
        path = os.path.join(self.sink, "new")
        return len(os.listdir(path)) if os.path.isdir(path) else 0

    def outbox(self, desk):
        out = desk.run("outbox", "--json").stdout.decode()
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    def reply(self, desk, ref, text, *args):
        p = desk.run("reply", ref, "--text", "-", "--author", "anna@desk.example", "--json",
                     *args, input=text.encode())
        return json.loads(p.stdout)

    def events(self, desk, kind):
        db = sqlite3.connect(os.path.join(desk.data, "svar.db"))
        try:
            return db.execute("SELECT detail, actor FROM ticket_events WHERE kind = ?",
                              (kind,)).fetchall()
        finally:
            db.close()

    def test_reply_headers_mime_and_threading(self):
        desk = self.desk()
        desk.deliver(customer_mail(1))
        ref = desk.tickets()[0]["ref"]
        attachment = os.path.join(desk.dir, "kvittering æøå.pdf")
        pdf = b"%PDF-1.4\n\x00\x01\xff binary receipt"
        with open(attachment, "wb") as f:
            f.write(pdf)
        queued = self.reply(desk, ref, DANISH_CHINESE, "--attach", attachment)
        self.assertEqual(queued["ticket"], ref)
        self.assertTrue(queued["message_id"].endswith("@desk.example"))
        rows = self.outbox(desk)
        self.assertEqual([r["state"] for r in rows], ["queued"])

        p = desk.run("outbox", "run", "--once")
        self.assertIn(b"1 sent", p.stderr)
        self.assertEqual([r["state"] for r in self.outbox(desk)], ["sent"])

        found = [m for mid, m in self.sink_messages() if mid == "<%s>" % queued["message_id"]]
        self.assertEqual(len(found), 1)
        m = found[0]
        self.assertEqual(m["In-Reply-To"].strip(), "<c1@kunde.example>")
        self.assertEqual(m["References"].split(), ["<root1@kunde.example>", "<c1@kunde.example>"])
        self.assertEqual(str(m["Subject"]), "Re: [#%s] Mit kort er væk" % ref)
        self.assertEqual(m["Reply-To"].addresses[0].addr_spec, "support@desk.example")
        self.assertEqual(m["From"].addresses[0].display_name, "Svar Kundeservice")
        self.assertEqual(m["To"].addresses[0].addr_spec, "kunde1@kunde.example")
        self.assertEqual(m["To"].addresses[0].display_name, "Søren Ærø")
        self.assertIsNotNone(m["Date"].datetime)
        body = m.get_body(preferencelist=("plain",))
        self.assertEqual(body.get_content().replace("\r\n", "\n"), DANISH_CHINESE)
        atts = list(m.iter_attachments())
        self.assertEqual(len(atts), 1)
        self.assertEqual(atts[0].get_filename(), "kvittering æøå.pdf")
        self.assertEqual(atts[0].get_content_type(), "application/pdf")
        self.assertEqual(atts[0].get_content(), pdf)

        # The reply is in the thread, and the first response is on the record.
        shown = desk.show(ref)
        self.assertEqual([x["direction"] for x in shown["messages"]], ["in", "out"])
        self.assertEqual(self.events(desk, "agent_reply")[0][1], "anna@desk.example")

        # The customer answers; the client keeps In-Reply-To but drops the subject tag.
        desk.deliver(("From: kunde1@kunde.example\r\nTo: support@desk.example\r\n"
                      "Subject: Re: Mit kort\r\nMessage-ID: <c1-answer@kunde.example>\r\n"
                      "In-Reply-To: <%s>\r\n\r\nTak!\r\n" % queued["message_id"]).encode())
        self.assertEqual(len(desk.tickets()), 1)
        self.assertEqual([x["direction"] for x in desk.show(ref)["messages"]],
                         ["in", "out", "in"])

    def test_unreachable_server_is_transient_then_failed_with_a_ticket_note(self):
        dead = "smtp://127.0.0.1:%d" % free_port()
        desk = self.desk(dead, "max_attempts = 2")
        desk.deliver(customer_mail(2))
        ref = desk.tickets()[0]["ref"]
        self.reply(desk, ref, "Hej")
        p = desk.run("outbox", "run", "--once", check=False)
        self.assertEqual(p.returncode, 75, p.stderr)  # EX_TEMPFAIL: waiting to retry
        row = self.outbox(desk)[0]
        self.assertEqual((row["state"], row["attempts"]), ("queued", 1))
        self.assertIn("127.0.0.1", row["last_error"])
        self.assertEqual(self.events(desk, "outbox_failed"), [])
        time.sleep(2.1)  # the back-off (at most 2 s here)
        p = desk.run("outbox", "run", "--once", check=False)
        self.assertEqual(p.returncode, 1, p.stderr)
        row = self.outbox(desk)[0]
        self.assertEqual((row["state"], row["attempts"]), ("failed", 2))
        notes = self.events(desk, "outbox_failed")
        self.assertEqual(len(notes), 1)
        self.assertIn(row["message_id"], notes[0][0])
        self.assertIn("gave up after 2 attempts", notes[0][0])
        listing = desk.run("outbox").stdout.decode()
        self.assertIn("failed", listing)

        # Retry after the server is back: the same Message-ID is delivered.
        with open(desk.config) as f:
            fixed = f.read().replace(dead, "smtp://127.0.0.1:%d" % self.smtp_port)
        with open(desk.config, "w") as f:
            f.write(fixed)
        desk.run("outbox", "retry", str(row["id"]))
        desk.run("outbox", "run", "--once")
        self.assertEqual(self.outbox(desk)[0]["state"], "sent")
        ids = [mid for mid, _ in self.sink_messages()]
        self.assertEqual(ids.count("<%s>" % row["message_id"]), 1)

    def test_permanent_refusal_fails_at_once(self):
        # aiosmtpd refuses a recipient address with no domain part with 553 (a 5xx).
        desk = self.desk()
        desk.deliver(customer_mail(3))
        ref = desk.tickets()[0]["ref"]
        db = sqlite3.connect(os.path.join(desk.data, "svar.db"))
        self.reply(desk, ref, "Hej")
        db.execute("UPDATE outbox SET recipients_json = '[\"bad address@\"]'")
        db.commit()
        db.close()
        p = desk.run("outbox", "run", "--once", check=False)
        self.assertEqual(p.returncode, 1, p.stderr)
        row = self.outbox(desk)[0]
        self.assertEqual((row["state"], row["attempts"]), ("failed", 1))
        self.assertRegex(row["last_error"], r"SMTP 5\d\d")
        self.assertEqual(len(self.events(desk, "outbox_failed")), 1)

    def test_sendmail_transport(self):
        out = os.path.join(tempfile.mkdtemp(prefix="svar-sendmail-"), "mail.eml")
        self.addCleanup(shutil.rmtree, os.path.dirname(out), True)
        desk = Desk("""
[desk]
addresses = ["support@desk.example"]
[outbox]
sendmail = "cat > %s"
""" % out)
        self.addCleanup(desk.close)
        desk.deliver(customer_mail(4))
        queued = self.reply(desk, desk.tickets()[0]["ref"], "Здравствуйте! Карта заблокирована.")
        desk.run("outbox", "run", "--once")
        with open(out, "rb") as f:
            raw = f.read()
        self.assertNotIn(b"\r\n", raw)  # local line ends for sendmail
        m = email.message_from_bytes(raw, policy=email.policy.default)
        self.assertEqual(str(m["Message-ID"]), "<%s>" % queued["message_id"])
        self.assertEqual(m.get_body().get_content().strip(), "Здравствуйте! Карта заблокирована.")

    def test_serve_sends_queued_mail_by_itself(self):
        desk = self.desk(extra="poll_seconds = 1\n[server]\nport = 0")
        desk.deliver(customer_mail(5))
        ref = desk.tickets()[0]["ref"]
        proc = subprocess.Popen([desk_bin(), "--data", desk.data, "--config", desk.config,
                                 "serve", "--no-fetch"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            queued = self.reply(desk, ref, "Hej fra serve")
            want = "<%s>" % queued["message_id"]
            deadline = time.time() + 30
            while time.time() < deadline:
                if want in [mid for mid, _ in self.sink_messages()]:
                    break
                time.sleep(0.1)
            self.assertIn(want, [mid for mid, _ in self.sink_messages()])
        finally:
            proc.send_signal(signal.SIGTERM)
            _, err = proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, 0, err[-2000:])
        self.assertIn(b"outbox: sending through smtp://", err)
        self.assertEqual(self.outbox(desk)[0]["state"], "sent")

    def test_kill_while_sending_loses_nothing_and_duplicates_at_most_once(self):
        n = 200
        desk = self.desk(extra="batch_size = 50")
        inbox = os.path.join(desk.dir, "inbox")
        os.makedirs(inbox)
        for i in range(n):
            with open(os.path.join(inbox, "m%03d.eml" % i), "wb") as f:
                f.write(customer_mail(1000 + i, subject="Spørgsmål %d" % i))
        desk.run("ingest", "-q", inbox)
        refs = [t["ref"] for t in desk.tickets()]
        self.assertEqual(len(refs), n)
        for ref in refs:
            desk.run("reply", ref, "--text", "-", input=("Svar på %s: tak!" % ref).encode())
        expected = {r["message_id"] for r in self.outbox(desk)}
        self.assertEqual(len(expected), n)

        before = {mid for mid, _ in self.sink_messages()}
        start = self.sink_count()
        cmd = [desk_bin(), "--data", desk.data, "--config", desk.config, "outbox", "run", "--once"]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while self.sink_count() - start < n // 3 and time.time() < deadline and proc.poll() is None:
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        self.assertEqual(proc.returncode, -signal.SIGKILL, "svar finished before it was killed")
        mid_way = self.sink_count() - start
        self.assertLess(mid_way, n)
        states = [r["state"] for r in self.outbox(desk)]
        self.assertGreater(states.count("sending"), 0)  # killed with mail in flight

        desk.run("outbox", "run", "--once")
        self.assertEqual({r["state"] for r in self.outbox(desk)}, {"sent"})
        delivered = [mid.strip("<>") for mid, _ in self.sink_messages()
                     if mid.strip("<>") in expected and mid not in before]
        counts = {mid: delivered.count(mid) for mid in expected}
        self.assertEqual(min(counts.values()), 1, "a reply was lost")
        self.assertLessEqual(max(counts.values()), 2, "a reply was sent more than twice")
        dups = sum(1 for c in counts.values() if c == 2)
        print("\nkill while sending: %d of %d in the sink at the kill, %d duplicate(s)"
              % (mid_way, n, dups))


def aiosmtpd_here():
    try:
        import aiosmtpd.controller  # noqa: F401
        return True
    except ImportError:
        return False


@unittest.skipUnless(have_servers() and aiosmtpd_here(),
                     "dovecot or python3-aiosmtpd is not installed (scripts/install-deps.sh)")
class TlsAndAuth(unittest.TestCase):
    """A real aiosmtpd server in this process that insists on STARTTLS and AUTH (and one that
    speaks SMTPS), with the self-signed certificate of scripts/test-servers.sh as the CA."""

    @classmethod
    def setUpClass(cls):
        import ssl
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        cls.servers = tempfile.mkdtemp(prefix="svar-outbox-tls-")
        os.chmod(cls.servers, 0o777)
        base = 27000 + os.getpid() % 1000
        env = dict(os.environ, IMAP_PORT=str(base), IMAPS_PORT=str(base + 1),
                   SMTP_PORT=str(base + 2))
        subprocess.run([SCRIPT, "start", cls.servers], check=True, env=env, capture_output=True)
        cls.plain_port = base + 2  # the sink: no STARTTLS, no AUTH
        cls.ca = os.path.join(cls.servers, "tls", "cert.pem")
        key = os.path.join(cls.servers, "tls", "key.pem")
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(cls.ca, key)
        cls.received = []

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                login = session.auth_data.login if session.authenticated else None
                cls.received.append({"tls": session.ssl is not None,
                                     "login": login,
                                     "rcpt": list(envelope.rcpt_tos),
                                     "data": envelope.content})
                return "250 OK"

        def auth(server, session, envelope, mechanism, data):
            if data.login == b"desk" and data.password == b"s3cret":
                return AuthResult(success=True, auth_data=data)
            return AuthResult(success=False, handled=False)  # 535 to the client

        cls.starttls = Controller(Handler(), hostname="127.0.0.1", port=free_port(),
                                  tls_context=ctx, require_starttls=True,
                                  authenticator=auth, auth_require_tls=True)
        cls.starttls.start()
        cls.smtps = Controller(Handler(), hostname="127.0.0.1", port=free_port(),
                               ssl_context=ctx, authenticator=auth,
                               server_hostname="127.0.0.1")
        cls.smtps.start()

    @classmethod
    def tearDownClass(cls):
        cls.starttls.stop()
        cls.smtps.stop()
        subprocess.run([SCRIPT, "stop", cls.servers], capture_output=True)
        shutil.rmtree(cls.servers, ignore_errors=True)

    def send(self, url, password, extra=""):
        pw = os.path.join(tempfile.mkdtemp(prefix="svar-pw-"), "pw")
        self.addCleanup(shutil.rmtree, os.path.dirname(pw), True)
        with open(pw, "w") as f:
            f.write(password + "\n")
        desk = Desk("""
[desk]
addresses = ["support@desk.example"]
[outbox]
smtp_url = "%s"
username = "desk"
password_file = "%s"
ca_file = "%s"
timeout_seconds = 10
%s
""" % (url, pw, self.ca, extra))
        self.addCleanup(desk.close)
        desk.deliver(customer_mail(7))
        p = desk.run("reply", desk.tickets()[0]["ref"], "--text", "-", "--json", input=b"Hej")
        mid = json.loads(p.stdout)["message_id"]
        run = desk.run("outbox", "run", "--once", check=False)
        rows = [json.loads(x) for x in desk.run("outbox", "--json").stdout.splitlines()]
        return mid, run, rows[0]

    def delivered(self, mid):
        return [r for r in self.received if ("<%s>" % mid).encode() in r["data"]]

    def test_starttls_and_auth(self):
        url = "smtp://127.0.0.1:%d" % self.starttls.port
        mid, run, row = self.send(url, "s3cret", "require_tls = true")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(row["state"], "sent")
        got = self.delivered(mid)
        self.assertEqual(len(got), 1)
        self.assertTrue(got[0]["tls"])
        self.assertEqual(got[0]["login"], b"desk")
        self.assertEqual(got[0]["rcpt"], ["kunde7@kunde.example"])

    def test_smtps(self):
        mid, run, row = self.send("smtps://127.0.0.1:%d" % self.smtps.port, "s3cret")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(len(self.delivered(mid)), 1)

    def test_require_tls_refuses_a_server_without_starttls(self):
        url = "smtp://127.0.0.1:%d" % self.plain_port
        mid, run, row = self.send(url, "s3cret", "require_tls = true")
        self.assertEqual(run.returncode, 75, run.stderr)
        self.assertEqual(row["state"], "queued")
        self.assertIn("SSL", row["last_error"])

    def test_wrong_password_is_transient(self):
        url = "smtp://127.0.0.1:%d" % self.starttls.port
        mid, run, row = self.send(url, "wrong")
        self.assertEqual(run.returncode, 75, run.stderr)
        self.assertEqual((row["state"], row["attempts"]), ("queued", 1))
        self.assertRegex(row["last_error"], r"(?i)login|auth|535")
        self.assertEqual(self.delivered(mid), [])


def desk_bin():
    from svarlib import SVAR
    return SVAR


if __name__ == "__main__":
    unittest.main()
