"""`svar demo`: loads multilingual demo tickets into a fresh data directory, starts afresh on a
directory an earlier demo made, and refuses to touch a directory with other data."""
import os
import subprocess
import unittest

from svarlib import SVAR, Desk


class Demo(unittest.TestCase):
    def test_demo_data_and_fresh_start(self):
        desk = Desk()
        try:
            cmd = [SVAR, "--data", desk.data, "demo", "--no-serve"]
            p = subprocess.run(cmd, capture_output=True, timeout=60)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(b"API token: svar_", p.stderr)
            tickets = desk.tickets()
            self.assertEqual(len(tickets), 8)
            subjects = " ".join(t["subject"] for t in tickets)
            for word in ("logge ind", "fakturan", "Pakken", "оплата", "无法登录", "退款", "Refund"):
                self.assertIn(word, subjects)
            sv = [t for t in tickets if t["customer"] == "erik@foretag.se"][0]
            self.assertEqual(sv["message_count"], 2)  # the reply threaded
            p = subprocess.run(cmd, capture_output=True, timeout=60)  # again: afresh
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(len(desk.tickets()), 8)
        finally:
            desk.close()

    def test_refuses_a_directory_with_other_data(self):
        desk = Desk()
        try:
            os.makedirs(desk.data)
            with open(os.path.join(desk.data, "precious.txt"), "w") as f:
                f.write("keep me")
            p = subprocess.run([SVAR, "--data", desk.data, "demo", "--no-serve"],
                               capture_output=True, timeout=60)
            self.assertNotEqual(p.returncode, 0)
            self.assertIn(b"not from a demo", p.stderr)
            self.assertTrue(os.path.exists(os.path.join(desk.data, "precious.txt")))
        finally:
            desk.close()


if __name__ == "__main__":
    unittest.main()
