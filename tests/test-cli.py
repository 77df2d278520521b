#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""quotes-scan as a user runs it: the report, the JSON contract, bad input."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

SCAN = os.environ.get("QUOTES_SCAN")
FIXTURES = os.environ.get("QUOTES_FIXTURES_DIR")


def scan(*args, data=None):
    return subprocess.run([SCAN, *args], input=data, capture_output=True)


class CliTest(unittest.TestCase):
    def write(self, content):
        f = tempfile.NamedTemporaryFile(delete=False, suffix=".txt")
        f.write(content)
        f.close()
        self.addCleanup(os.unlink, f.name)
        return f.name

    def test_json_follows_the_contract(self):
        path = os.path.join(FIXTURES, "seed-article.txt")
        text = open(path, encoding="utf-8").read()
        result = scan("--json", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        doc = json.loads(result.stdout)
        self.assertEqual(doc["version"], 1)
        self.assertEqual(doc["length"], len(text))
        for quote in doc["quotes"]:
            self.assertIn(quote["kind"], ("direct", "partial", "indirect", "scare"))
            for key in ("cue", "source"):
                if quote[key] is not None:
                    span = quote[key]
                    self.assertEqual(text[span["start"]:span["end"]], span["text"])
        names = [e["name"] for e in doc["entities"]]
        self.assertIn("Keir Starmer", names)

    def test_report_lists_speakers(self):
        result = scan(os.path.join(FIXTURES, "seed-article.txt"))
        self.assertEqual(result.returncode, 0)
        out = result.stdout.decode()
        self.assertIn("Volodymyr Zelenskiy (Ukrainian President)", out)
        self.assertIn("Lashkar-e-Taiba", out)
        self.assertIn("@ZelenskyyUa", out)

    def test_invalid_utf8_names_file_and_offset(self):
        path = self.write(b"\xe2\x80\x9cHello,\xe2\x80\x9d she said. \xff\xfe")
        result = scan("--json", path)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, b"")
        self.assertIn(path.encode(), result.stderr)
        self.assertIn(b"byte 23", result.stderr)

    def test_binary_input_is_refused(self):
        path = self.write(b"text\x00more")
        result = scan(path)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"byte 4", result.stderr)

    def test_empty_input(self):
        result = scan("--json", self.write(b""))
        self.assertEqual(result.returncode, 0)
        doc = json.loads(result.stdout)
        self.assertEqual((doc["length"], doc["quotes"], doc["entities"]), (0, [], []))

    def test_standard_input(self):
        result = scan("--json", "-", data="“We won,” Ana Lima said.".encode())
        self.assertEqual(result.returncode, 0)
        self.assertEqual(json.loads(result.stdout)["quotes"][0]["kind"], "direct")

    def test_several_files_give_an_array(self):
        seed = os.path.join(FIXTURES, "seed-article.txt")
        result = scan("--json", seed, self.write("“Yes,” Ana Lima said.".encode()))
        self.assertEqual(result.returncode, 0)
        docs = json.loads(result.stdout)
        self.assertEqual(len(docs), 2)
        self.assertEqual(docs[1]["quotes"][0]["text"], "Yes,")

    def test_missing_file(self):
        result = scan("/nonexistent/article.txt")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"article.txt", result.stderr)


if __name__ == "__main__":
    unittest.main()
