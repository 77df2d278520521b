#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""quotes-scan as a user runs it: the report, the JSON contract, bad input,
the Markdown and CSV formats, and JSON Lines for pipelines.

Each run loads the analyzer's word lists, which takes seconds under
AddressSanitizer (make check-sanitize): runs on the example article are
made once and shared, and one run checks several files where it can."""

import csv
import functools
import io
import json
import os
import resource
import selectors
import subprocess
import tempfile
import unittest

SCAN = os.environ.get("QUOTES_SCAN")
FIXTURES = os.environ.get("QUOTES_FIXTURES_DIR")
SEED = os.path.join(FIXTURES, "seed-article.txt")

CSV_COLUMNS = ["id", "kind", "start", "end", "text", "speaker", "speaker_title",
               "cue", "source", "post_handle", "confidence", "file"]


# The messages and headings these tests read are the English ones, whatever
# the language of whoever runs them (tests/test-i18n.py tests the others).
ENV = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_MESSAGES")}
ENV["LC_ALL"] = "C.UTF-8"


def scan(*args, data=None):
    return subprocess.run([SCAN, *args], input=data, capture_output=True, env=ENV)


@functools.lru_cache(maxsize=None)
def scan_once(*args):
    """scan(*args), run once for all the tests that look at it."""
    return scan(*args)


def seed_text():
    with open(SEED, encoding="utf-8") as f:
        return f.read()


def write_temp(test, content, suffix=".txt"):
    f = tempfile.NamedTemporaryFile(delete=False, suffix=suffix)
    f.write(content)
    f.close()
    test.addCleanup(os.unlink, f.name)
    return f.name


def split_markdown(out):
    """The Markdown of several files: {file name: lines}."""
    files, lines = {}, None
    for line in out.splitlines():
        if line.startswith("# "):
            # The name as written, without the escapes ("\\_").
            lines = files.setdefault(line[2:].replace("\\", ""), [])
        lines.append(line)
    return files


class CliTest(unittest.TestCase):
    def write(self, content):
        return write_temp(self, content)

    def test_json_follows_the_contract(self):
        text = seed_text()
        result = scan_once("--json", SEED)
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
        result = scan_once(SEED)
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
        result = scan("--json", SEED, self.write("“Yes,” Ana Lima said.".encode()))
        self.assertEqual(result.returncode, 0)
        docs = json.loads(result.stdout)
        self.assertEqual(len(docs), 2)
        self.assertEqual(docs[1]["quotes"][0]["text"], "Yes,")

    def test_missing_file(self):
        result = scan("/nonexistent/article.txt")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"article.txt", result.stderr)

    def test_directory_is_no_file(self):
        folder = tempfile.mkdtemp()
        self.addCleanup(os.rmdir, folder)
        result = scan(folder)
        self.assertEqual(result.returncode, 1)
        self.assertIn(os.path.basename(folder).encode(), result.stderr)

    def test_little_address_space(self):
        # Where the heap cannot have its reserve of address space (a
        # ulimit, a small machine), the analysis goes on without it.
        if "ASAN_OPTIONS" in os.environ:
            self.skipTest("AddressSanitizer needs terabytes of address space")

        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (768 << 20, 768 << 20))

        result = subprocess.run([SCAN, "--json", SEED], capture_output=True, env=ENV, preexec_fn=limit)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["length"], len(seed_text()))

    def test_long_file_reads_as_its_text(self):
        # Over 4 MiB, a file is read into memory of its own (huge pages);
        # its analysis is the same as that of the same text piped in.
        text = (seed_text() + "\n\n") * (5 * 2**20 // len(seed_text().encode()) + 1)
        from_file = scan("--json", self.write(text.encode()))
        piped = scan("--json", "-", data=text.encode())
        self.assertEqual(from_file.returncode, 0)
        self.assertEqual(from_file.stdout, piped.stdout)
        doc = json.loads(from_file.stdout)
        self.assertEqual(doc["length"], len(text))
        self.assertGreater(len(doc["quotes"]), 1000)


class FormatTest(unittest.TestCase):
    """--format text|json|markdown|csv."""

    @classmethod
    def setUpClass(cls):
        # Markup to escape; nothing said; a comma, double quotes and a quote
        # over two paragraphs: in one Markdown and one CSV run with the
        # example article.
        cls.tmp = tempfile.TemporaryDirectory()
        cls.markup = os.path.join(cls.tmp.name, "markup.txt")
        cls.silent = os.path.join(cls.tmp.name, "silent.txt")
        cls.quoting = os.path.join(cls.tmp.name, "quoting.txt")
        for path, text in ((cls.markup, "“*Never* _again_ [ok] <b>,” Ana Lima said.\n"),
                           (cls.silent, "Nothing said here.\n"),
                           (cls.quoting, "“Yes, \"really\", we will,” Ana Lima said.\n"
                                         "Ana Lima added: “One line.\n\n“Another line.”\n")):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        cls.markdown = scan("--format=markdown", SEED, cls.markup, cls.silent)
        cls.csv = scan("--format=csv", SEED, cls.quoting, cls.silent)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def ok(self, result):
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def test_text_is_the_default(self):
        self.assertEqual(self.ok(scan_once("--format=text", SEED)), self.ok(scan_once(SEED)))

    def test_json_is_the_same_as_the_json_option(self):
        self.assertEqual(self.ok(scan_once("-f", "json", "--json", SEED)), self.ok(scan_once("--json", SEED)))

    def test_unknown_format(self):
        result = scan("--format=xml", SEED)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, b"")
        self.assertIn(b"xml", result.stderr)

    def test_json_and_another_format_contradict(self):
        result = scan("--json", "--format=csv", SEED)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, b"")

    def test_markdown_has_a_heading_per_section(self):
        files = split_markdown(self.ok(self.markdown).decode())
        self.assertEqual(list(files), [SEED, self.markup, self.silent])
        lines = files[SEED]
        headings = [line for line in lines if line.startswith("## ")]
        self.assertEqual(headings, ["## Speakers", "## Organizations", "## Social posts"])
        # Speakers as list items, their quotes nested, whole and in quote marks.
        self.assertTrue(any(line.startswith("- **Keir Starmer** (British Prime Minister) — ") for line in lines))
        self.assertTrue(any(line.startswith("  - “coalition of the willing” (line 2") for line in lines))
        self.assertTrue(any(line.startswith("  - reported: Russia would continue fighting") for line in lines))
        self.assertIn("- Lashkar-e-Taiba — 1 mention", lines)
        self.assertTrue(any(line.startswith("- x @ZelenskyyUa") for line in lines))
        # Blocks apart: a blank line before and after each heading.
        for i, line in enumerate(lines):
            if line.startswith("## "):
                self.assertEqual((lines[i - 1], lines[i + 1]), ("", ""))

    def test_markdown_escapes_markup(self):
        lines = split_markdown(self.ok(self.markdown).decode())[self.markup]
        self.assertIn("  - “\\*Never\\* \\_again\\_ \\[ok\\] \\<b\\>,” (line 1, said)", lines)

    def test_markdown_without_quotes(self):
        lines = split_markdown(self.ok(self.markdown).decode())[self.silent]
        self.assertEqual(lines[1:5], ["", "## Speakers", "", "No quotations found"])

    def rows(self):
        data = self.ok(self.csv)
        # RFC 4180: CRLF after every record; quoted fields may hold line breaks.
        self.assertTrue(data.endswith(b"\r\n"))
        self.assertNotIn(b"\n", data.replace(b"\r\n", b"").replace(b"One line.\n\n", b""))
        return list(csv.reader(io.StringIO(data.decode(), newline="")))

    def test_csv_reads_back_as_the_json(self):
        doc = json.loads(self.ok(scan_once("--json", SEED)))
        rows = [row for row in self.rows()[1:] if row[-1] == SEED]
        self.assertEqual(len(rows), len(doc["quotes"]))
        for row, quote in zip(rows, doc["quotes"]):
            self.assertEqual(len(row), len(CSV_COLUMNS))
            record = dict(zip(CSV_COLUMNS, row))
            self.assertEqual(int(record["id"]), quote["id"])
            self.assertEqual(record["kind"], quote["kind"])
            self.assertEqual((int(record["start"]), int(record["end"])), (quote["start"], quote["end"]))
            self.assertEqual(record["text"], quote["text"])
            speaker = doc["entities"][quote["speaker"]] if quote["speaker"] is not None else None
            self.assertEqual(record["speaker"], speaker["name"] if speaker else "")
            self.assertEqual(record["speaker_title"], (speaker["title"] or "") if speaker else "")
            self.assertEqual(record["cue"], quote["cue"]["text"] if quote["cue"] else "")
            self.assertEqual(record["source"], quote["source"]["text"] if quote["source"] else "")
            post = doc["posts"][quote["post"]] if quote["post"] is not None else None
            self.assertEqual(record["post_handle"], (post["handle"] or "") if post else "")
            self.assertRegex(record["confidence"], r"^[01]\.\d\d$")
            self.assertEqual(float(record["confidence"]), quote["confidence"])
        self.assertIn("@ZelenskyyUa", [row[9] for row in rows])

    def test_csv_quotes_what_needs_quoting(self):
        rows = [row for row in self.rows()[1:] if row[-1] == self.quoting]
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[0][4], 'Yes, "really", we will,')
        self.assertEqual(rows[0][5], "Ana Lima")
        self.assertIn("One line.\n\n", rows[1][4])

    def test_csv_of_several_files_has_one_header(self):
        rows = self.rows()
        self.assertEqual(rows[0], CSV_COLUMNS)
        self.assertNotIn(CSV_COLUMNS, rows[1:])
        # The file that says nothing has no rows.
        self.assertEqual([row[-1] for row in rows[1:] if row[-1] != SEED], [self.quoting] * 2)

    def test_help_documents_formats_and_exit_status(self):
        out = self.ok(scan("--help")).decode()
        for word in ("--format", "--jsonl", "markdown", "csv", "Exit status", "  0  ", "  1  ", "  2  "):
            self.assertIn(word, out)


class JsonLinesTest(unittest.TestCase):
    """--jsonl: one analysis per line, for pipelines."""

    def jsonl(self, data, *args):
        result = scan("--jsonl", *args, data=data)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.endswith(b"\n") or result.stdout == b"")
        return result.stdout, [json.loads(line) for line in result.stdout.decode().splitlines()]

    def test_three_lines_one_of_them_bad(self):
        lines = [
            json.dumps({"id": 1, "text": "“We won,” Ana Lima said."}),
            # A lone surrogate: valid JSON, but no UTF-8 text.
            '{"id": "two", "text": "\\ud800 broken"}',
            json.dumps({"id": {"doc": [3]}, "text": "Nothing said here."}),
        ]
        _, out = self.jsonl(("\n".join(lines) + "\n").encode())
        self.assertEqual(len(out), 3)
        self.assertEqual([o["id"] for o in out], [1, "two", {"doc": [3]}])
        self.assertEqual([sorted(o) for o in out], [["analysis", "id"], ["error", "id"], ["analysis", "id"]])
        self.assertEqual(out[0]["analysis"]["version"], 1)
        self.assertEqual(out[0]["analysis"]["quotes"][0]["text"], "We won,")
        self.assertIn("UTF-8", out[1]["error"])
        self.assertEqual(out[2]["analysis"]["quotes"], [])

    def test_bad_lines_are_answered_and_the_rest_goes_on(self):
        data = b"\n".join([
            b"not json",
            b"[1, 2]",
            b'{"id": 3}',
            b'{"id": 4, "text": 4}',
            b'{"id": 5, "text": "caf\xe9"}',                # Latin-1, not UTF-8
            b'{"id": 6, "text": "a\\u0000b"}',              # json-glib would cut it at the NUL
            b"",                                            # blank lines are skipped
            b"   ",
            b'{"id": 7, "text": "\xe2\x80\x9cYes,\xe2\x80\x9d Ana Lima said."}\r',
            b'{"text": "no id"}',
        ]) + b"\n"
        _, out = self.jsonl(data)
        self.assertEqual([o["id"] for o in out], [None, None, 3, 4, 5, 6, 7, None])
        for o in out[:6]:
            self.assertEqual(sorted(o), ["error", "id"])
            self.assertIsInstance(o["error"], str)
        self.assertIn("JSON", out[0]["error"])
        self.assertIn("UTF-8", out[4]["error"])
        self.assertIn("NUL", out[5]["error"])
        self.assertEqual(out[6]["analysis"]["quotes"][0]["text"], "Yes,")
        self.assertIn("analysis", out[7])

    def test_files_and_standard_input(self):
        path = write_temp(self, json.dumps({"id": "seed", "text": seed_text()}).encode() + b"\n", ".jsonl")
        raw, out = self.jsonl(json.dumps({"id": "in", "text": ""}).encode() + b"\n", path, "-")
        self.assertEqual([o["id"] for o in out], ["seed", "in"])
        # Compact, one line each, the id first; the analysis is the JSON of
        # the same text.
        self.assertEqual(raw.count(b"\n"), 2)
        self.assertTrue(raw.startswith(b'{"id":"seed","analysis":{"version":1,'))
        self.assertEqual(out[0]["analysis"], json.loads(scan_once("--json", SEED).stdout))

    def test_empty_input(self):
        self.assertEqual(self.jsonl(b"")[1], [])

    def test_unreadable_file(self):
        result = scan("--jsonl", "/nonexistent/texts.jsonl")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"texts.jsonl", result.stderr)

    def test_format_other_than_json_is_refused(self):
        result = scan("--jsonl", "--format=csv", data=b"")
        self.assertEqual(result.returncode, 1)

    def test_streams_line_by_line(self):
        """Each answer comes before the next line is written, as under
        Spark's RDD.pipe() or Hadoop Streaming with a slow producer."""
        process = subprocess.Popen([SCAN, "--jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=ENV)
        self.addCleanup(process.stdout.close)
        selector = selectors.DefaultSelector()
        self.addCleanup(selector.close)
        selector.register(process.stdout, selectors.EVENT_READ)
        try:
            for i in range(3):
                process.stdin.write(json.dumps({"id": i, "text": "“Hi,” Ana Lima said."}).encode() + b"\n")
                process.stdin.flush()
                self.assertTrue(selector.select(timeout=120), "no answer to line %d while stdin is open" % i)
                self.assertEqual(json.loads(process.stdout.readline())["id"], i)
        finally:
            process.stdin.close()
            returncode = process.wait(timeout=120)
        self.assertEqual(returncode, 0)


if __name__ == "__main__":
    unittest.main()
