"""The knowledge base end to end through `svar kb import` and `svar serve`: the multilingual
corpus in tests/corpora/kb (da, sv, nb, ru, zh-Hans, zh-Hant, en) imported, every query of
queries.tsv must find its article first and, where it names one, the right passage (plain,
inflected forms, the other Chinese script, typos, synonyms); internal content never reaches
a public endpoint; a published change is searchable within a second."""
import csv
import json
import os
import re
import signal
import subprocess
import sys
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

from svarlib import CORPORA, SVAR, Desk

KB = os.path.join(CORPORA, "kb")
sys.path.insert(0, KB)
from check import anchor as heading_anchor  # noqa: E402  (the corpus's own anchor rule)


def read_tsv(name):
    with open(os.path.join(KB, name), encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def headings(locale, slug):
    """Heading texts of an article file, keyed by the corpus's anchor rule."""
    path = os.path.join(KB, "articles", locale, slug + ".md")
    with open(path, encoding="utf-8") as f:
        return {heading_anchor(m.group(1).strip()): m.group(1).strip()
                for m in re.finditer(r"^#{2,6}\s+(.+)$", f.read(), re.M)}


class KnowledgeBase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.desk = Desk('[desk]\naddresses = ["support@desk.example"]\n[server]\nport = 0\n')
        cls.desk.run("kb", "import", os.path.join(KB, "articles"))
        cls.agent = cls.desk.run("token", "create", "agent", "--role", "agent").stdout.decode().strip()
        cls.admin = cls.desk.run("token", "create", "admin").stdout.decode().strip()
        cls.proc = subprocess.Popen([SVAR, "--data", cls.desk.data, "--config", cls.desk.config,
                                     "serve", "--no-fetch"], stderr=subprocess.PIPE)
        cls.port = None
        deadline = time.time() + 30
        while time.time() < deadline and cls.port is None:
            line = cls.proc.stderr.readline()
            if b"serving on http://" in line:
                cls.port = int(line.split(b":")[-1].split(b" ")[0].split(b"/")[0])
        assert cls.port, "svar serve did not start"

    @classmethod
    def tearDownClass(cls):
        cls.proc.send_signal(signal.SIGTERM)
        cls.proc.wait(timeout=30)
        cls.proc.stderr.close()
        cls.desk.close()

    def call(self, method, path, body=None, token=None):
        url = "http://127.0.0.1:%d%s" % (self.port, path)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req) as r:
                return r.status, json.load(r)
        except urllib.error.HTTPError as e:
            return e.code, json.load(e)

    def get(self, path, token=None, **params):
        url = "http://127.0.0.1:%d%s?%s" % (self.port, path, urllib.parse.urlencode(params))
        headers = {"Authorization": "Bearer " + token} if token else {}
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as r:
            return json.load(r)

    def search(self, q, locale, token=None, limit=5):
        return self.get("/api/v1/kb/search", token, q=q, locale=locale, limit=limit)

    @classmethod
    def install_synonyms(cls, test):
        groups = {}
        for row in read_tsv("synonyms.tsv"):
            groups.setdefault(row["locale"], []).append(row["terms"].split(","))
        for locale, g in groups.items():
            status, body = test.call("PUT", "/api/v1/kb/synonyms/" + locale, {"groups": g},
                                     cls.admin)
            test.assertEqual(status, 200, body)
        status, _ = test.call("PUT", "/api/v1/kb/synonyms/en", {"groups": [["a", "b"]]}, cls.agent)
        test.assertEqual(status, 403)  # admins only
        time.sleep(1.0)  # the index picks the synonyms up within a second

    # Measured on this corpus: all 88 queries find their article first; 83 of 88 also the
    # passage a person chose as the answer. The five others show a neighbouring section of the
    # right article (docs/knowledge-base.md lists them and why).
    MIN_ARTICLE_FIRST = 1.0
    MIN_RIGHT_PASSAGE = 0.94

    def test_queries_find_article_and_passage(self):
        self.install_synonyms(self)
        queries = read_tsv("queries.tsv")
        self.assertGreaterEqual(len(queries), 50)
        misses = []
        article_misses = 0
        for q in queries:
            hits = self.search(q["query"], q["locale"])["hits"]
            top = hits[0] if hits else None
            if not top or top["slug"] != q["expected_slug"] or top["locale"] != q["locale"]:
                article_misses += 1
                self.assertNotEqual(q["kind"], "other-script",
                                    "the other Chinese script must always work: %s" % q["query"])
                misses.append("%s %s [%s]: got %s" % (q["locale"], q["query"], q["kind"],
                              [(h["locale"], h["slug"]) for h in hits[:3]]))
                continue
            if q["expected_anchor"]:
                want = headings(q["locale"], q["expected_slug"]).get(q["expected_anchor"])
                self.assertIsNotNone(want, "queries.tsv names a heading that does not exist")
                if top["passage"]["heading"] != want:
                    misses.append("%s %s [%s]: passage under %r, wanted %r" % (
                        q["locale"], q["query"], q["kind"], top["passage"]["heading"], want))
        n = len(queries)
        article_first = (n - article_misses) / n
        right_passage = (n - len(misses)) / n
        print("\nkb corpus: %d queries, article first %.3f, right passage %.3f; misses:\n  %s"
              % (n, article_first, right_passage, "\n  ".join(misses)), file=sys.stderr)
        self.assertGreaterEqual(article_first, self.MIN_ARTICLE_FIRST, "\n".join(misses))
        self.assertGreaterEqual(right_passage, self.MIN_RIGHT_PASSAGE, "\n".join(misses))

    def test_internal_content_never_leaks(self):
        markers = re.compile(r"INTERNAL-ONLY-[0-9A-F]{4}")
        internal = {"refund-approval-limits", "fraud-check-procedure", "escalation-phone-numbers"}
        for row in read_tsv("leak_queries.tsv"):
            for locale in ("en", "da"):
                body = self.search(row["query"], locale, limit=50)
                text = json.dumps(body, ensure_ascii=False)
                self.assertFalse(markers.search(text), row["query"])
                self.assertFalse({h["slug"] for h in body["hits"]} & internal, row["query"])
                for n in range(1, len(row["query"]) + 1):
                    s = json.dumps(self.get("/api/v1/kb/suggest", q=row["query"][:n],
                                            locale=locale), ensure_ascii=False)
                    self.assertFalse(markers.search(s), row["query"][:n])
                    self.assertFalse(any(slug in s for slug in internal), row["query"][:n])
        # The same queries with an agent's token do find the internal articles: the test
        # above could have failed.
        found = set()
        for row in read_tsv("leak_queries.tsv"):
            found |= {h["slug"] for h in self.search(row["query"], "en", self.agent, 50)["hits"]}
        self.assertTrue(internal <= found, found)

    def test_workflow_and_index_follow_within_a_second(self):
        editor = self.desk.run("token", "create", "erik", "--role", "editor").stdout.decode().strip()
        reviewer = self.desk.run("token", "create", "rita", "--role", "reviewer").stdout.decode().strip()
        article = {"slug": "opening-hours", "locale": "en", "title": "Opening hours of support",
                   "body": "Our support answers on weekdays.\n\n## Holidays\n\nOn public "
                           "holidays the zorblax team rests.", "category": "account"}
        status, created = self.call("POST", "/api/v1/kb/articles", article, self.agent)
        self.assertEqual(status, 403)  # agents cannot write articles
        status, created = self.call("POST", "/api/v1/kb/articles", article, editor)
        self.assertEqual(status, 201, created)
        aid = created["id"]
        self.assertEqual(self.call("POST", "/api/v1/kb/articles/%d/submit" % aid, {}, editor)[0], 200)
        status, body = self.call("POST", "/api/v1/kb/articles/%d/publish" % aid, {}, reviewer)
        self.assertEqual(status, 403, body)  # not approved by another person yet
        self.assertIn("needs the approval of a reviewer other than its author", body["error"]["message"])
        status, body = self.call("POST", "/api/v1/kb/articles/%d/approve" % aid, {}, reviewer)
        self.assertEqual(status, 200, body)
        status, body = self.call("POST", "/api/v1/kb/articles/%d/publish" % aid, {}, reviewer)
        self.assertEqual(status, 200, body)
        published_at = time.monotonic()
        found = None
        while time.monotonic() - published_at < 5:
            hits = self.search("zorblax", "en")["hits"]
            if hits:
                found = time.monotonic() - published_at
                break
            time.sleep(0.05)
        self.assertIsNotNone(found, "the published article never became searchable")
        self.assertLess(found, 1.0, "searchable only after %.2f s" % found)
        self.assertEqual(hits[0]["passage"]["anchor"], "holidays")
        # Versions are kept and can be compared; the reviewer is recorded.
        article["body"] += "\n\nAlso closed on 24 December."
        status, updated = self.call("PUT", "/api/v1/kb/articles/%d" % aid, article, editor)
        self.assertEqual(status, 200, updated)
        status, cmp = self.call("GET", "/api/v1/kb/articles/%d/compare?from=1&to=2" % aid, None, editor)
        self.assertEqual(status, 200)
        self.assertIn("+Also closed on 24 December.", cmp["diff"])
        status, detail = self.call("GET", "/api/v1/kb/articles/%d" % aid, None, editor)
        self.assertEqual([r["reviewer"] for r in detail["reviews"]], ["rita"])

    def test_feedback_flags_and_gaps(self):
        hits = self.search("gift card balance", "en")["hits"]
        aid = hits[0]["article_id"]
        for i in range(8):
            status, _ = self.call("POST", "/api/v1/kb/feedback",
                                  {"article_id": aid, "helpful": False, "session": "s%d" % i})
            self.assertEqual(status, 201)
        status, flagged = self.call("GET", "/api/v1/kb/flagged", None, self.agent)
        self.assertEqual(status, 200)
        self.assertIn(aid, [a["article_id"] for a in flagged["articles"]])
        # Customers cannot rate internal articles.
        internal = self.search("refund approval limits", "en", self.agent, 50)["hits"]
        iid = [h for h in internal if h["slug"] == "refund-approval-limits"][0]["article_id"]
        status, _ = self.call("POST", "/api/v1/kb/feedback", {"article_id": iid, "helpful": True})
        self.assertEqual(status, 404)
        for q in ("bitcoin", "Bitcoin?", "bitcoins"):
            self.assertEqual(self.search(q, "en")["hits"], [], q)
        status, gaps = self.call("GET", "/api/v1/kb/gaps", None, self.agent)
        self.assertEqual(status, 200)
        bitcoin = [g for g in gaps["gaps"] if "bitcoin" in g["query"].lower()]
        self.assertEqual(len(bitcoin), 1, gaps)  # one group for the three variants
        self.assertEqual(bitcoin[0]["count"], 3, gaps)

    def test_public_article_page_has_the_passage_anchor(self):
        hit = self.search("payment declined reasons", "en")["hits"][0]
        path, _, anchor = hit["url"].partition("#")
        page = self.get(path, session="s-page")
        self.assertEqual(page["slug"], hit["slug"])
        if anchor:
            self.assertIn('id="%s"' % anchor, page["html"])
        self.assertNotIn("<script", page["html"])
        self.assertTrue(any(t["locale"] == "da" for t in page["translations"]), page["translations"])
        for slug in ("refund-approval-limits", "fraud-check-procedure", "escalation-phone-numbers"):
            for locale in ("en", "da"):
                with self.assertRaises(urllib.error.HTTPError) as e:
                    self.get("/api/v1/kb/public/articles/%s/%s" % (locale, slug))
                self.assertEqual(e.exception.code, 404)

    def test_bad_token_is_refused_not_downgraded(self):
        with self.assertRaises(urllib.error.HTTPError) as e:
            self.search("password", "en", token="svar_wrong")
        self.assertEqual(e.exception.code, 401)

    def test_suggest_completes_the_last_word(self):
        body = self.get("/api/v1/kb/suggest", q="reset pass", locale="en")
        self.assertTrue(any("password" in c for c in body["completions"]), body)
        self.assertTrue(any(a["slug"] == "reset-password" for a in body["articles"]), body)


if __name__ == "__main__":
    unittest.main()
