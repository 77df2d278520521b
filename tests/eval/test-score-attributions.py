#!/usr/bin/env python3
"""Tests of tests/eval/score-attributions on a small synthetic article.

Run from the repository root:  python3 tests/eval/test-score-attributions.py
"""

import importlib.machinery
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

import fake_scan

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "score-attributions")


def load_scorer():
    loader = importlib.machinery.SourceFileLoader("score_attributions", SCRIPT)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


sa = load_scorer()

# Paragraphs are separated by blank lines, as in PolNeAR.
TEXT = (
    "Bridge work drags on\n"
    "\n"
    "Mayor Ann Lee said on Monday that the bridge would reopen in May.\n"
    "\n"
    "\u201cWe have fixed the cables,\u201d Lee told reporters. \u201cThe rest is paint.\u201d\n"
    "\n"
    "Critics and neighbours called the plan a \u201ccostly gamble\u201d in a letter.\n"
    "\n"
    "\u201cExpect delays,\u201d read a sign at the site.\n"
    "\n"
    "Residents call it \u201cthe bridge to nowhere.\u201d\n"
    "\n"
    "A study found traffic fell by half. The bridge opened in 1962.\n"
    "\n"
    "Engineers warned that rust had spread to the towers.\n"
    "\n"
    "Police said the lanes would stay closed overnight.\n"
)


def at(needle, nth=0, text=TEXT):
    """(start, end) of the nth occurrence of needle in the text."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def ann_line(tid, label, needles):
    spans = [at(*n) if isinstance(n, tuple) else at(n) for n in needles]
    spanstr = ";".join(f"{s} {e}" for s, e in spans)
    return f"{tid}\t{label} {spanstr}\t" + " ".join(TEXT[s:e] for s, e in spans)


def gold_ann():
    """The annotation (first annotator) of TEXT."""
    L = [
        ann_line("T1", "Source", ["Mayor Ann Lee"]),
        ann_line("T2", "Cue", [("said", 0)]),
        ann_line("T3", "Content", ["that the bridge would reopen in May"]),
        ann_line("T4", "Attribution", [("said", 0)]),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        # one discontinuous content; the first piece stops before the ,”
        ann_line("T5", "Content", ["\u201cWe have fixed the cables",
                                   "\u201cThe rest is paint.\u201d"]),
        ann_line("T6", "Source", [("Lee", 1)]),
        ann_line("T7", "Cue", ["told"]),
        ann_line("T8", "Attribution", ["told"]),
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
        ann_line("T9", "Source", ["Critics"]),
        ann_line("T10", "Source", ["neighbours"]),
        ann_line("T11", "Cue", ["called"]),
        ann_line("T12", "Content", ["the plan a \u201ccostly gamble\u201d"]),
        ann_line("T13", "Attribution", ["called"]),
        "E3\tAttribution:T13 Source:T9 Source2:T10 Cue:T11 Content:T12",
        ann_line("T14", "Cue", ["read"]),
        ann_line("T15", "Content", ["\u201cExpect delays,\u201d"]),
        ann_line("T16", "Attribution-no-source", ["read"]),
        "E4\tAttribution-no-source:T16 Content:T15 Cue:T14",
        ann_line("T17", "Source", ["A study"]),
        ann_line("T18", "Cue", ["found"]),
        ann_line("T19", "Content", ["traffic fell by half"]),
        ann_line("T20", "Attribution", ["found"]),
        "E5\tAttribution:T20 Content:T19 Cue:T18 Source:T17",
        ann_line("T21", "Source", ["Engineers"]),
        ann_line("T22", "Cue", ["warned"]),
        ann_line("T23", "Content", ["that rust had spread to the towers"]),
        ann_line("T24", "Attribution", ["warned"]),
        "E6\tAttribution:T24 Content:T23 Cue:T22 Source:T21",
        ann_line("T25", "Source", ["Police"]),
        ann_line("T26", "Cue", [("said", 1)]),
        ann_line("T27", "Content", ["the lanes would stay"]),
        ann_line("T29", "Content", ["closed overnight"]),
        ann_line("T28", "Attribution", [("said", 1)]),
        "E7\tAttribution:T28 Cue:T26 Source:T25 Content:T27 Content2:T29",
        # a span running over paragraphs: its text field continues on the
        # following physical lines (one of them blank)
        ann_line("T30", "Discuss", ["Residents call it \u201cthe bridge to nowhere.\u201d\n\nA study"]),
        "#1\tAnnotatorNotes T30\tis this a quote?",
    ]
    return "\n".join(L) + "\n"


def other_ann():
    """A second annotator's file: it must be ignored (its name sorts later)."""
    return "\n".join([
        ann_line("T1", "Source", ["Residents"]),
        ann_line("T2", "Cue", ["call"]),
        ann_line("T3", "Content", ["\u201cthe bridge to nowhere.\u201d"]),
        ann_line("T4", "Attribution", ["call"]),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    ]) + "\n"


