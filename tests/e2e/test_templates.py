"""Answer templates end to end over `svar serve` with tokens of each role (agent carla,
senior sara, admin boss): creating, versioning and archiving templates (management only),
markup errors, suggestions for a Danish billing ticket with the rendered draft, the
authority matrix (every role against unchanged text, changed editable regions and changed
locked text, with the default policy and with a policy an admin changed), `svar templates
import/list`, and, when the reply API is wired to the check (POST /api/v1/tickets/{ref}/replies
with "template"), replies as each role: refused ones get the clear error and queue nothing;
ratings and figures follow the uses."""
import json
import os
import tempfile
import unittest

from test_triage_api import ServedDesk

REFUND_DA = ("Kære {{customer.first_name}},\n\n"
             "Tak for din henvendelse om {{ticket.ref}}.\n"
             "{{#editable details}}Vi har set på din sag.{{/editable}}\n\n"
             "Vi refunderer beløbet inden for 5 bankdage.\n\n"
             "Venlig hilsen\n{{agent.name}}, {{desk.name}}\n")


class Templates(ServedDesk):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.senior = cls.desk.run("token", "create", "sara", "--role", "senior").stdout.decode().strip()
        cls.ref = None

    def as_role(self, role):
        return {"agent": self.agent, "senior": self.senior, "admin": self.admin}[role]

    def create(self, name, body, language="da", category="billing", token=None):
        return self.call("POST", "/api/v1/templates",
                         {"name": name, "language": language, "category": category, "body": body},
                         token=token or self.admin)

    def ticket(self):
        # One Danish billing ticket shared by the tests (category set by an agent, so it does
        # not depend on the classifier).
        if Templates.ref is None:
            Templates.ref = self.deliver("Søren Hansen <soren@kunde.example>", "Refusion",
                                         "Jeg vil gerne have pengene for ordren refunderet. Jeg har betalt to "
                                         "gange med mit kort, og beløbet er trukket to gange. "
                                         "Hvornår kan jeg forvente at få pengene tilbage?")
            status, body = self.call("PATCH", "/api/v1/tickets/%s/triage" % Templates.ref,
                                     {"category": "billing"})
            self.assertEqual(status, 200, body)
        return Templates.ref

    def template_id(self, name, language="da"):
        for t in self.get("/api/v1/templates")["templates"]:
            if t["name"] == name and t["language"] == language:
                return t["id"]
        status, body = self.create(name, REFUND_DA, language)
        self.assertEqual(status, 201, body)
        return body["id"]

    def draft(self, template_id, token):
        status, body = self.call("GET", "/api/v1/tickets/%s/templates?limit=10" % self.ticket(),
                                 token=token)
        self.assertEqual(status, 200, body)
        for s in body["suggestions"]:
            if s["template"]["id"] == template_id:
                return s["draft"]["text"]
        self.fail("template %d not suggested: %s" % (template_id, body))

    def variant(self, text, kind):
        if kind == "unchanged":
            return text
        if kind == "editable":
            return text.replace("Vi har set på din sag.", "Kortet er spærret, og et nyt er på vej.")
        if kind == "locked":
            return text.replace("5 bankdage", "30 bankdage")
        raise ValueError(kind)

    def check(self, template_id, role, kind):
        token = self.as_role(role)
        text = self.variant(self.draft(template_id, token), kind)
        return self.call("POST", "/api/v1/tickets/%s/templates/%d/check" % (self.ticket(), template_id),
                         {"text": text}, token=token)

    # -- management ----------------------------------------------------------------------

    def test_create_version_archive_and_management_rights(self):
        status, body = self.create("welcome", "Hej {{customer.name}}!", token=self.agent)
        self.assertEqual(status, 403, body)
        self.assertIn("the role agent may change only the editable regions", body["error"]["message"])
        status, body = self.create("welcome", "Hej {{customer.name}}!", token=self.senior)
        self.assertEqual(status, 403, body)

        status, body = self.create("broken", "Hej\n{{#editable a}}tekst\n")
        self.assertEqual(status, 400, body)
        self.assertIn('line 2: the editable region "a" opened here is never closed',
                      body["error"]["message"])
        status, body = self.create("typo", "Hej {{customer.nmae}}")
        self.assertEqual(status, 400, body)
        self.assertIn("unknown placeholder {{customer.nmae}}", body["error"]["message"])

        status, created = self.create("welcome", "Hej {{customer.name}}!")
        self.assertEqual(status, 201, created)
        self.assertEqual(created["version"], 1)
        self.assertEqual(created["state"], "active")
        tid = created["id"]
        status, body = self.create("welcome", "Hej igen")
        self.assertEqual(status, 409, body)

        status, v2 = self.call("PUT", "/api/v1/templates/%d" % tid,
                               {"body": "Hej {{customer.name}}, {{#editable x}}...{{/editable}}",
                                "comment": "a region"}, token=self.admin)
        self.assertEqual(status, 200, v2)
        self.assertEqual(v2["version"], 2)
        self.assertEqual(v2["regions"], ["x"])
        status, body = self.call("PUT", "/api/v1/templates/%d" % tid, {"body": "x"}, token=self.agent)
        self.assertEqual(status, 403, body)
        versions = self.get("/api/v1/templates/%d/versions" % tid)["versions"]
        self.assertEqual([v["version"] for v in versions], [1, 2])
        self.assertEqual(self.get("/api/v1/templates/%d/versions/1" % tid)["body"], "Hej {{customer.name}}!")
        status, body = self.call("GET", "/api/v1/templates/%d/versions/9" % tid)
        self.assertEqual(status, 404, body)

        status, body = self.call("POST", "/api/v1/templates/%d/archive" % tid, token=self.admin)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["state"], "archived")
        names = [t["name"] for t in self.get("/api/v1/templates", state="active")["templates"]]
        self.assertNotIn("welcome", names)
        names = [t["name"] for t in self.get("/api/v1/templates", state="archived")["templates"]]
        self.assertIn("welcome", names)
        suggested = self.get("/api/v1/tickets/%s/templates" % self.ticket(), limit=20)["suggestions"]
        self.assertNotIn(tid, [s["template"]["id"] for s in suggested])
        # Old versions stay readable after archiving.
        self.assertEqual(self.get("/api/v1/templates/%d/versions/2" % tid)["version"], 2)

    def test_suggestions_rank_the_danish_billing_answer_first_with_its_draft(self):
        refund = self.template_id("refund-promise")
        status, body = self.create("refund-promise", "Dear {{customer.name}}, we refund within "
                                   "5 business days. {{#editable details}}{{/editable}}", language="en")
        self.assertIn(status, (201, 409), body)
        status, body = self.create("parcel", "Din pakke er på vej.", category="delivery")
        self.assertIn(status, (201, 409), body)
        body = self.get("/api/v1/tickets/%s/templates" % self.ticket())
        self.assertEqual(body["language"], "da")
        self.assertEqual(body["category"], "billing")
        top = body["suggestions"][0]
        self.assertEqual(top["template"]["id"], refund, body)
        self.assertIn("category billing", top["reasons"])
        self.assertIn("language da", top["reasons"])
        self.assertGreater(top["parts"]["similarity"], 0)
        draft = top["draft"]
        self.assertTrue(draft["text"].startswith("Kære Søren,"), draft)
        self.assertIn("Tak for din henvendelse om %s." % self.ticket(), draft["text"])
        self.assertIn("carla", draft["text"])  # the agent's name: the token's name here
        kinds = [(s["kind"], s.get("name")) for s in draft["segments"]]
        self.assertEqual(kinds, [("locked", None), ("editable", "details"), ("locked", None)])
        languages = [s["template"]["language"] for s in body["suggestions"]]
        self.assertLess(languages.index("da"), languages.index("en"))

    # -- authority -------------------------------------------------------------------------

    def test_authority_matrix_with_the_default_policy(self):
        tid = self.template_id("refund-promise")
        expected = {("agent", "unchanged"): 200, ("agent", "editable"): 200, ("agent", "locked"): 403,
                    ("senior", "unchanged"): 200, ("senior", "editable"): 200, ("senior", "locked"): 200,
                    ("admin", "unchanged"): 200, ("admin", "editable"): 200, ("admin", "locked"): 200}
        for (role, kind), want in expected.items():
            with self.subTest(role=role, kind=kind):
                status, body = self.check(tid, role, kind)
                self.assertEqual(status, want, body)
                if status == 200:
                    self.assertEqual(body["locked_changed"], kind == "locked")
                    self.assertEqual(body["editable_changed"], kind != "unchanged")
        status, body = self.check(tid, "agent", "locked")
        msg = body["error"]["message"]
        self.assertEqual(body["error"]["code"], "permission_denied")
        self.assertIn('was changed: "Vi refunderer beløbet inden for 5 bankdage."', msg)
        self.assertIn("the role agent may change only the editable regions", msg)
        self.assertIn("(details)", msg)

    def test_authority_matrix_after_management_changes_the_policy(self):
        tid = self.template_id("refund-promise")
        status, body = self.call("PUT", "/api/v1/templates/policy",
                                 {"roles": {"agent": {"edit_locked": True}}}, token=self.agent)
        self.assertEqual(status, 403, body)
        try:
            status, body = self.call("PUT", "/api/v1/templates/policy",
                                     {"roles": {"agent": {"edit_editable": False},
                                                "senior": {"edit_locked": False}}},
                                     token=self.admin)
            self.assertEqual(status, 200, body)
            roles = {r["role"]: r for r in body["roles"]}
            self.assertFalse(roles["agent"]["edit_editable"])
            self.assertTrue(roles["agent"]["stored"])
            self.assertEqual(roles["agent"]["updated_by"], "boss")
            expected = {("agent", "unchanged"): 200, ("agent", "editable"): 403,
                        ("agent", "locked"): 403, ("senior", "editable"): 200,
                        ("senior", "locked"): 403, ("admin", "locked"): 200}
            for (role, kind), want in expected.items():
                with self.subTest(role=role, kind=kind):
                    status, body = self.check(tid, role, kind)
                    self.assertEqual(status, want, body)
            status, body = self.check(tid, "senior", "locked")
            self.assertIn("the role senior may change only the editable regions",
                          body["error"]["message"])
            self.assertIn("admin", body["error"]["message"])
            status, body = self.call("PUT", "/api/v1/templates/policy",
                                     {"roles": {"admin": {"manage": False}}}, token=self.admin)
            self.assertEqual(status, 400, body)
            status, body = self.call("PUT", "/api/v1/templates/policy",
                                     {"roles": {"intern": {"manage": False}}}, token=self.admin)
            self.assertEqual(status, 400, body)
        finally:
            status, body = self.call("PUT", "/api/v1/templates/policy", {"reset": True},
                                     token=self.admin)
            self.assertEqual(status, 200, body)
        self.assertFalse(any(r["stored"] for r in self.get("/api/v1/templates/policy")["roles"]))

    # -- replies (needs the reply API to call the check) ----------------------------------

    def outbox_count(self):
        out = self.desk.run("outbox", "--json").stdout.decode()
        return len([l for l in out.splitlines() if l.strip()])

    def test_replies_as_each_role_and_ratings(self):
        tid = self.template_id("refund-promise")
        ref = self.ticket()
        status, body = self.call("POST", "/api/v1/templates/%d/ratings" % tid,
                                 {"ticket": ref, "useful": True})
        self.assertEqual(status, 400, body)
        self.assertIn("rate a template after replying with it", body["error"]["message"])

        text = self.variant(self.draft(tid, self.agent), "locked")
        before = self.outbox_count()
        status, body = self.call("POST", "/api/v1/tickets/%s/replies" % ref,
                                 {"text": text, "template": {"id": tid}}, token=self.agent)
        self.assertEqual(status, 403, body)
        self.assertIn("Vi refunderer beløbet inden for 5 bankdage.", body["error"]["message"])
        self.assertEqual(self.outbox_count(), before, "a refused reply must queue nothing")

        for role, kind in (("agent", "editable"), ("senior", "locked"), ("admin", "unchanged")):
            token = self.as_role(role)
            text = self.variant(self.draft(tid, token), kind)
            status, body = self.call("POST", "/api/v1/tickets/%s/replies" % ref,
                                     {"text": text, "template": {"id": tid}}, token=token)
            self.assertEqual(status, 202, (role, kind, body))
        self.assertEqual(self.outbox_count(), before + 3)

        status, body = self.call("POST", "/api/v1/templates/%d/ratings" % tid,
                                 {"ticket": ref, "useful": False, "comment": "too formal"})
        self.assertEqual(status, 201, body)
        status, body = self.call("POST", "/api/v1/templates/%d/ratings" % tid,
                                 {"ticket": ref, "useful": True}, token=self.senior)
        self.assertEqual(status, 201, body)
        stats = self.get("/api/v1/templates/%d/stats" % tid)
        self.assertEqual(stats["uses"], 3)
        self.assertEqual(stats["ratings"], {"useful": 1, "not_useful": 1})
        self.assertEqual(stats["locked_changed"], 1)
        self.assertGreater(stats["mean_edit_ratio"], 0)
        self.assertIsNone(stats["satisfaction"])
        self.assertIn("no satisfaction surveys yet", stats["satisfaction_note"])

    # -- CLI -------------------------------------------------------------------------------

    def test_cli_import_and_list(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "password.md"), "w", encoding="utf-8") as f:
                f.write("---\nname: password-reset\ncategory: account\nlanguage: sv\n---\n"
                        "Hej {{customer.first_name}}! Återställ lösenordet via länken.\n")
            with open(os.path.join(d, "bad.txt"), "w", encoding="utf-8") as f:
                f.write("---\nname: bad\nlanguage: sv\n---\nHej\n{{agent.nam}}\n")
            r = self.desk.run("templates", "import", d, check=False)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("bad.txt: line 6: unknown placeholder {{agent.nam}}", r.stderr.decode())
            os.remove(os.path.join(d, "bad.txt"))
            r = self.desk.run("templates", "import", d)
            self.assertIn("1 template(s) created", r.stdout.decode())
            r = self.desk.run("templates", "import", d)
            self.assertIn("1 unchanged", r.stdout.decode())
        listed = [json.loads(l) for l in self.desk.run("templates", "list", "--json").stdout.decode().splitlines()]
        mine = [t for t in listed if t["name"] == "password-reset"]
        self.assertEqual(len(mine), 1)
        self.assertEqual((mine[0]["language"], mine[0]["category"], mine[0]["version"]), ("sv", "account", 1))


if __name__ == "__main__":
    unittest.main()
