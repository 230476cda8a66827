"""The triage and routing API end to end: `svar serve --no-fetch` with categories, agents, a
calendar and an SLA policy; mail delivered with `svar deliver`; then over HTTP: the ticket's
triage, assignee, routing reason and SLA due time; an agent going offline and the periodic
check re-routing their tickets; manual assignment with its reason; a category correction
stored and counted as a training example; spam / not spam (the spam view, routing after "not
spam"); status changes; customers GET/PUT; the configuration; validation errors with clear
messages; an agent-role token refused on admin routes."""
import json
import os
import signal
import subprocess
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

from svarlib import CORPORA, SVAR, Desk
from test_triage import mail

FIXTURES = os.path.join(CORPORA, "triage")

CONFIG = """
[desk]
addresses = ["support@desk.example"]
[server]
port = 0
[triage]
category_threshold = 0.3
[routing]
check_seconds = 1
[[category]]
name = "billing"
skills = { billing = 2 }
team = "money"
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
any_of = ["gdpr", "personal data"]
[[agent]]
email = "anna@desk.example"
name = "Anna"
skills = { billing = 3 }
languages = ["da", "en"]
teams = ["money"]
capacity = 20
[[agent]]
email = "bo@desk.example"
name = "Bo"
skills = { billing = 3 }
languages = ["da", "sv"]
teams = ["money"]
capacity = 20
calendar = "always"
[[calendar]]
name = "always"
time_zone = "Europe/Copenhagen"
hours = ["daily 00:00-24:00"]
[[sla]]
name = "standard"
first_response = 30
calendar = "always"
"""


class ServedDesk(unittest.TestCase):
    """A desk with the config above behind `svar serve`, an agent token (named carla) and an
    admin token (boss)."""

    @classmethod
    def setUpClass(cls):
        cls.desk = Desk(getattr(cls, "config", CONFIG))
        cls.desk.run("train", "categories", os.path.join(FIXTURES, "categories.csv"))
        cls.desk.run("customers", "import", os.path.join(FIXTURES, "customers.csv"))
        cls.agent = cls.desk.run("token", "create", "carla", "--role", "agent").stdout.decode().strip()
        cls.admin = cls.desk.run("token", "create", "boss").stdout.decode().strip()
        cls.proc = subprocess.Popen([SVAR, "--data", cls.desk.data, "--config", cls.desk.config,
                                     "serve", "--no-fetch"], stderr=subprocess.PIPE)
        cls.port = None
        deadline = time.time() + 30
        while time.time() < deadline and cls.port is None:
            line = cls.proc.stderr.readline()
            if not line:
                break
            if b"serving on http://" in line:
                cls.port = int(line.split(b":")[-1].split(b" ")[0].split(b"/")[0])
        assert cls.port, "svar serve did not start"
        # Keep reading the log so that the server never blocks on a full pipe.
        cls.log = []
        cls.reader = threading.Thread(target=lambda: cls.log.extend(iter(cls.proc.stderr.readline, b"")),
                                      daemon=True)
        cls.reader.start()

    @classmethod
    def tearDownClass(cls):
        cls.proc.send_signal(signal.SIGTERM)
        cls.proc.wait(timeout=30)
        cls.reader.join(timeout=5)
        cls.proc.stderr.close()
        cls.desk.close()

    def call(self, method, path, body=None, token=None):
        url = "http://127.0.0.1:%d%s" % (self.port, path)
        headers = {"Content-Type": "application/json",
                   "Authorization": "Bearer " + (token or self.agent)}
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, json.load(r)
        except urllib.error.HTTPError as e:
            return e.code, json.load(e)

    def get(self, path, **params):
        status, body = self.call("GET", path + ("?" + urllib.parse.urlencode(params) if params else ""))
        self.assertEqual(status, 200, body)
        return body

    def deliver(self, sender, subject, body, extra=""):
        self.desk.deliver(mail(sender, subject, body, extra))
        return self.desk.tickets()[0]["ref"]  # newest first, spam included

    def agents_by_id(self):
        return {a["id"]: a for a in self.get("/api/v1/agents")["agents"]}

    def refs(self, **params):
        return [t["ref"] for t in self.get("/api/v1/tickets", **params)["tickets"]]


