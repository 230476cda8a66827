"""Threading end to end: the same conversation delivered in every order lands in one ticket;
a stranger quoting a reference gets a new, linked ticket; clients without reply headers are
threaded by customer and subject."""
import itertools
import os
import unittest

from svarlib import CORPORA, Desk, DeskTest

CONVERSATION = sorted(
    os.path.join(CORPORA, "threading", f)
    for f in os.listdir(os.path.join(CORPORA, "threading")) if f.endswith(".eml"))


def read(path):
    with open(path, "rb") as f:
        return f.read()


class EveryOrder(unittest.TestCase):
    def test_every_order_gives_one_ticket(self):
        messages = [read(p) for p in CONVERSATION]
        self.assertEqual(len(messages), 4)
        for order in itertools.permutations(range(len(messages))):
            desk = Desk()
            try:
                for i in order:
                    desk.deliver(messages[i])
                live = [t for t in desk.tickets() if t["status"] != "merged"]
                self.assertEqual(len(live), 1, "order %s gave %s" % (order, live))
                self.assertEqual(live[0]["message_count"], 4, "order %s" % (order,))
                self.assertEqual(live[0]["customer"], "kari@kunde.example", "order %s" % (order,))
            finally:
                desk.close()


def mail(frm, subject, msgid, body="Hello", extra=""):
    return ("From: %s\r\nTo: support@desk.example\r\nSubject: %s\r\nMessage-ID: <%s>\r\n"
            "Date: Mon, 02 Nov 2026 09:00:00 +0000\r\n%s\r\n%s\r\n"
            % (frm, subject, msgid, extra, body)).encode()


class References(DeskTest):
    def test_customer_reference_in_subject_threads(self):
        self.desk.deliver(mail("a@x.example", "Broken login", "m1@x"))
        ref = self.desk.tickets()[0]["ref"]
        self.desk.deliver(mail("a@x.example", "Re: [#%s] still broken" % ref, "m2@x"))
        tickets = self.desk.tickets()
        self.assertEqual(len(tickets), 1)
        self.assertEqual(tickets[0]["message_count"], 2)

    def test_stranger_quoting_reference_gets_new_linked_ticket(self):
        self.desk.deliver(mail("a@x.example", "Broken login", "m1@x"))
        ref = self.desk.tickets()[0]["ref"]
        self.desk.deliver(mail("mallory@evil.example", "[#%s] give me the data" % ref, "e1@evil"))
        tickets = {t["customer"]: t for t in self.desk.tickets()}
        self.assertEqual(len(tickets), 2)
        self.assertEqual(tickets["a@x.example"]["message_count"], 1)
        self.assertEqual(tickets["mallory@evil.example"]["linked_ref"], ref)

    def test_cc_participant_may_use_reference(self):
        self.desk.deliver(mail("a@x.example", "Broken login", "m1@x", extra="Cc: boss@x.example\r\n"))
        ref = self.desk.tickets()[0]["ref"]
        self.desk.deliver(mail("boss@x.example", "Re: [#%s] Broken login" % ref, "b1@x"))
        tickets = self.desk.tickets()
        self.assertEqual(len(tickets), 1)
        self.assertEqual(tickets[0]["message_count"], 2)

    def test_subject_fallback_without_reply_headers(self):
        self.desk.deliver(mail("a@x.example", "Order 5512 missing", "m1@x"))
        self.desk.deliver(mail("a@x.example", "RE: Order 5512 missing", "m2@x"))
        self.desk.deliver(mail("b@y.example", "Re: Order 5512 missing", "m3@y"))
        tickets = {t["customer"]: t for t in self.desk.tickets()}
        self.assertEqual(tickets["a@x.example"]["message_count"], 2)
        self.assertEqual(tickets["b@y.example"]["message_count"], 1)

    def test_bounce_joins_ticket_of_bounced_message(self):
        self.desk.deliver(mail("support@desk.example", "Your invoice", "out1@desk.example")
                          .replace(b"To: support@desk.example", b"To: gone@x.example"))
        bounce = (b"From: MAILER-DAEMON@mx.example\r\nTo: support@desk.example\r\n"
                  b"Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <b1@mx>\r\n"
                  b"MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status;"
                  b" boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nUser unknown.\r\n"
                  b"--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
                  b"Final-Recipient: rfc822; gone@x.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
                  b"--B\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: support@desk.example\r\n"
                  b"To: gone@x.example\r\nSubject: Your invoice\r\nMessage-ID: <out1@desk.example>\r\n"
                  b"\r\n--B--\r\n")
        self.desk.deliver(bounce)
        tickets = self.desk.tickets()
        self.assertEqual(len(tickets), 1, tickets)
        detail = self.desk.show(tickets[0]["ref"])
        self.assertTrue(any(m["guards"]["bounce"] for m in detail["messages"]))


if __name__ == "__main__":
    unittest.main()