def engine_json():
    """What the fake scanner prints for TEXT."""
    def span(needle, nth=0):
        s, e = at(needle, nth)
        return {"start": s, "end": e, "text": TEXT[s:e]}

    def quote(qid, kind, needle, source=None, speaker=None):
        s, e = at(needle)
        return {"id": qid, "kind": kind, "start": s, "end": e, "text": TEXT[s:e], "cue": None,
                "source": source, "speaker": speaker, "post": None, "confidence": 0.9}

    lee = {"id": 0, "type": "person", "name": "Ann Lee", "title": "Mayor", "aliases": ["Lee"],
           "mentions": [{"start": at("Ann Lee")[0], "end": at("Ann Lee")[1]},
                        {"start": at("Lee", 1)[0], "end": at("Lee", 1)[1]}],
           "quotes": [0, 1, 6, 9]}
    residents = {"id": 1, "type": "group", "name": "Residents", "title": None, "aliases": [],
                 "mentions": [{"start": at("Residents")[0], "end": at("Residents")[1]}],
                 "quotes": [4, 5]}
    quotes = [
        # matched, source right
        quote(0, "direct", "\u201cWe have fixed the cables,\u201d", span("Lee", 1), 0),
        # matched, no source span but a mention of the speaker is the gold Source
        quote(1, "direct", "\u201cThe rest is paint.\u201d", None, 0),
        # matched, wrong source (only a source span, no speaker)
        quote(2, "partial", "\u201ccostly gamble\u201d", span("letter")),
        # matched; the gold has no Source, so it is not in attribution accuracy
        quote(3, "direct", "\u201cExpect delays,\u201d", span("a sign")),
        # no gold content there: a false positive, and counted as unannotated
        quote(4, "partial", "\u201cthe bridge to nowhere.\u201d", None, 1),
        # scare quotes are not scored
        quote(5, "scare", "\u201ccostly gamble\u201d", None, 1),
        # indirect: matched and right
        quote(6, "indirect", "the bridge would reopen in May", span("Mayor Ann Lee"), 0),
        # indirect: not in the indirect gold (cue "found"), but a gold content
        quote(7, "indirect", "traffic fell by half", span("A study")),
        # indirect: no gold content at all
        quote(8, "indirect", "The bridge opened in 1962"),
        # indirect: matched, wrong speaker
        quote(9, "indirect", "rust had spread to the towers", None, 0),
    ]
    return {"version": 1, "length": len(TEXT), "quotes": quotes,
            "entities": [lee, residents], "posts": []}


