"""Helpers for end-to-end tests: run the real svar binary in a throw-away data directory."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

SVAR = os.environ.get("SVAR_BIN") or os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "svar")
SOURCE = os.environ.get("SVAR_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", "..")
SHARED = os.environ.get("SVAR_SHARED_DATA") or os.path.join(SOURCE, "..", "shared", "data")
CORPORA = os.path.join(SOURCE, "tests", "corpora")

DESK_CONFIG = """
[desk]
addresses = ["support@desk.example"]
"""


class Desk:
    """A data directory plus a config; run(...) calls svar with them."""

    def __init__(self, config=DESK_CONFIG):
        self.dir = tempfile.mkdtemp(prefix="svar-e2e-")
        self.data = os.path.join(self.dir, "data")
        self.config = os.path.join(self.dir, "svar.toml")
        with open(self.config, "w") as f:
            f.write(config)

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def run(self, *args, input=None, check=True, timeout=600):
        cmd = [SVAR, "--data", self.data, "--config", self.config, *args]
        p = subprocess.run(cmd, input=input, capture_output=True, timeout=timeout)
        if check and p.returncode != 0:
            raise AssertionError(
                "%s exited %d\nstdout: %s\nstderr: %s"
                % (" ".join(cmd), p.returncode, p.stdout[-2000:], p.stderr[-2000:]))
        return p

    def deliver(self, raw, check=True):
        return self.run("deliver", input=raw, check=check)

    def tickets(self):
        out = self.run("tickets", "--json").stdout.decode()
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    def show(self, ref):
        return json.loads(self.run("show", ref, "--json").stdout)

    def quarantine(self):
        out = self.run("quarantine", "--json").stdout.decode()
        return [json.loads(line) for line in out.splitlines() if line.strip()]


class DeskTest(unittest.TestCase):
    config = DESK_CONFIG

    def setUp(self):
        self.desk = Desk(self.config)

    def tearDown(self):
        self.desk.close()


def shared(*parts):
    """Path into ../shared/data, or None when the data sets are not there."""
    p = os.path.join(SHARED, *parts)
    return p if os.path.exists(p) else None
