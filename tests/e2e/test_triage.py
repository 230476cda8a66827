"""Triage end to end through the svar binary: `svar train categories`, `svar customers
import`, mail delivered with `svar deliver` and its triage in `svar show --json` (language,
category from a rule and from the classifier, sentiment, urgency, churn, spam from upstream
headers, priority with reasons), `svar triage` without storing, and clear errors for bad
input files."""
import json
import os
import unittest

from svarlib import CORPORA, DeskTest

FIXTURES = os.path.join(CORPORA, "triage")

CONFIG = """
[desk]
addresses = ["support@desk.example"]
[triage]
category_threshold = 0.3
[[category]]
name = "billing"
skills = { billing = 2 }
[[category]]
name = "delivery"
[[category]]
name = "account"
[[category]]
name = "legal"
priority = "high"
[[rule]]
name = "gdpr"
category = "legal"
any_of = ["gdpr", "personal data", "persondata"]
"""


def mail(sender, subject, body, extra=""):
    return ("From: %s\r\nTo: support@desk.example\r\nSubject: %s\r\n"
            "Message-ID: <%s.%d@kunde.example>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n%s\r\n%s\r\n"
            % (sender, subject, abs(hash(subject + body)), len(body), extra, body)).encode()


class Triage(DeskTest):
    config = CONFIG

    def setUp(self):
        super().setUp()
        out = self.desk.run("train", "categories", os.path.join(FIXTURES, "categories.csv"))
        self.assertIn(b"trained on 30 examples, 3 categories", out.stdout)
        self.desk.run("customers", "import", os.path.join(FIXTURES, "customers.csv"))

    def deliver(self, raw):
        self.desk.deliver(raw)
        return self.desk.tickets()[0]["ref"]  # newest first

    def test_each_filter_lands_on_the_ticket(self):
        ref = self.deliver(mail("plain@kunde.example", "Pakke",
                                "Hej, hvor er min pakke? Den er ikke kommet frem endnu."))
        t = self.desk.show(ref)
        tr = t["triage"]
        self.assertEqual(tr["language"], "da")
        self.assertEqual(tr["category"], "delivery")
        self.assertEqual(tr["category_source"], "model")
        self.assertFalse(tr["spam"])
        details = t["messages"][0]["triage"]
        self.assertEqual(details["language"]["code"], "da")
        self.assertIn("reason", details["category"])
        self.assertIn(details["sentiment"]["label"], ("negative", "neutral", "positive"))
        self.assertGreater(details["micros"], 0)

    def test_rule_precedes_the_model_and_sets_the_floor(self):
        ref = self.deliver(mail("plain@kunde.example", "Your invoice",
                                "Please delete all my personal data under the GDPR."))
        tr = self.desk.show(ref)["triage"]
        self.assertEqual(tr["category"], "legal")
        self.assertEqual(tr["category_source"], "rule")
        self.assertIn(tr["priority"], ("high", "urgent"))  # the category's floor
        self.assertTrue(any("category floor" in r for r in tr["priority_reasons"]),
                        tr["priority_reasons"])

    def test_angry_vip_threatening_to_leave_is_urgent_with_reasons(self):
        ref = self.deliver(mail(
            "vip@kunde.example", "Charged twice AGAIN",
            "This is the third time I write. You charged my card twice and nobody answers. "
            "I am furious!!! Fix it immediately or I will cancel my subscription and "
            "talk to my lawyer."))
        t = self.desk.show(ref)
        tr = t["triage"]
        self.assertEqual(tr["priority"], "urgent")
        reasons = " ".join(tr["priority_reasons"])
        self.assertIn("VIP", reasons)
        self.assertGreaterEqual(tr["churn_risk"], 0.7)
        signals = " ".join(t["messages"][0]["triage"]["churn"]["signals"])
        self.assertIn("cancel intent", signals)
        self.assertIn("legal threat", signals)
        self.assertEqual(tr["sentiment"], "negative")

    def test_upstream_spam_header_puts_the_ticket_in_the_spam_view(self):
        ref = self.deliver(mail("offers@spammer.example", "Cheap pills",
                                "Buy now, limited offer.", "X-Spam-Flag: YES\r\n"))
        tr = self.desk.show(ref)["triage"]
        self.assertTrue(tr["spam"])

    def test_customer_value_is_shown_and_history_counts(self):
        out = json.loads(self.desk.run("customers", "show", "vip@kunde.example", "--json").stdout)
        self.assertTrue(out["vip"])
        self.assertEqual(out["tier"], "gold")
        self.assertEqual(out["products"], ["webshop", "app"])
        for i in range(3):
            self.deliver(mail("plain@kunde.example", "Question %d" % i, "Where is my parcel?"))
        last = self.desk.tickets()[0]["ref"]
        signals = self.desk.show(last)["messages"][0]["triage"]["churn"]["signals"]
        self.assertTrue(any("contacts in 30 days" in s for s in signals), signals)

    def test_triage_command_does_not_store(self):
        raw = mail("plain@kunde.example", "Login", "Jeg kan ikke logge ind på min konto")
        out = json.loads(self.desk.run("triage", "--json", "-", input=raw).stdout)
        self.assertEqual(out["language"]["code"], "da")
        self.assertEqual(out["category"]["name"], "account")
        self.assertEqual(self.desk.tickets(), [])
        lines = self.desk.run("triage", "--text", "--jsonl", "-",
                              input="Where is my parcel\nJag har glömt mitt lösenord\n".encode())
        rows = [json.loads(l) for l in lines.stdout.decode().splitlines()]
        self.assertEqual([r["language"] for r in rows], ["en", "sv"])
        self.assertEqual(rows[0]["category"], "delivery")
        for key in ("language", "category", "confidence", "sentiment", "urgency", "spam",
                    "priority"):
            self.assertIn(key, rows[1])

    def test_bad_files_get_clear_errors(self):
        bad = os.path.join(self.desk.dir, "bad.csv")
        with open(bad, "w") as f:
            f.write("question,label\nhello,billing\n")
        p = self.desk.run("train", "categories", bad, check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn(b"text and category", p.stderr)
        with open(bad, "w") as f:
            f.write("email,vip\nsomeone@x.example,maybe\n")
        p = self.desk.run("customers", "import", bad, check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn(b"bad.csv:2: vip", p.stderr)
        with open(bad, "w") as f:
            f.write("email,colour\nsomeone@x.example,red\n")
        p = self.desk.run("customers", "import", bad, check=False)
        self.assertIn(b"unknown column \"colour\"", p.stderr)


ROUTING_CONFIG = CONFIG + """
[[agent]]
email = "anna@desk.example"
name = "Anna"
skills = { billing = 3 }
languages = ["da", "en"]
capacity = 5
[[agent]]
email = "sven@desk.example"
name = "Sven"
skills = { billing = 1 }
languages = ["sv"]
[[sla]]
name = "everything"
first_response = 120
"""


class Routing(DeskTest):
    config = ROUTING_CONFIG

    def setUp(self):
        super().setUp()
        self.desk.run("train", "categories", os.path.join(FIXTURES, "categories.csv"))

    def test_new_ticket_is_routed_with_a_reason_and_due_time(self):
        self.desk.deliver(mail("plain@kunde.example", "Dobbelt betaling",
                               "Der er trukket to gange på mit kort for samme ordre."))
        t = self.desk.show(self.desk.tickets()[0]["ref"])
        tr = t["triage"]
        self.assertEqual(tr["category"], "billing")
        self.assertIsNotNone(tr["assignee_id"])
        reason = tr["routing"][-1]["reason"]
        self.assertIn("routed to Anna", reason)
        self.assertIn("speaks da", reason)
        self.assertEqual(tr["sla"]["policy"], "everything")
        self.assertIsNotNone(tr["sla"]["first_response_due"])

    def test_nobody_fits_then_the_ticket_waits_with_why(self):
        self.desk.deliver(mail("kund@exempel.se", "Dubbel debitering",
                               "Ni har dragit pengar två gånger från mitt kort, jag vill ha "
                               "tillbaka dem."))
        tr = self.desk.show(self.desk.tickets()[0]["ref"])["triage"]
        self.assertIsNone(tr["assignee_id"])
        self.assertIn("queued", tr["routing"][-1]["reason"])

    def test_spam_is_not_routed(self):
        self.desk.deliver(mail("offers@spammer.example", "Cheap pills", "Buy now.",
                               "X-Spam-Flag: YES\r\n"))
        tr = self.desk.show(self.desk.tickets()[0]["ref"])["triage"]
        self.assertTrue(tr["spam"])
        self.assertIsNone(tr["assignee_id"])
        self.assertEqual(tr["routing"], [])

    def test_views_from_the_command_line(self):
        self.desk.deliver(mail("offers@spammer.example", "Cheap pills", "Buy now.",
                               "X-Spam-Flag: YES\r\n"))
        self.desk.deliver(mail("kund@exempel.se", "Dubbel debitering",
                               "Ni har dragit pengar två gånger från mitt kort."))
        self.desk.deliver(mail("plain@kunde.example", "Dobbelt betaling",
                               "Der er trukket to gange på mit kort for samme ordre."))

        def view(*args):
            out = self.desk.run("tickets", "--json", "--view", *args).stdout.decode()
            return [json.loads(l) for l in out.splitlines() if l.strip()]

        spam = view("spam")
        self.assertEqual([t["subject"] for t in spam], ["Cheap pills"])
        self.assertTrue(spam[0]["triage"]["spam"])
        self.assertEqual([t["subject"] for t in view("queue")], ["Dubbel debitering"])
        self.assertEqual([t["subject"] for t in view("mine", "--agent", "anna@desk.example")],
                         ["Dobbelt betaling"])
        self.assertEqual(len(self.desk.tickets()), 3)  # without --view: every ticket
        p = self.desk.run("tickets", "--view", "junk", check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn(b"use spam, queue, mine or sla_at_risk", p.stderr)

    def test_bad_routing_config_is_refused_with_the_fix(self):
        with open(self.desk.config, "a") as f:
            f.write('[[calendar]]\nname = "office"\nhours = ["mon-fri 8-16"]\n')
        p = self.desk.run("tickets", check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn(b"08:00", p.stderr)


if __name__ == "__main__":
    unittest.main()
