#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The engine from Python through GObject Introspection, as a script would use it."""

import json
import os
import subprocess
import unittest

import gi

gi.require_version("Quotes", "1.0")
from gi.repository import GLib, Quotes  # noqa: E402

FIXTURES = os.environ["QUOTES_FIXTURES_DIR"]
SCAN = os.environ["QUOTES_SCAN"]


class IntrospectionTest(unittest.TestCase):
    def setUp(self):
        self.path = os.path.join(FIXTURES, "seed-article.txt")
        with open(self.path, encoding="utf-8") as f:
            self.text = f.read()
        self.analysis = Quotes.Analyzer.new().analyze(self.text, -1, None)

    def test_same_json_as_the_cli(self):
        cli = subprocess.run([SCAN, "--json", self.path], capture_output=True, check=True)
        self.assertEqual(json.loads(self.analysis.to_json()), json.loads(cli.stdout))

    def test_objects_are_usable(self):
        quotes = self.analysis.get_quotes()
        entities = self.analysis.get_entities()
        direct = [q for q in quotes if q.get_kind() == Quotes.QuoteKind.DIRECT]
        self.assertTrue(direct)
        for quote in direct:
            start, end = quote.get_start(), quote.get_end()
            self.assertIn(quote.get_text(), self.text[start:end])
            if quote.get_speaker() >= 0:
                speaker = entities[quote.get_speaker()]
                self.assertIn(quote.get_id(), list(speaker.get_quotes()))
        names = {e.get_name(): e for e in entities}
        self.assertIn("@ZelenskyyUa", names["Volodymyr Zelenskiy"].get_aliases())
        post = self.analysis.get_posts()[0]
        self.assertEqual(post.get_platform(), Quotes.Platform.X)
        self.assertEqual(post.get_handle(), "@ZelenskyyUa")

    def test_bad_text_raises(self):
        with self.assertRaises(GLib.Error):
            Quotes.Analyzer.new().analyze("text\0binary", 11, None)


if __name__ == "__main__":
    unittest.main()
