"""Categories, rules, calendars and SLA policies changed while the desk runs: through
PUT/DELETE /api/v1/triage/config/{section} on `svar serve`, and through `svar settings` from
another process. Each change is checked like the config file (400 with the key and the fix,
nothing changed), stored, used at once by the running desk (SLA policy on the next change of a
ticket, a new category accepted for corrections) and by every later `svar deliver`, and
deleting it returns to the file's section."""
import json
import os
import subprocess
import tempfile
import time
import unittest

import test_triage_api as base

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
[[agent]]
email = "anna@desk.example"
name = "Anna"
skills = { billing = 3 }
languages = ["da", "en"]
teams = ["money"]
capacity = 50
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

GDPR_RULE = [{"name": "gdpr", "category": "legal", "any_of": ["personal data", "persondata"]}]


class SettingsApi(base.ServedDesk):
    config = CONFIG

    def put(self, section, value, token=None):
        return self.call("PUT", "/api/v1/triage/config/" + section, value, token or self.admin)

    def reset(self, section):
        status, body = self.call("DELETE", "/api/v1/triage/config/" + section, token=self.admin)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["source"], "file")
        return body

    def test_sections_show_where_they_come_from(self):
        config = self.get("/api/v1/triage/config")
        self.assertEqual(config["sources"]["rules"], {"source": "file"})
        section = self.get("/api/v1/triage/config/categories")
        self.assertEqual(section["source"], "file")
        self.assertEqual([c["name"] for c in section["value"]],
                         ["billing", "delivery", "account", "legal"])
        self.assertEqual(section["value"], config["categories"])

    def test_a_new_rule_categorises_the_next_mail_and_delete_returns_to_the_file(self):
        status, body = self.put("rules", GDPR_RULE)
        self.assertEqual(status, 200, body)
        try:
            self.assertEqual(body["source"], "api")
            self.assertEqual(body["actor"], "boss")
            self.assertEqual(body["value"][0]["none_of"], [])  # defaults filled in, as stored
            self.assertEqual(body["value"][0]["priority"], 0)
            config = self.get("/api/v1/triage/config")
            self.assertEqual(config["sources"]["rules"]["source"], "api")
            self.assertEqual(config["rules"][0]["name"], "gdpr")
            ref = self.deliver("plain@kunde.example", "Mine oplysninger",
                               "Slet venligst al min persondata hos jer.")
            tr = self.get("/api/v1/tickets/" + ref)["triage"]
            self.assertEqual((tr["category"], tr["category_source"]), ("legal", "rule"), tr)
            self.assertEqual(tr["priority"], "high")  # the category's floor
        finally:
            body = self.reset("rules")
        self.assertEqual(body["value"], [])
        ref = self.deliver("plain@kunde.example", "Mine oplysninger igen",
                           "Slet venligst al min persondata hos jer, tak.")
        tr = self.get("/api/v1/tickets/" + ref)["triage"]
        self.assertNotEqual(tr["category_source"], "rule", tr)

    def test_a_new_sla_policy_applies_in_the_running_desk(self):
        ref = self.deliver("plain@kunde.example", "Dobbelt betaling",
                           "Der er trukket to gange på mit kort for samme ordre.")
        self.assertEqual(self.get("/api/v1/tickets/" + ref)["triage"]["sla"]["policy"], "standard")
        status, body = self.put("sla", [
            {"name": "express", "priorities": ["high", "urgent"], "first_response": 5,
             "calendar": "always"},
            {"name": "standard", "first_response": 30, "calendar": "always"}])
        self.assertEqual(status, 200, body)
        try:
            # The next change of the ticket is measured by the new policies.
            status, body = self.call("PATCH", "/api/v1/tickets/%s/triage" % ref,
                                     {"priority": "urgent"})
            self.assertEqual(status, 200, body)
            sla = self.get("/api/v1/tickets/" + ref)["triage"]["sla"]
            self.assertEqual(sla["policy"], "express", sla)
        finally:
            self.reset("sla")
        status, body = self.call("PATCH", "/api/v1/tickets/%s/triage" % ref, {"priority": "high"})
        self.assertEqual(status, 200, body)
        self.assertEqual(self.get("/api/v1/tickets/" + ref)["triage"]["sla"]["policy"], "standard")

    def test_a_new_category_is_accepted_for_corrections_at_once(self):
        ref = self.deliver("plain@kunde.example", "Returnering",
                           "Jeg vil gerne sende skoene retur.")
        status, body = self.call("PATCH", "/api/v1/tickets/%s/triage" % ref, {"category": "returns"})
        self.assertEqual(status, 400, body)
        categories = self.get("/api/v1/triage/config/categories")["value"]
        status, body = self.put("categories", categories + [{"name": "returns", "team": "money"}])
        self.assertEqual(status, 200, body)
        try:
            status, body = self.call("PATCH", "/api/v1/tickets/%s/triage" % ref,
                                     {"category": "returns"})
            self.assertEqual(status, 200, body)
            self.assertIn("money", self.get("/api/v1/triage/config")["teams"])
        finally:
            self.reset("categories")

    def test_bad_changes_are_refused_with_the_fix_and_change_nothing(self):
        before = self.get("/api/v1/triage/config")
        cases = [
            ("categories", [{"name": "billing", "priority": "asap"}],
             "category[0].priority = \"asap\" is not allowed; use one of: low, normal, high, urgent"),
            ("categories", {"name": "billing"}, "must be a JSON array"),
            ("rules", [{"name": "r", "category": "nowhere", "any_of": ["x"]}],
             "rule \"r\" names category \"nowhere\", which no [[category]] defines"),
            ("calendars", [], "calendar \"always\""),
            ("calendars", [{"name": "always", "hours": ["weekdays"]}],
             "write '<days> HH:MM-HH:MM'"),
            ("sla", [{"name": "s", "first_response": 10, "on_breach": ["panic"]}], "panic"),
            ("sla", [{"name": "s", "first_responce": 10}], "unknown key sla[0].first_responce"),
        ]
        for section, value, expected in cases:
            status, body = self.put(section, value)
            self.assertEqual(status, 400, (section, value, body))
            self.assertIn(expected, body["error"]["message"])
        # Removing a category a stored rule names is refused too.
        self.assertEqual(self.put("rules", GDPR_RULE)[0], 200)
        try:
            status, body = self.put("categories", [{"name": "billing"}])
            self.assertEqual(status, 400, body)
            self.assertIn("rule \"gdpr\" names category \"legal\"", body["error"]["message"])
        finally:
            self.reset("rules")
        status, body = self.call("PUT", "/api/v1/triage/config/agents", [], self.admin)
        self.assertEqual(status, 404, body)
        self.assertIn("categories, rules, calendars, sla", body["error"]["message"])
        status, body = self.put("rules", GDPR_RULE, token=self.agent)
        self.assertEqual(status, 403, body)
        status, body = self.call("DELETE", "/api/v1/triage/config/rules", token=self.agent)
        self.assertEqual(status, 403, body)
        self.assertEqual(self.get("/api/v1/triage/config"), before)

    def test_svar_settings_from_another_process_reaches_the_running_desk(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(GDPR_RULE, f)
        try:
            out = self.desk.run("settings", "set", "rules", f.name)
            self.assertIn(b"rules replaced (1 items)", out.stderr)
            listing = json.loads(self.desk.run("settings", "--json").stdout)
            rules = [s for s in listing if s["section"] == "rules"][0]
            self.assertEqual((rules["source"], rules["actor"], rules["items"]),
                             ("api", "svar settings", 1))
            deadline = time.time() + 10
            while time.time() < deadline:
                if self.get("/api/v1/triage/config")["rules"]:
                    break
                time.sleep(0.2)
            self.assertEqual(self.get("/api/v1/triage/config")["rules"][0]["name"], "gdpr")
            bad = self.desk.run("settings", "set", "rules", "-",
                                input=b'[{"name": "x", "category": "nope", "any_of": ["y"]}]',
                                check=False)
            self.assertNotEqual(bad.returncode, 0)
            self.assertIn(b"rule \"x\" names category \"nope\"", bad.stderr)
        finally:
            os.unlink(f.name)
            out = self.desk.run("settings", "reset", "rules")
            self.assertIn(b"the config file's applies again", out.stderr)
        deadline = time.time() + 10
        while time.time() < deadline and self.get("/api/v1/triage/config")["rules"]:
            time.sleep(0.2)
        self.assertEqual(self.get("/api/v1/triage/config")["rules"], [])


if __name__ == "__main__":
    unittest.main()
