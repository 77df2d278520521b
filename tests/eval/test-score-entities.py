#!/usr/bin/env python3
"""Tests of tests/eval/score-entities, annotate-entities and assemble-entities
on a small synthetic article.

Run from the repository root:  python3 tests/eval/test-score-entities.py
"""

import contextlib
import importlib.machinery
import io
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

import fake_scan

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "score-entities")


def load(name):
    path = os.path.join(HERE, name)
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


se = load("score-entities")
annotate = load("annotate-entities")
assemble = load("assemble-entities")

TEXT = (
    "Harbour plan approved\n"
    "\n"
    "Mayor Ann Lee said the Port Authority would start work in May. "
    "Lee thanked Dockside Ltd and the council.\n"
    "\n"
    "<post author=\"@annlee\">The harbour is ours. \u2014 Ann Lee (@annlee) May 2, 2024</post>\n"
    "\n"
    "Also Read: Tides rise\n"
    "\n"
    "Twitter users cheered. Bob Ray of the Port Authority agreed. She smiled.\n"
    "https://x.com/bobray/status/123\n"
)


def at(needle, nth=0):
    pos = -1
    for _ in range(nth + 1):
        pos = TEXT.index(needle, pos + 1)
    return pos, pos + len(needle)


# What the annotator writes for TEXT; annotate-entities turns it into the gold.
SPEC = """\
# the handle inside the markup tag is not text, so only the signature's counts
person: Ann Lee | Lee | @annlee
person: Bob Ray
org: Port Authority
org: Dockside Ltd
unsure: Twitter
post: <post ... </post> | platform=x handle=@annlee date=2024-05-02
post: https://x.com/bobray ... 123 | platform=x handle=@bobray date=none
"""


def engine_json():
    """What the fake scanner prints for TEXT."""
    def ent(eid, etype, name, needles):
        spans = [at(*n) if isinstance(n, tuple) else at(n) for n in needles]
        return {"id": eid, "type": etype, "name": name, "title": None, "aliases": [],
                "mentions": [{"start": s, "end": e} for s, e in spans], "quotes": []}

    entities = [
        # "@annlee" in the tag is markup, "She" a pronoun: neither counts
        ent(0, "person", "Ann Lee", [("Ann Lee", 0), ("Lee", 1), ("Ann Lee", 1), ("@annlee", 0), "She"]),
        ent(1, "person", "Bob Ray", ["Bob Ray"]),
        ent(2, "person", "Also Read", ["Also Read"]),                   # boilerplate
        # nested mentions of one place count once
        ent(3, "organization", "Port Authority", ["the Port Authority", ("Port Authority", 0)]),
        ent(4, "organization", "Authority", [("Port Authority", 1)]),    # a split entity
        ent(5, "person", "Dockside Ltd", ["Dockside Ltd"]),              # wrong kind
        ent(6, "organization", "Twitter", ["Twitter"]),                 # unsure: not counted
        ent(7, "organization", "May", [("May", 0)]),                    # a month
        ent(8, "group", "council", ["council"]),                        # not scored
    ]
    s, e = at("<post")[0], at("</post>")[1]
    posts = [{"id": 0, "platform": "x", "author": "Ann Lee", "handle": "annlee", "date": "2024-05-03",
              "url": None, "start": s, "end": e, "text": "The harbour is ours.", "speaker": 0},
             {"id": 1, "platform": "unknown", "author": None, "handle": None, "date": None,
              "url": None, "start": at("Also Read")[0], "end": at("Tides rise")[1], "text": "",
              "speaker": None}]
    return {"version": 1, "length": len(TEXT), "quotes": [], "entities": entities, "posts": posts}


# Worked out by hand:
#   person: gold Ann Lee x3 + @annlee + Bob Ray = 5; engine (after dropping the
#     markup handle and "She") Ann Lee x2, Lee, Bob Ray, Also Read, Dockside Ltd
#     = 6; matched 4 -> P .667 R .800 F1 .727
#   org: gold Port Authority x2, Dockside Ltd = 3; engine the Port Authority
#     (nested pair merged), Port Authority, May = 3 (Twitter is unsure);
#     matched 2 -> P R F1 .667
#   persons: gold 2, engine 4 (Ann Lee, Bob Ray, Also Read, Dockside Ltd), 2 paired
#   orgs: gold 2, engine 3 (Port Authority, Authority, May), 1 paired
#   posts: gold 2, engine 2, matched 1; platform and handle right, date wrong
EXPECTED = {"articles": "1", "person_p": "0.667", "person_r": "0.800", "person_f1": "0.727",
            "org_p": "0.667", "org_r": "0.667", "org_f1": "0.667",
            "persons_p": "0.500", "persons_r": "1.000", "persons_f1": "0.667",
            "orgs_p": "0.333", "orgs_r": "0.500", "orgs_f1": "0.400",
            "post_p": "0.500", "post_r": "0.500", "post_f1": "0.500",
            "post_platform_acc": "1.000", "post_handle_acc": "1.000", "post_date_acc": "0.000",
            "failed": "0"}



write = fake_scan.write


def gold_ann():
    entries, posts = annotate.parse_spec(SPEC)
    return annotate.write_ann(TEXT, annotate.place(TEXT, entries), annotate.place_posts(TEXT, posts))