class TriageApi(ServedDesk):

    def test_ticket_has_triage_assignee_reason_and_due_time(self):
        ref = self.deliver("plain@kunde.example", "Dobbelt betaling",
                           "Der er trukket to gange på mit kort for samme ordre.")
        tr = self.get("/api/v1/tickets/" + ref)["triage"]
        self.assertEqual(tr["category"], "billing")
        self.assertEqual(tr["language"], "da")
        self.assertIn(tr["assignee_id"], self.agents_by_id(), tr)
        self.assertIn("routed to", tr["routing"][-1]["reason"])
        self.assertIn("speaks da", tr["routing"][-1]["reason"])
        self.assertEqual(tr["sla"]["policy"], "standard")
        self.assertIsNotNone(tr["sla"]["first_response_due"])
        listed = [t for t in self.get("/api/v1/tickets")["tickets"] if t["ref"] == ref][0]
        self.assertEqual(listed["triage"]["category"], "billing")
        self.assertIsNotNone(listed["triage"]["due"])
        self.assertIn(ref, self.refs(view="sla_at_risk"))  # due within the hour

    def test_offline_agent_tickets_are_rerouted_by_the_periodic_check(self):
        ref = self.deliver("plain@kunde.example", "Ekstra gebyr",
                           "Hvorfor er der et ekstra gebyr på min faktura?")
        agents = self.agents_by_id()
        first = agents[self.get("/api/v1/tickets/" + ref)["triage"]["assignee_id"]]
        self.assertIn(ref, self.refs(view="mine", agent=first["email"]))
        status, body = self.call("PATCH", "/api/v1/agents/" + first["email"], {"status": "offline"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["status"], "offline")
        try:
            deadline = time.time() + 8
            tr = None
            while time.time() < deadline:
                tr = self.get("/api/v1/tickets/" + ref)["triage"]
                if tr["assignee_id"] != first["id"]:
                    break
                time.sleep(0.2)
            self.assertNotEqual(tr["assignee_id"], first["id"], "not re-routed within 8 s")
            self.assertIsNotNone(tr["assignee_id"])
            self.assertEqual(tr["routing"][-1]["kind"], "reroute")
            self.assertNotIn(ref, self.refs(view="mine", agent=first["email"]))
        finally:
            status, body = self.call("PATCH", "/api/v1/agents/" + first["email"],
                                     {"status": "available"})
            self.assertEqual(status, 200, body)

    def test_manual_assignment_records_the_reason_and_actor(self):
        ref = self.deliver("plain@kunde.example", "Faktura kopi",
                           "Kan I sende mig en kopi af fakturaen for min ordre?")
        status, body = self.call("POST", "/api/v1/tickets/%s/assign" % ref,
                                 {"agent": "bo@desk.example"})
        self.assertEqual(status, 200, body)
        self.assertIn("Bo", body["reason"])
        tr = self.get("/api/v1/tickets/" + ref)["triage"]
        self.assertEqual(self.agents_by_id()[tr["assignee_id"]]["email"], "bo@desk.example")
        self.assertEqual(tr["routing"][-1]["kind"], "manual")
        self.assertEqual(tr["routing"][-1]["actor"], "carla")
        # Routing learns from a reassignment: moved from Bo to Anna, Anna's preference for the
        # category rises and Bo's falls.
        self.assertEqual(tr["category"], "billing")
        def learned():
            return {a["email"]: a["preferences"].get("billing", 0)
                    for a in self.get("/api/v1/agents")["agents"]}
        before = learned()
        status, body = self.call("POST", "/api/v1/tickets/%s/assign" % ref,
                                 {"agent": "anna@desk.example"})
        self.assertEqual(status, 200, body)
        after = learned()
        self.assertGreater(after["anna@desk.example"], before["anna@desk.example"])
        self.assertLess(after["bo@desk.example"], before["bo@desk.example"])
        status, body = self.call("POST", "/api/v1/tickets/%s/assign" % ref,
                                 {"agent": "nobody@desk.example"})
        self.assertEqual(status, 404, body)
        self.assertIn("nobody@desk.example", body["error"]["message"])

    def test_category_correction_is_stored_and_counted(self):
        ref = self.deliver("plain@kunde.example", "Min pakke",
                           "Hvor er min pakke? Den skulle være kommet i går.")
        status, body = self.call("PATCH", "/api/v1/tickets/%s/triage" % ref,
                                 {"category": "billing", "priority": "high"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["agent_examples"], 1)
        tr = self.get("/api/v1/tickets/" + ref)["triage"]
        self.assertEqual(tr["category"], "billing")
        self.assertEqual(tr["category_source"], "agent")
        self.assertEqual(tr["priority"], "high")
        status, body = self.call("PATCH", "/api/v1/tickets/%s/triage" % ref, {"category": "food"})
        self.assertEqual(status, 400, body)
        self.assertIn("billing, delivery, account, legal", body["error"]["message"])

    def test_status_changes_and_their_validation(self):
        ref = self.deliver("plain@kunde.example", "Login virker ikke",
                           "Jeg kan ikke logge ind på min konto.")
        status, body = self.call("PATCH", "/api/v1/tickets/" + ref, {"status": "pending"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["ticket"]["status"], "pending")
        self.assertIsNone(body["triage"]["sla"]["first_response_due"])  # the clock is paused
        status, body = self.call("PATCH", "/api/v1/tickets/" + ref, {"status": "open"})
        self.assertEqual(status, 200, body)
        self.assertIsNotNone(body["triage"]["sla"]["first_response_due"], body)
        status, body = self.call("PATCH", "/api/v1/tickets/" + ref, {"status": "merged"})
        self.assertEqual(status, 400, body)
        self.assertIn("open, pending, solved or closed", body["error"]["message"])

    def test_customers_get_and_put(self):
        c = self.get("/api/v1/customers/vip@kunde.example")
        self.assertTrue(c["vip"])
        self.assertEqual(c["tier"], "gold")
        status, body = self.call("PUT", "/api/v1/customers/new@kunde.example",
                                 {"name": "Nina", "vip": True, "tier": "silver",
                                  "lifetime_value": 1200, "products": ["app"], "country": "se"},
                                 token=self.admin)
        self.assertEqual(status, 201, body)
        c = self.get("/api/v1/customers/new@kunde.example")
        self.assertEqual((c["name"], c["tier"], c["country"], c["products"]),
                         ("Nina", "silver", "SE", ["app"]))
        status, body = self.call("PUT", "/api/v1/customers/new@kunde.example",
                                 {"lifetime_value": "lots"}, token=self.admin)
        self.assertEqual(status, 400, body)
        self.assertIn("lifetime_value", body["error"]["message"])
        status, body = self.call("GET", "/api/v1/customers/ghost@kunde.example")
        self.assertEqual(status, 404, body)

    def test_agents_validation_and_admin_routes(self):
        status, body = self.call("PUT", "/api/v1/agents/cleo@desk.example",
                                 {"name": "Cleo", "skills": {"billing": 9}}, token=self.admin)
        self.assertEqual(status, 400, body)
        self.assertIn("integer 1-5", body["error"]["message"])
        status, body = self.call("PUT", "/api/v1/agents/cleo@desk.example",
                                 {"calendar": "night"}, token=self.admin)
        self.assertEqual(status, 400, body)
        self.assertIn("always", body["error"]["message"])
        status, body = self.call("PATCH", "/api/v1/agents/anna@desk.example", {"status": "asleep"})
        self.assertEqual(status, 400, body)
        self.assertIn("available, away or offline", body["error"]["message"])
        # An agent-role token may not use the admin routes.
        status, body = self.call("PUT", "/api/v1/agents/cleo@desk.example", {"name": "Cleo"})
        self.assertEqual(status, 403, body)
        status, body = self.call("PUT", "/api/v1/customers/x@kunde.example", {"vip": True})
        self.assertEqual(status, 403, body)
        status, body = self.call("PATCH", "/api/v1/agents/anna@desk.example", {"capacity": 1})
        self.assertEqual(status, 403, body)
        status, body = self.call("PUT", "/api/v1/agents/cleo@desk.example",
                                 {"name": "Cleo", "skills": {"billing": 2}, "languages": ["sv"],
                                  "teams": ["money"], "capacity": 4, "status": "away"},
                                 token=self.admin)
        self.assertEqual(status, 201, body)
        cleo = self.get("/api/v1/agents/cleo@desk.example")
        self.assertEqual((cleo["status"], cleo["capacity"], cleo["open_tickets"]), ("away", 4, 0))
        status, body = self.call("GET", "/api/v1/tickets", None)
        self.assertEqual(status, 200)
        status, body = self.call("GET", "/api/v1/tickets?view=everything")
        self.assertEqual(status, 400, body)
        self.assertIn("spam, queue, mine or sla_at_risk", body["error"]["message"])

    def test_configuration_is_shown(self):
        c = self.get("/api/v1/triage/config")
        self.assertEqual([x["name"] for x in c["categories"]],
                         ["billing", "delivery", "account", "legal"])
        self.assertEqual(c["categories"][0]["skills"], {"billing": 2})
        self.assertEqual(c["rules"][0]["any_of"], ["gdpr", "personal data"])
        self.assertEqual(c["calendars"][0]["name"], "always")
        self.assertEqual(c["sla"][0]["first_response"], 30)
        self.assertEqual(c["routing"]["check_seconds"], 1)
        self.assertEqual(c["teams"], ["money"])



class BackgroundRetraining(ServedDesk):
    """Agents' corrections retrain the classifier in the background (triage.retrain_after)."""
    config = CONFIG.replace("category_threshold = 0.3", "category_threshold = 0.3\nretrain_after = 2")

    def correct(self, subject, text, category):
        ref = self.deliver("plain@kunde.example", subject, text)
        status, body = self.call("PATCH", "/api/v1/tickets/%s/triage" % ref, {"category": category})
        self.assertEqual(status, 200, body)
        return body["examples_since_training"]

    def test_two_corrections_retrain_and_the_count_starts_again(self):
        self.assertEqual(self.correct("Kort", "Mit kort er blevet slugt af automaten", "account"), 1)
        self.assertEqual(self.correct("Automaten", "Automaten har taget mit kort", "account"), 2)
        deadline = time.time() + 15
        while time.time() < deadline and not any(b"retrained on 32 examples" in l for l in self.log):
            time.sleep(0.2)
        self.assertTrue(any(b"retrained on 32 examples" in l for l in self.log),
                        b"".join(self.log[-20:]))
        time.sleep(0.5)
        self.assertEqual(self.correct("Faktura", "Fakturaen er forkert", "billing"), 1)


class SpamClicks(ServedDesk):
    """On a desk of its own: the filter learns from these clicks and then judges later mail."""

    def test_spam_view_and_not_spam_routes_the_ticket(self):
        ref = self.deliver("kunde@exempel.dk", "Cheap pills for you",
                           "Køb billige piller nu, tilbuddet gælder kun i dag.",
                           "X-Spam-Flag: YES\r\n")
        self.assertIn(ref, self.refs(view="spam"))
        self.assertNotIn(ref, self.refs())
        self.assertIsNone(self.get("/api/v1/tickets/" + ref)["triage"]["assignee_id"])
        status, body = self.call("POST", "/api/v1/tickets/%s/spam" % ref, {"spam": False})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["filter"]["ham_messages"], 1)
        self.assertIsNotNone(body["routing"])
        self.assertNotIn(ref, self.refs(view="spam"))
        self.assertIn(ref, self.refs())
        tr = self.get("/api/v1/tickets/" + ref)["triage"]
        self.assertFalse(tr["spam"])
        self.assertTrue(tr["routing"], tr)
        # And the other way: an ordinary ticket marked as spam leaves its agent.
        other = self.deliver("plain@kunde.example", "Tilbud på ure",
                             "Vi sælger ure billigt, klik her for at købe.")
        status, body = self.call("POST", "/api/v1/tickets/%s/spam" % other, {"spam": True})
        self.assertEqual(status, 200, body)
        self.assertTrue(body["learned"])
        self.assertIn(other, self.refs(view="spam"))
        self.assertIsNone(self.get("/api/v1/tickets/" + other)["triage"]["assignee_id"])
        status, body = self.call("POST", "/api/v1/tickets/%s/spam" % other, {"spam": "maybe"})
        self.assertEqual(status, 400, body)


if __name__ == "__main__":
    unittest.main()
