#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Builds the word lists that come from other Debian packages.

common-words.txt: the lower-case words of a dictionary (wamerican), which
    tell a capitalised common word ("Peace", "During") from a name.
generated-places.txt: the countries and their subdivisions of iso-codes
    ("Sindh", "Bavaria"), which are places, not persons.
"""

import argparse
import json
import os
import sys


def common_words(dictionary):
    words = set()
    with open(dictionary, encoding="utf-8", errors="replace") as f:
        for line in f:
            word = line.strip()
            # Lower-case entries only: capitalised ones are names.
            if word and word.isascii() and word.isalpha() and word.islower():
                words.add(word)
    return words


def places(iso_dir):
    names = set()
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        for country in json.load(f)["3166-1"]:
            for key in ("name", "common_name", "official_name"):
                if key in country:
                    names.add(country[key])
    with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        for subdivision in json.load(f)["3166-2"]:
            names.add(subdivision["name"])
    return names


def write(path, header, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for entry in sorted(entries):
            f.write(entry + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dictionary", required=True)
    parser.add_argument("--iso-codes", required=True, help="iso-codes' json folder")
    parser.add_argument("--output-dir", required=True)
    args = parser.parse_args()

    write(os.path.join(args.output_dir, "common-words.txt"),
          "# Generated from %s: lower-case dictionary words.\n" % args.dictionary,
          common_words(args.dictionary))
    write(os.path.join(args.output_dir, "generated-places.txt"),
          "# Generated from iso-codes: countries and subdivisions.\n",
          places(args.iso_codes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
