#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Translations: quotes-scan in German with the build tree's catalogues, the
translated plugin description and AppStream metadata, and the catalogues
themselves (complete, valid, every source file with messages listed)."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

SCAN = os.environ.get("QUOTES_SCAN")
LOCALEDIR = os.environ.get("QUOTES_LOCALEDIR")
FIXTURES = os.environ.get("QUOTES_FIXTURES_DIR")
SOURCE = os.environ.get("QUOTES_SOURCE_DIR")
PLUGIN_INFO = os.environ.get("QUOTES_PLUGIN_INFO")
METAINFO = os.environ.get("QUOTES_METAINFO")

PO_DIR = os.path.join(SOURCE, "po")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def languages():
    with open(os.path.join(PO_DIR, "LINGUAS"), encoding="utf-8") as f:
        return [w for line in f for w in line.split("#")[0].split()]


def translation(lang, msgid):
    """The msgstr of a one-line @msgid in po/@lang.po."""
    with open(os.path.join(PO_DIR, lang + ".po"), encoding="utf-8") as f:
        match = re.search(r'^msgid "%s"\nmsgstr "(.*)"$' % re.escape(msgid), f.read(), re.M)
    assert match, "%s.po has no %r" % (lang, msgid)
    return match.group(1)


def scan(*args, language="de", data=None):
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE=language, QUOTES_LOCALEDIR=LOCALEDIR)
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    return subprocess.run([SCAN, *args], input=data, capture_output=True, env=env)


class CliTranslationTest(unittest.TestCase):
    seed = os.path.join(FIXTURES, "seed-article.txt")

    def write(self, content):
        f = tempfile.NamedTemporaryFile(delete=False, suffix=".txt")
        f.write(content)
        f.close()
        self.addCleanup(os.unlink, f.name)
        return f.name

    def test_catalogues_were_built(self):
        for lang in languages():
            path = os.path.join(LOCALEDIR, lang, "LC_MESSAGES", "gedit-quotes.mo")
            self.assertTrue(os.path.isfile(path), path)

    def test_report_in_german(self):
        result = scan(self.seed)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.decode().splitlines()
        for heading in ("Sprecher", "Organisationen", "Beiträge in sozialen Medien"):
            self.assertIn(heading, lines)
        self.assertNotIn("Speakers", lines)
        self.assertTrue(any(line.startswith("    „") and "(Zeile " in line for line in lines))

    def test_markdown_in_german(self):
        result = scan("--format=markdown", self.seed)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("\n## Sprecher\n", result.stdout.decode())

    def test_machine_formats_are_not_translated(self):
        english = scan("--format=csv", self.seed, language="en")
        german = scan("--format=csv", self.seed)
        self.assertEqual(german.stdout, english.stdout)
        self.assertEqual(scan("--json", self.seed).stdout, scan("--json", self.seed, language="en").stdout)

    def test_plural_forms(self):
        said = "“Yes,” Ana Lima said. "
        cases = {"de": {1: "1 Zitat", 2: "2 Zitate", 5: "5 Zitate"},
                 "uk": {1: "1 цитата", 2: "2 цитати", 5: "5 цитат"},
                 "fr": {1: "1 citation", 2: "2 citations"},
                 "es": {1: "1 cita", 2: "2 citas"}}
        for lang, counts in cases.items():
            for n, expected in counts.items():
                with self.subTest(lang=lang, n=n):
                    result = scan("-", language=lang, data=(said * n).encode())
                    self.assertEqual(result.returncode, 0, result.stderr)
                    self.assertIn("Ana Lima — %s\n" % expected, result.stdout.decode())

    def test_every_language_translates_the_headings(self):
        for lang in languages():
            with self.subTest(lang=lang):
                result = scan(self.seed, language=lang)
                self.assertIn("\n%s\n" % translation(lang, "Speakers"), result.stdout.decode())

    def test_help_in_german(self):
        result = scan("--help")
        self.assertEqual(result.returncode, 0)
        out = result.stdout.decode()
        self.assertIn("Exit-Status", out)
        self.assertIn("--format=FORMAT", out)
        self.assertIn("DATEI", out)

    def test_errors_in_german(self):
        # The library's message, from the same catalogue.
        result = scan(self.write(b"caf\xe9"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("kein gültiges UTF-8", result.stderr.decode())
        result = scan("--format=xml", self.seed)
        self.assertEqual(result.returncode, 1)
        self.assertIn("Unbekanntes Format „xml“", result.stderr.decode())
        result = scan("--jsonl", data=b'{"id": 1}\n')
        self.assertIn("keine Zeichenkette „text“", result.stdout.decode())


@unittest.skipUnless(PLUGIN_INFO, "the plugin is not built")
class DataTranslationTest(unittest.TestCase):
    def test_plugin_info(self):
        with open(PLUGIN_INFO, encoding="utf-8") as f:
            info = f.read()
        self.assertIn("\nName[de]=Zitate\n", info)
        for lang in languages():
            with self.subTest(lang=lang):
                self.assertRegex(info, r"\nName\[%s\]=\S" % lang)
                self.assertRegex(info, r"\nDescription\[%s\]=\S" % lang)

    def test_metainfo(self):
        root = ET.parse(METAINFO).getroot()
        self.assertEqual(root.get("type"), "addon")
        for element in ("name", "summary"):
            translated = {e.get(XML_LANG): e.text for e in root.findall(element) if e.get(XML_LANG)}
            self.assertEqual(set(translated), set(languages()), element)
        names = {e.get(XML_LANG): e.text for e in root.findall("name")}
        self.assertEqual(names["de"], "Zitate")
        release = root.find("releases/release")
        langs = {p.get(XML_LANG) for p in release.findall("description/p")}
        self.assertTrue(set(languages()) <= langs)


class CatalogueTest(unittest.TestCase):
    def test_complete_and_valid(self):
        msgfmt = shutil.which("msgfmt")
        for lang in languages():
            with self.subTest(lang=lang):
                result = subprocess.run(
                    [msgfmt, "--check", "--check-accelerators=_", "--statistics", "-o", os.devnull,
                     os.path.join(PO_DIR, lang + ".po")],
                    capture_output=True, env=dict(os.environ, LANGUAGE="", LC_ALL="C"))
                self.assertEqual(result.returncode, 0, result.stderr)
                stats = result.stderr.decode()
                self.assertNotIn("untranslated", stats)
                self.assertNotIn("fuzzy", stats)

    def test_potfiles_lists_every_file_with_messages(self):
        with open(os.path.join(PO_DIR, "POTFILES.in"), encoding="utf-8") as f:
            listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}
        for path in listed:
            self.assertTrue(os.path.isfile(os.path.join(SOURCE, path)), path)
        marked = re.compile(r'\b(?:N?_|C_|NC_|ngettext|g_dngettext)\s*\(\s*"|translatable="yes"')
        missing = []
        for folder in ("plugin", "data"):
            for directory, _, files in os.walk(os.path.join(SOURCE, folder)):
                for name in files:
                    if not name.endswith((".c", ".ui")):
                        continue
                    path = os.path.join(directory, name)
                    with open(path, encoding="utf-8") as f:
                        if marked.search(f.read()):
                            missing.append(os.path.relpath(path, SOURCE))
        self.assertEqual(sorted(set(missing) - listed), [])


if __name__ == "__main__":
    unittest.main()