def make_corpus(tmp):
    corpus = os.path.join(tmp, "corpus")
    os.makedirs(os.path.join(corpus, "text"))
    os.makedirs(os.path.join(corpus, "entities"))
    write(os.path.join(corpus, "text", "harbour.txt"), TEXT)
    write(os.path.join(corpus, "entities", "harbour.ann"), gold_ann())
    scanner = fake_scan.install(tmp, engine_json())
    return corpus, scanner


class Annotate(unittest.TestCase):
    def test_place(self):
        text = "Hillary Clinton met Clinton staff at the Clinton Foundation. Clinton left."
        entries, _ = annotate.parse_spec("person: Hillary Clinton | Clinton\n"
                                         "person: Clinton#4\nnot: Clinton Foundation\n")
        got = [(text[s:e], group) for s, e, _label, group in annotate.place(text, entries)]
        # the longer form first; "#4" (the one inside the foundation's name is
        # counted too) goes to another person; a "not:" place stays empty
        self.assertEqual(got, [("Hillary Clinton", 0), ("Clinton", 0), ("Clinton", 1)])

    def test_gold_round_trip(self):
        gold = se.parse_ann(gold_ann(), TEXT)
        self.assertEqual(gold.warnings, [])
        self.assertEqual([TEXT[m.span[0]:m.span[1]] for m in gold.mentions if m.kind == "person"],
                         ["Ann Lee", "Lee", "Ann Lee", "@annlee", "Bob Ray"])
        self.assertEqual(len({m.entity for m in gold.mentions if m.kind == "person"}), 2)
        self.assertEqual(gold.unsure, [at("Twitter")])
        self.assertEqual(gold.posts[0].fields, {"platform": "x", "handle": "@annlee", "date": "2024-05-02"})
        self.assertIsNone(gold.posts[1].fields["date"])

    def test_stale_annotation_warns(self):
        gold = se.parse_ann("T1\tPerson 0 7\tHarbour\nT2\tPerson 0 5\tMayor\n", TEXT)
        self.assertEqual(len(gold.warnings), 1)
        self.assertIn("T2", gold.warnings[0])


class EngineSide(unittest.TestCase):
    def test_by_name(self):
        for name in ("Ann Lee", "the Port Authority", "@annlee", "IMF", "Zelenskyy"):
            self.assertTrue(se.by_name(name), name)
        for other in ("She", "he", "It", "the mayor", "These employees", "its"):
            self.assertFalse(se.by_name(other), other)

    def test_parse_engine(self):
        mentions, names, posts = se.parse_engine(engine_json(), TEXT)
        kinds = [(TEXT[m.span[0]:m.span[1]], m.kind) for m in mentions]
        self.assertNotIn(("@annlee", "person"), kinds)      # the one in the tag
        self.assertNotIn(("She", "person"), kinds)
        self.assertIn(("the Port Authority", "organization"), kinds)
        self.assertNotIn(("Port Authority", "organization"), kinds[:3])  # merged into it
        self.assertNotIn("council", [n for n in names.values()])
        self.assertEqual(len(posts), 2)


class EndToEnd(unittest.TestCase):
    def run_cli(self, *args):
        env = dict(os.environ)
        env.pop("QUOTES_SCAN", None)
        proc = subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, env=env)
        last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        return proc, dict(kv.split("=", 1) for kv in last.split())

    def test_scores(self):
        with tempfile.TemporaryDirectory() as tmp:
            corpus, scanner = make_corpus(tmp)
            proc, fig = self.run_cli("--scan", scanner, "--errors", corpus)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual({k: fig.get(k) for k in EXPECTED}, EXPECTED)
        self.assertIn("'Also Read'", proc.stdout)              # a false person listed
        self.assertIn("[gold: organization]", proc.stdout)     # Dockside Ltd: wrong kind
        self.assertIn("date: gold '2024-05-02', engine '2024-05-03'", proc.stdout)

    def test_assemble(self):
        with tempfile.TemporaryDirectory() as tmp:
            polnear = os.path.join(tmp, "polnear")
            os.makedirs(os.path.join(polnear, "dev", "text"))
            gold_dir = os.path.join(tmp, "gold")
            os.makedirs(gold_dir)
            write(os.path.join(polnear, "dev", "text", "harbour.txt"), TEXT)
            write(os.path.join(gold_dir, "harbour.ann"), gold_ann())
            assemble.GOLD = gold_dir
            out = os.path.join(tmp, "out")
            quiet = io.StringIO()
            with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                self.assertEqual(assemble.main([polnear, out]), 0)
            self.assertTrue(os.path.isfile(os.path.join(out, "text", "harbour.txt")))
            self.assertTrue(os.path.isfile(os.path.join(out, "entities", "harbour.ann")))
            # an article that changed no longer fits its annotation
            write(os.path.join(polnear, "dev", "text", "harbour.txt"), "X" + TEXT)
            with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                self.assertEqual(assemble.main([polnear, os.path.join(tmp, "out2")]), 1)
            self.assertIn("does not fit", quiet.getvalue())


if __name__ == "__main__":
    unittest.main()