# Expected figures, worked out by hand:
#   direct gold segments: “We have fixed the cables (clipped to the content),
#     “The rest is paint.”, “costly gamble”, “Expect delays,” = 4 (3 with a Source)
#   engine direct/partial with a speaker or source: quotes 0-4 = 5; matched 0-3 = 4
#   direct P = 4/5, R = 4/4, F1 = 8/9
#   attribution: 0 and 1 right, 2 wrong, 3 has no gold Source -> 2/3
#   quote+source: P = 2/5, R = 2/3, F1 = 2*0.4*0.667/1.067 = 0.5
#   indirect gold: E1 (said), E6 (warned), E7 (said) = 3 (E5 "found" is no
#     reporting verb, E2-E4 have marks or no Source); engine indirect 6-9 = 4;
#     matched 6 and 9 -> R = 2/3; correct for P: 6, 7, 9 -> 3/4;
#     F1 = 2*0.75*0.667/1.417 = 0.706; sources right: 6 yes, 9 no -> 1/2
#   unannotated: quote 4 -> 1
EXPECTED = {"articles": "1", "direct_p": "0.800", "direct_r": "1.000", "direct_f1": "0.889",
            "attribution_acc": "0.667", "quote_source_p": "0.400", "quote_source_r": "0.667",
            "quote_source_f1": "0.500", "indirect_p": "0.750", "indirect_r": "0.667",
            "indirect_f1": "0.706", "indirect_source_acc": "0.500", "unannotated": "1"}



def make_corpus(tmp, with_broken=False):
    """Write the PolNeAR-style folder and the fake scanner; return (dir, scanner)."""
    corpus = os.path.join(tmp, "corpus")
    os.makedirs(os.path.join(corpus, "text"))
    os.makedirs(os.path.join(corpus, "attributions"))

    write = fake_scan.write

    write(os.path.join(corpus, "text", "bridge_work.txt"), TEXT)
    write(os.path.join(corpus, "attributions", "bridge_work_aa01.ann"), gold_ann())
    write(os.path.join(corpus, "attributions", "bridge_work_zz99.ann"), other_ann())
    if with_broken:
        write(os.path.join(corpus, "text", "zz_broken.txt"), "Nothing here.\n")
        write(os.path.join(corpus, "attributions", "zz_broken_aa01.ann"), "")
    scanner = fake_scan.install(tmp, engine_json())
    return corpus, scanner


def run_cli(*args):
    env = dict(os.environ)
    env.pop("QUOTES_SCAN", None)
    proc = subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, env=env)
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    figures = dict(kv.split("=", 1) for kv in last.split())
    return proc, figures


class GoldExtraction(unittest.TestCase):
    def setUp(self):
        self.gold = sa.parse_ann(gold_ann(), len(TEXT))

    def test_parse_ann(self):
        g = self.gold
        self.assertEqual(g.warnings, [])
        self.assertEqual([a.id for a in g.attributions], [f"E{i}" for i in range(1, 8)])
        e2, e3, e4, e7 = (g.attributions[i] for i in (1, 2, 3, 6))
        self.assertEqual(len(e2.content), 2)                      # discontinuous span
        self.assertEqual(e3.source, [at("Critics"), at("neighbours")])  # Source2 is a Source
        self.assertEqual(e4.source, [])                           # Attribution-no-source
        self.assertEqual(e7.content, [at("the lanes would stay"), at("closed overnight")])  # Content2
        self.assertEqual(len(g.contents), 9)                   # T5 has two pieces

    def test_quote_stretches(self):
        t = "He said \u201ca \u2018b\u2019 c\u201d and 'd' but don't \"e\"."
        got = [t[s:e] for s, e in sa.quote_stretches(t)]
        self.assertEqual(got, ["\u201ca \u2018b\u2019 c\u201d", "'d'", '"e"'])
        # a double quote left open runs to the end of its paragraph ...
        t = "\u201cOne.\n\nShe left."
        self.assertEqual([t[s:e] for s, e in sa.quote_stretches(t)], ["\u201cOne."])
        # ... and on through paragraphs that reopen it, to the one that closes it
        t = ("\u201cOne \u2018a\u2019.\n\n\u201cTwo.\n\n\u201cThree,\u201d she said. "
             "\u201cFour.\u201d\n\u2018Five\u2019 \"six\".")
        self.assertEqual([t[s:e] for s, e in sa.quote_stretches(t)],
                         ["\u201cOne \u2018a\u2019.\n\n\u201cTwo.\n\n\u201cThree,\u201d",
                          "\u201cFour.\u201d", "\u2018Five\u2019", '"six"'])
        # a left mark glued to a word's end closes ("sloppy" typography)
        t = "\u201cIt's late,\u201c she said. \u201cGo home.\u201d A \u201cwarm\u201c day, not \u201c cold."
        self.assertEqual([t[s:e] for s, e in sa.quote_stretches(t)],
                         ["\u201cIt's late,\u201c", "\u201cGo home.\u201d", "\u201cwarm\u201c",
                          "\u201c cold."])

    def test_gold_segments(self):
        segs = sa.gold_segments(TEXT, self.gold.attributions)
        self.assertEqual([TEXT[s.span[0]:s.span[1]] for s in segs],
                         ["\u201cWe have fixed the cables", "\u201cThe rest is paint.\u201d",
                          "\u201ccostly gamble\u201d", "\u201cExpect delays,\u201d"])
        self.assertEqual([bool(s.attribution.source) for s in segs], [True, True, True, False])
        self.assertEqual(segs[0].frags, [at("We have fixed the cables")])

    def test_gold_segment_over_paragraphs(self):
        # one content over a quote that runs over two paragraphs is one
        # segment; two contents cut from it stay two
        t = "\u201cWe start today.\n\n\u201cWe end in May,\u201d Lee said.\n"
        one, two = at("We start today", text=t), at("We end in May", text=t)
        whole = sa.Attribution("E1", [one, two], [at("Lee", text=t)], [])
        segs = sa.gold_segments(t, [whole])
        self.assertEqual([t[s.span[0]:s.span[1]] for s in segs],
                         ["We start today.\n\n\u201cWe end in May"])
        halves = [sa.Attribution("E1", [one], [], []), sa.Attribution("E2", [two], [], [])]
        self.assertEqual(len(sa.gold_segments(t, halves)), 2)

    def test_indirect_gold(self):
        got = sa.indirect_gold(TEXT, self.gold.attributions, sa.quote_stretches(TEXT))
        self.assertEqual([a.id for a, _f in got], ["E1", "E6", "E7"])

    def test_reporting_verbs(self):
        for cue in ("said", "has denied", "according to", "admitted", "testified",
                    "emphasising", "agreeing", "told", "pointed out"):
            self.assertTrue(sa.has_reporting_verb(cue), cue)
        for cue in ("found", "shows", "wants", ":"):
            self.assertFalse(sa.has_reporting_verb(cue), cue)


