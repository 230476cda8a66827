"""Answering through the JSON API on `svar serve`, with mail really sent to the aiosmtpd sink
started by scripts/test-servers.sh: a reply with an attachment and a cc (MIME checked with
Python's email package, the ticket opened, the first response recorded, the customer's answer
threading back), a reply that sets the status, a forward of the customer's mail to an outside
address (the original attached as message/rfc822), internal notes (never sent), handing a
ticket over to a team, and the errors: empty text, bad base64, bad address, merged tickets."""
import base64
import email
import email.policy
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
import unittest

import test_triage_api as base
from svarlib import SOURCE
from test_outbox import have_servers

SCRIPT = os.path.join(SOURCE, "scripts", "test-servers.sh")

CONFIG = """
[desk]
name = "Svar Kundeservice"
addresses = ["support@desk.example"]
[server]
port = 0
[routing]
check_seconds = 1
[outbox]
smtp_url = "smtp://127.0.0.1:%d"
poll_seconds = 1
backoff_base_seconds = 1
[[category]]
name = "billing"
team = "money"
[[category]]
name = "delivery"
team = "logistics"
[[agent]]
email = "anna@desk.example"
name = "Anna"
languages = ["da", "en"]
teams = ["money"]
[[agent]]
email = "dag@desk.example"
name = "Dag"
languages = ["da", "nb", "en"]
teams = ["logistics"]
"""


