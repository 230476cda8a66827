"""The real binary against a real Dovecot (scripts/test-servers.sh): `svar fetch` takes mail
from IMAP and marks it only once stored; clear errors for a wrong password and an unreachable
server; `svar serve` polls on its own and answers the JSON API with a token."""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

from svarlib import SOURCE, SVAR, Desk

SCRIPT = os.path.join(SOURCE, "scripts", "test-servers.sh")


def message(i, subject="IMAP test"):
    return ("From: imap%d@kunde.example\r\nTo: agent@example.com\r\nSubject: %s %d\r\n"
            "Message-ID: <imap-%d@kunde.example>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0000\r\n\r\n"
            "Body %d\r\n" % (i, subject, i, i, i))


@unittest.skipUnless(shutil.which("dovecot"), "dovecot is not installed (scripts/install-deps.sh)")
class ServeAndImap(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.servers = tempfile.mkdtemp(prefix="svar-imap-")
        os.chmod(cls.servers, 0o777)
        base = 22000 + os.getpid() % 1000
        cls.imap_port, cls.imaps_port, cls.smtp_port = base, base + 2000, base + 1000
        env = dict(os.environ, IMAP_PORT=str(cls.imap_port), IMAPS_PORT=str(cls.imaps_port),
                   SMTP_PORT=str(cls.smtp_port))
        cls.ca_file = os.path.join(cls.servers, "tls", "cert.pem")
        subprocess.run([SCRIPT, "start", cls.servers], check=True, env=env, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        subprocess.run([SCRIPT, "stop", cls.servers], capture_output=True)
        shutil.rmtree(cls.servers, ignore_errors=True)

    def seed(self, *texts):
        files = []
        for i, t in enumerate(texts):
            path = os.path.join(self.servers, "seed-%d-%d.eml" % (time.time_ns(), i))
            with open(path, "w") as f:
                f.write(t)
            os.chmod(path, 0o644)
            files.append(path)
        subprocess.run([SCRIPT, "seed", self.servers, "agent@example.com", *files],
                       check=True, capture_output=True)

    def desk(self, password="secret", port=None, poll=60, scheme="imap", plaintext=True,
             ca_file=None):
        return Desk("""
[desk]
addresses = ["agent@example.com"]
[server]
port = 0
[[mailbox]]
name = "support"
address = "agent@example.com"
imap_url = "%s://127.0.0.1:%d/INBOX"
username = "agent@example.com"
password = "%s"
allow_plaintext = %s
poll_seconds = %d
timeout_seconds = 10
%s
""" % (scheme, port or self.imap_port, password, "true" if plaintext else "false", poll,
       'ca_file = "%s"' % ca_file if ca_file else ""))

    def test_fetch_stores_and_marks_once(self):
        self.seed(message(1), message(2), message(3))
        desk = self.desk()
        try:
            p = desk.run("fetch")
            self.assertIn(b"3 fetched, 3 stored", p.stderr)
            self.assertEqual(len(desk.tickets()), 3)
            p = desk.run("fetch")
            self.assertIn(b"0 fetched", p.stderr)
            self.assertEqual(len(desk.tickets()), 3)
        finally:
            desk.close()

    def test_imaps_with_private_ca(self):
        self.seed(message(10, "TLS"))
        desk = self.desk(scheme="imaps", port=self.imaps_port, plaintext=False,
                         ca_file=self.ca_file)
        try:
            desk.run("fetch")
            self.assertTrue(any(t["subject"] == "TLS 10" for t in desk.tickets()))
        finally:
            desk.close()

    def test_starttls_is_required_and_used(self):
        self.seed(message(11, "STARTTLS"))
        desk = self.desk(plaintext=False, ca_file=self.ca_file)
        try:
            desk.run("fetch")
            self.assertTrue(any(t["subject"] == "STARTTLS 11" for t in desk.tickets()))
        finally:
            desk.close()

    def test_untrusted_certificate_is_one_clear_line(self):
        desk = self.desk(scheme="imaps", port=self.imaps_port, plaintext=False)
        try:
            p = desk.run("fetch", check=False)
            self.assertNotEqual(p.returncode, 0)
            self.assertIn(b"is not trusted", p.stderr)
            self.assertIn(b"ca_file", p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        finally:
            desk.close()

    def test_wrong_password_is_one_clear_line(self):
        desk = self.desk(password="wrong")
        try:
            p = desk.run("fetch", check=False)
            self.assertNotEqual(p.returncode, 0)
            self.assertIn(b"login failed for user agent@example.com", p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        finally:
            desk.close()

    def test_unreachable_server_is_one_clear_line(self):
        desk = self.desk(port=1)
        try:
            p = desk.run("fetch", check=False)
            self.assertEqual(p.returncode, 69, p.stderr)
            self.assertIn(b"cannot connect to 127.0.0.1:1", p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        finally:
            desk.close()

    def test_serve_polls_and_answers_api(self):
        desk = self.desk(poll=1)
        proc = None
        try:
            token = desk.run("token", "create", "e2e").stdout.decode().strip()
            proc = subprocess.Popen([SVAR, "--data", desk.data, "--config", desk.config, "serve"],
                                    stderr=subprocess.PIPE)
            port = None
            deadline = time.time() + 20
            line = b""
            while time.time() < deadline and port is None:
                line = proc.stderr.readline()
                if b"serving on http://" in line:
                    port = int(line.split(b":")[-1].split(b" ")[0].split(b"/")[0])
            self.assertIsNotNone(port, line)
            self.seed(message(100, "Served"))
            tickets = []
            while time.time() < deadline:
                req = urllib.request.Request("http://127.0.0.1:%d/api/v1/tickets" % port,
                                             headers={"Authorization": "Bearer " + token})
                tickets = json.load(urllib.request.urlopen(req))["tickets"]
                if any(t["subject"] == "Served 100" for t in tickets):
                    break
                time.sleep(0.3)
            self.assertTrue(any(t["subject"] == "Served 100" for t in tickets), tickets)
            with self.assertRaises(urllib.error.HTTPError) as e:
                urllib.request.urlopen("http://127.0.0.1:%d/api/v1/tickets" % port)
            self.assertEqual(e.exception.code, 401)
            health = json.load(urllib.request.urlopen("http://127.0.0.1:%d/healthz" % port))
            self.assertEqual(health["status"], "ok")
            ref = [t for t in tickets if t["subject"] == "Served 100"][0]["ref"]
            req = urllib.request.Request("http://127.0.0.1:%d/api/v1/tickets/%s" % (port, ref),
                                         headers={"Authorization": "Bearer " + token})
            detail = json.load(urllib.request.urlopen(req))
            self.assertIn("Body 100", detail["messages"][0]["text"])
        finally:
            if proc:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=20)
                proc.stderr.close()
            desk.close()


if __name__ == "__main__":
    unittest.main()