class Matching(unittest.TestCase):
    def test_trim(self):
        t = " \u201cHello, world!\u201d "
        s, e = sa.trim(t, 0, len(t))
        self.assertEqual(t[s:e], "Hello, world")

    def test_half_of_the_shorter(self):
        self.assertEqual(sa.match([[(0, 10)]], [[(5, 30)]]), [(0, 0)])  # 5 of 10
        self.assertEqual(sa.match([[(0, 10)]], [[(6, 30)]]), [])        # 4 of 10

    def test_one_to_one_largest_first(self):
        gold = [[(0, 10)], [(10, 20)]]
        engine = [[(0, 20)], [(8, 20)]]
        self.assertEqual(sorted(sa.match(gold, engine)), [(0, 0), (1, 1)])
        self.assertEqual(sa.match([[(0, 10)]], [[(0, 4)], [(0, 9)]]), [(0, 1)])


class EndToEnd(unittest.TestCase):
    def test_scores(self):
        with tempfile.TemporaryDirectory() as tmp:
            corpus, scanner = make_corpus(tmp)
            proc, fig = run_cli("--scan", scanner, "--jobs", "2", "--errors", corpus)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual({k: fig.get(k) for k in EXPECTED}, EXPECTED)
        self.assertIn("bridge_work", proc.stdout)                # --errors listing
        self.assertIn("Critics", proc.stdout)                   # wrong attribution shown

    def test_failed_article_and_limit(self):
        with tempfile.TemporaryDirectory() as tmp:
            corpus, scanner = make_corpus(tmp, with_broken=True)
            proc, fig = run_cli("--scan", scanner, corpus)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("zz_broken", proc.stderr)
            self.assertEqual({k: fig.get(k) for k in EXPECTED}, EXPECTED)
            proc, fig = run_cli("--scan", scanner, "--limit", "1", corpus)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(fig.get("articles"), "1")


if __name__ == "__main__":
    unittest.main()
