"""A stand-in for quotes-scan for the scorers' own tests: it prints the
JSON it is given, so a test knows exactly what the engine said."""

import json
import os
import sys

SCRIPT = """#!{python}
import sys
name = sys.argv[-1]
if sys.argv[1:2] != ["--json"]:
    sys.exit(2)
if "broken" in name:
    print("cannot read " + name, file=sys.stderr)
    sys.exit(2)
with open({json_path!r}, encoding="utf-8") as fh:
    sys.stdout.write(fh.read())
"""


def write(path, content):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(content)


def install(folder, engine_json):
    """Writes the scanner into @folder; it answers every file with
    @engine_json, and fails on files whose name holds "broken"."""
    json_path = os.path.join(folder, "engine.json")
    write(json_path, json.dumps(engine_json, ensure_ascii=False))
    scanner = os.path.join(folder, "fake-scan")
    write(scanner, SCRIPT.format(python=sys.executable, json_path=json_path))
    os.chmod(scanner, 0o755)
    return scanner