def customer_mail(n, subject, body):
    return ("From: Søren Ærø <soren%d@kunde.example>\r\nTo: support@desk.example\r\n"
            "Subject: %s\r\nMessage-ID: <q%d.%d@kunde.example>\r\n"
            "Date: Fri, 20 Nov 2026 10:00:00 +0100\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            "%s\r\n" % (n, subject, n, os.getpid(), body)).encode()


@unittest.skipUnless(have_servers(), "dovecot or python3-aiosmtpd is not installed "
                                     "(scripts/install-deps.sh)")
class RepliesApi(base.ServedDesk):

    @classmethod
    def setUpClass(cls):
        cls.servers = tempfile.mkdtemp(prefix="svar-replies-")
        os.chmod(cls.servers, 0o777)
        port = 26000 + os.getpid() % 1000
        env = dict(os.environ, IMAP_PORT=str(port), IMAPS_PORT=str(port + 1500),
                   SMTP_PORT=str(port + 3000))
        subprocess.run([SCRIPT, "start", cls.servers], check=True, env=env, capture_output=True)
        cls.sink = os.path.join(cls.servers, "smtp-maildir")
        cls.config = CONFIG % (port + 3000)
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        subprocess.run([SCRIPT, "stop", cls.servers], capture_output=True)
        shutil.rmtree(cls.servers, ignore_errors=True)

    def sent(self, message_id, timeout=15):
        """The mail with this Message-ID once it reached the sink."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for sub in ("new", "cur"):
                path = os.path.join(self.sink, sub)
                for name in (os.listdir(path) if os.path.isdir(path) else []):
                    with open(os.path.join(path, name), "rb") as f:
                        m = email.message_from_binary_file(f, policy=email.policy.default)
                    if str(m["Message-ID"]).strip("<> ") == message_id:
                        return m
            time.sleep(0.2)
        self.fail("%s did not reach the sink in %d s" % (message_id, timeout))

    def new_ticket(self, n, subject="Faktura", body="Hvorfor er min faktura dobbelt?"):
        self.desk.deliver(customer_mail(n, subject, body))
        return self.desk.tickets()[0]["ref"]

    def test_reply_with_attachment_and_cc_is_sent_and_the_answer_threads_back(self):
        ref = self.new_ticket(1)
        pdf = b"%PDF-1.4 kvittering \xff\x00"
        status, body = self.call("POST", "/api/v1/tickets/%s/replies" % ref, {
            "text": "Hej Søren,\n\nBeløbet er ført tilbage. 谢谢。\n\nAnna",
            "cc": ["bogholderi@kunde.example"],
            "attachments": [{"filename": "kvittering æ.pdf", "content_type": "application/pdf",
                             "content_base64": base64.b64encode(pdf).decode()}]},
            token=self.admin)
        self.assertEqual(status, 202, body)
        self.assertEqual((body["ticket"], body["state"], body["status"]), (ref, "queued", "open"))
        m = self.sent(body["message_id"])
        self.assertIn("[#%s]" % ref, str(m["Subject"]))
        self.assertEqual(m["To"].addresses[0].addr_spec, "soren1@kunde.example")
        self.assertIn("bogholderi@kunde.example", str(m["Cc"]))
        self.assertEqual(str(m["In-Reply-To"]).strip("<>"), "q1.%d@kunde.example" % os.getpid())
        text = m.get_body(preferencelist=("plain",)).get_content()
        self.assertIn("Beløbet er ført tilbage. 谢谢。", text)
        files = [(p.get_filename(), p.get_content()) for p in m.iter_attachments()]
        self.assertEqual(files, [("kvittering æ.pdf", pdf)])
        detail = self.get("/api/v1/tickets/" + ref)
        ours = [x for x in detail["messages"] if x["message_id"] == body["message_id"]]
        self.assertEqual([x["direction"] for x in ours], ["out"])
        db = sqlite3.connect(os.path.join(self.desk.data, "svar.db"))
        try:
            answered = db.execute("SELECT first_response_at FROM tickets WHERE number = ?",
                                  (int(ref.split("-")[1]),)).fetchone()[0]
        finally:
            db.close()
        self.assertIsNotNone(answered)
        # The customer answers the reply: same ticket.
        answer = ("From: soren1@kunde.example\r\nTo: support@desk.example\r\nSubject: Re: %s\r\n"
                  "Message-ID: <svar1.%d@kunde.example>\r\nIn-Reply-To: <%s>\r\n\r\nTak!\r\n"
                  % (str(m["Subject"]), os.getpid(), body["message_id"])).encode()
        self.desk.deliver(answer)
        self.assertIn("svar1.%d@kunde.example" % os.getpid(),
                      [x["message_id"] for x in self.get("/api/v1/tickets/" + ref)["messages"]])

    def test_reply_can_set_the_status(self):
        ref = self.new_ticket(2)
        status, body = self.call("POST", "/api/v1/tickets/%s/replies" % ref,
                                 {"text": "Vi venter på dit svar.", "status": "pending"})
        self.assertEqual(status, 202, body)
        self.assertEqual(body["status"], "pending")
        self.assertEqual(self.get("/api/v1/tickets/" + ref)["status"], "pending")
        self.sent(body["message_id"])

    def test_forward_attaches_the_original(self):
        ref = self.new_ticket(3, "Pakke", "Min pakke er væk, ordre 5512.")
        status, body = self.call("POST", "/api/v1/tickets/%s/forward" % ref,
                                 {"to": "lager@partner.example", "text": "Kan I finde den?"})
        self.assertEqual(status, 202, body)
        m = self.sent(body["message_id"])
        self.assertEqual(str(m["To"]), "lager@partner.example")
        self.assertIn("Fwd: Pakke", str(m["Subject"]))
        text = m.get_body(preferencelist=("plain",)).get_content()
        self.assertIn("Kan I finde den?", text)
        self.assertIn("> Min pakke er væk, ordre 5512.", text)
        attached = [p for p in m.iter_attachments() if p.get_content_type() == "message/rfc822"]
        self.assertEqual(len(attached), 1)
        inner = attached[0].get_content()
        self.assertEqual(str(inner["Message-ID"]).strip("<>"), "q3.%d@kunde.example" % os.getpid())
        self.assertIn("Min pakke er væk", inner.get_body(preferencelist=("plain",)).get_content())

    def sink_texts(self):
        out = []
        for name in os.listdir(os.path.join(self.sink, "new")):
            with open(os.path.join(self.sink, "new", name), "rb") as f:
                out.append(f.read())
        return out

    def test_notes_stay_internal(self):
        ref = self.new_ticket(4)
        status, body = self.call("POST", "/api/v1/tickets/%s/notes" % ref,
                                 {"text": "Kunden har ringet; venter på bank."})
        self.assertEqual(status, 201, body)
        self.assertEqual(body["note"]["author"], "carla")
        notes = self.get("/api/v1/tickets/" + ref)["notes"]
        self.assertEqual([n["text"] for n in notes], ["Kunden har ringet; venter på bank."])
        time.sleep(1.5)  # one outbox pass
        self.assertFalse([t for t in self.sink_texts() if b"venter p" in t])

    def test_hand_over_to_a_team(self):
        ref = self.new_ticket(5, "Levering", "Hvornår kommer min pakke?")
        status, body = self.call("POST", "/api/v1/tickets/%s/assign" % ref, {"team": "logistics"})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["agent"], body["team"]), ("dag@desk.example", "logistics"))
        self.assertIn("handed over to team logistics by carla; routed to Dag", body["reason"])
        status, body = self.call("POST", "/api/v1/tickets/%s/assign" % ref, {"team": "nowhere"})
        self.assertEqual(status, 400, body)
        self.assertIn("logistics, money", body["error"]["message"])
        status, body = self.call("POST", "/api/v1/tickets/%s/assign" % ref,
                                 {"team": "money", "agent": "anna@desk.example"})
        self.assertEqual(status, 400, body)

    def test_bad_requests_name_the_field(self):
        ref = self.new_ticket(6)
        cases = [
            ({"text": "  "}, "\"text\" is required"),
            ({"text": "x", "cc": ["not an address"]}, "\"cc\": \"not an address\""),
            ({"text": "x", "attachments": [{"filename": "a.pdf", "content_base64": "***"}]},
             "attachments[0].content_base64\" is not valid base64"),
            ({"text": "x", "attachments": [{"filename": "../a.pdf", "content_base64": ""}]},
             "plain file name"),
            ({"text": "x", "status": "done"}, "\"status\" must be open, pending, solved or closed"),
            ({"text": "x", "colour": "red"}, "unknown field \"colour\""),
        ]
        for request, expected in cases:
            status, body = self.call("POST", "/api/v1/tickets/%s/replies" % ref, request)
            self.assertEqual(status, 400, (request, body))
            self.assertIn(expected, body["error"]["message"])
        status, body = self.call("POST", "/api/v1/tickets/SV-99999/replies", {"text": "x"})
        self.assertEqual(status, 404, body)
        status, body = self.call("POST", "/api/v1/tickets/%s/forward" % ref, {"to": "nobody"})
        self.assertEqual(status, 400, body)
        self.assertEqual(self.get("/api/v1/tickets/" + ref)["status"], "new")  # nothing happened


if __name__ == "__main__":
    unittest.main()
