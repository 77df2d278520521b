#!/usr/bin/python3
"""End-to-end checks of the Quotes plugin inside the real gedit 44, read and
driven through AT-SPI (pyatspi).

Run by tests/e2e/inner (see tests/e2e/run-e2e), not by hand: it expects a
gedit to be starting on DOCUMENT in the current D-Bus session, and a file
GEDIT_STATUS to appear holding gedit's exit status once gedit has ended.

Two modes:
  plugin   the GUI contract of the Quotes plugin (DESIGN.md, "GUI contract").
  harness  the same gedit-driving code against gedit without the plugin:
           gedit's own file browser and quickhighlight plugins stand in for
           the panel and the highlights.

Output is TAP-like: one "ok N - ..." / "not ok N - ..." line per check, with
what was seen as "# " lines, and a last line "N passed, N failed".
"""

import argparse
import os
import re
import subprocess
import sys
import time
import traceback

import pyatspi
from gi.repository import Atspi, GLib

TREE_NAME = "Quotes and sources"
PAGE_TITLE = "Quotes"
NEW_SENTENCE = "\n\u201cWe will rebuild the bridge by spring,\u201d Mayor Elena Petrova said."
GROUPS = ("Speakers", "Organizations", "Social posts")


class NoAnswer(Exception):
    """An AT-SPI call that reports failure by returning nothing."""


# Errors a poll may retry: the accessible went away or the application did
# not answer (yet). Anything else (TypeError, AttributeError...) is a bug in
# this script and escapes.
TRANSIENT = (GLib.GError, NoAnswer)


class CheckFailed(Exception):
    pass


def note(message):
    for line in str(message).splitlines() or [""]:
        print("#   " + line, flush=True)


def ensure(condition, message):
    if not condition:
        raise CheckFailed(message)


def wait_for(predicate, timeout, what, interval=0.1):
    """Poll predicate() until it returns something true; return that.

    Retries only TRANSIENT errors; raises CheckFailed after timeout seconds.
    """
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except TRANSIENT as error:
            last_error = error
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            raise CheckFailed(f"timed out after {timeout} s waiting for {what}{detail}")
        time.sleep(interval)


# --- finding things ----------------------------------------------------------

def has_state(acc, state):
    return acc.getState().contains(state)


def children(acc):
    result = []
    for index in range(acc.childCount):
        child = acc.getChildAtIndex(index)
        if child is not None:
            result.append(child)
    return result


def find_all(root, predicate, showing_only=True, limit=None):
    """Breadth-first search under root. With showing_only, subtrees that are
    not on screen (closed popovers, hidden stack pages) are not entered."""
    found = []
    queue = children(root)
    while queue:
        acc = queue.pop(0)
        try:
            if showing_only and not has_state(acc, pyatspi.STATE_SHOWING):
                continue
            if predicate(acc):
                found.append(acc)
                if limit and len(found) >= limit:
                    break
            queue.extend(children(acc))
        except TRANSIENT:
            continue  # it went away while we looked
    return found


def find_one(root, predicate, showing_only=True):
    found = find_all(root, predicate, showing_only, limit=1)
    return found[0] if found else None


def find_app(timeout=30):
    def gedit_app():
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if app.name == "gedit" and app.childCount > 0:
                return app
        return None
    return wait_for(gedit_app, timeout, "gedit on the accessibility bus")


def find_frame(app, timeout=20):
    return wait_for(lambda: next((c for c in children(app)
                                  if c.getRole() == pyatspi.ROLE_FRAME), None),
                    timeout, "gedit's window (ROLE_FRAME)")


def is_text_view(acc):
    return (acc.getRole() == pyatspi.ROLE_TEXT
            and has_state(acc, pyatspi.STATE_MULTI_LINE)
            and has_state(acc, pyatspi.STATE_EDITABLE))


def text_view(frame, timeout=20):
    return wait_for(lambda: find_one(frame, is_text_view), timeout,
                    "the document's text view (multi-line editable ROLE_TEXT)")


def is_tree(acc):
    return acc.getRole() in (pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE)


def find_tree(frame, name=None):
    """The showing tree/table named name (any showing one when name is None)."""
    return find_one(frame, lambda acc: is_tree(acc) and (name is None or acc.name == name))


def document_text(view):
    return view.queryText().getText(0, -1)


# --- tree rows ---------------------------------------------------------------

class Row:
    """One visible row of a GtkTreeView: its cells, their joined text, and
    the index of its parent row (None at the top level)."""

    def __init__(self, index, cells, parent):
        self.index = index
        self.cells = cells  # the row's cells, column by column, then their sub-cells
        self.parent = parent
        names = []
        for cell in cells:
            if cell.name and cell.name not in names:
                names.append(cell.name)
        self.text = " ".join(names)

    def __repr__(self):
        return f"row {self.index}: {self.text!r}"


def row_cells(table, row):
    cells = []
    for column in range(table.nColumns):
        cell = table.getAccessibleAt(row, column)
        if cell is None:
            continue
        cells.append(cell)
        cells.extend(children(cell))  # a column with several renderers
    return cells


def parent_row(table, cells):
    """The row a row hangs under, from its cells' NODE_CHILD_OF relation
    (which names the tree itself for top-level rows)."""
    for cell in cells:
        for relation in cell.getRelationSet():
            if relation.getRelationType() != pyatspi.RELATION_NODE_CHILD_OF:
                continue
            target = relation.getTarget(0)
            if target is None or is_tree(target):
                return None
            while True:
                up = target.parent
                if up is None:
                    # The cell went away: the tree changed while being read.
                    raise NoAnswer("the tree changed while being read")
                if is_tree(up):
                    return table.getRowAtIndex(target.getIndexInParent())
                target = up  # a sub-cell: take the row's cell
    return None


def rows(tree):
    table = tree.queryTable()
    result = []
    for index in range(table.nRows):
        cells = row_cells(table, index)
        result.append(Row(index, cells, parent_row(table, cells)))
    return result


def expand_all(tree, max_steps=60):
    """Expand every collapsed row (only visible rows exist in the accessibility
    tree). Returns the rows once nothing is left to expand."""
    for _ in range(max_steps):
        collapsed = None
        for row in rows(tree):
            for cell in row.cells:
                if (has_state(cell, pyatspi.STATE_EXPANDABLE)
                        and not has_state(cell, pyatspi.STATE_EXPANDED)):
                    collapsed = cell
                    break
            if collapsed:
                break
        if collapsed is None:
            return rows(tree)
        do_action(collapsed, "expand or contract")
        time.sleep(0.05)
    raise CheckFailed(f"rows still collapsed after {max_steps} expansions")


def find_action(acc, name):
    if "Action" not in pyatspi.listInterfaces(acc):
        return None
    action = acc.queryAction()
    for index in range(action.nActions):
        if action.getName(index) == name:
            return action, index
    return None


def do_action(acc, name):
    found = find_action(acc, name)
    ensure(found, f"{acc.getRoleName()} {acc.name!r} has no action {name!r}")
    action, index = found
    ensure(action.doAction(index), f"action {name!r} on {acc.name!r} returned false")


def activate_row(row):
    """Activate a row through the "activate" action of one of its cells."""
    for cell in row.cells:
        if find_action(cell, "activate"):
            do_action(cell, "activate")
            return
    raise CheckFailed(f"no cell of {row} offers an 'activate' action")


def double_click_row(row, tree):
    """Synthesize a double click at the centre of the row's text cell."""
    cell = next((c for c in row.cells if c.name), row.cells[0])
    box = cell.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    view = tree.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x, y = box.x + min(box.width // 2, 60), box.y + box.height // 2
    ensure(box.width > 0 and box.height > 0
           and view.x <= x < view.x + view.width and view.y <= y < view.y + view.height,
           f"{row} is not on screen (cell {tuple(box)}, tree {tuple(view)})")
    pyatspi.Registry.generateMouseEvent(x, y, "b1d")


def children_of(all_rows, row):
    return [r for r in all_rows if r.parent == row.index]


def group_row(all_rows, group):
    """The top-level row of a group ("Speakers", or "Speakers (3)")."""
    return next((r for r in all_rows if r.parent is None
                 and (r.text == group or r.text.startswith(group + " "))), None)


def group_of(all_rows, group):
    """The entries of a group (the rows directly under its row), or None."""
    head = group_row(all_rows, group)
    return None if head is None else children_of(all_rows, head)


def entry(all_rows, group, head_words):
    """The entry of group whose text starts with head_words, and the rows under it."""
    found = next((r for r in group_of(all_rows, group) or []
                  if r.text.startswith(head_words)), None)
    return (found, children_of(all_rows, found)) if found else (None, [])


def quote_rows(all_rows):
    """The rows under the speakers."""
    return [r for speaker in group_of(all_rows, "Speakers") or []
            for r in children_of(all_rows, speaker)]


def depth(all_rows, row):
    level = 0
    while row.parent is not None:
        row = all_rows[row.parent]
        level += 1
    return level


def show_tree(tree):
    try:
        show_rows(rows(tree))
    except TRANSIENT as error:
        note(f"(could not read the tree's rows: {error})")


def show_rows(all_rows):
    note("the tree's rows:")
    for row in all_rows:
        note("  " + "  " * depth(all_rows, row) + row.text)


# --- text attributes, selection ----------------------------------------------

def tag_attributes(view, offset):
    """The text attributes the buffer's tags put on offset (view defaults excluded)."""
    # pyatspi's getAttributeRun fails with AttributeError when gedit does not
    # answer; Atspi returns None then.
    attributes, start, end = Atspi.Text.get_attribute_run(view, offset, False)
    if attributes is None:
        raise NoAnswer(f"no text attributes for offset {offset}")
    return dict(attributes), start, end


def background_at(view, offset):
    return tag_attributes(view, offset)[0].get("bg-color")


def selection(view):
    text = view.queryText()
    if text.getNSelections() < 1:
        return None
    start, end = text.getSelection(0)
    return (start, end) if start != end else None


def quote_span(text, first_words):
    """(start, end) of the quotation that opens with first_words, marks included."""
    start = text.index("\u201c" + first_words)
    end = text.index("\u201d", start) + 1
    return start, end


# --- the checks --------------------------------------------------------------

class Context:
    def __init__(self, args):
        self.args = args
        self.original = open(args.original, encoding="utf-8").read()
        self.app = self.frame = self.view = self.tree = None
        self.expected_text = self.original  # what the document should hold


class Suite:
    def __init__(self, ctx):
        self.ctx = ctx
        self.number = 0
        self.passed = 0
        self.failed = 0

    def run(self, description, function, needs=()):
        self.number += 1
        missing = [name for name in needs if getattr(self.ctx, name) is None]
        if missing:
            self.failed += 1
            print(f"not ok {self.number} - {description} (not run: no {', '.join(missing)})",
                  flush=True)
            return
        started = time.monotonic()
        try:
            function(self.ctx)
        except CheckFailed as failure:
            self.failed += 1
            print(f"not ok {self.number} - {description}", flush=True)
            note(f"FAILED: {failure}")
        except Exception:  # a bug in the checker, or an AT-SPI call that failed
            self.failed += 1
            print(f"not ok {self.number} - {description}", flush=True)
            note("ERROR:\n" + traceback.format_exc())
        else:
            self.passed += 1
            print(f"ok {self.number} - {description} "
                  f"({time.monotonic() - started:.1f} s)", flush=True)


# Checks shared by both modes.

def check_window(ctx):
    ctx.app = find_app()
    ctx.frame = find_frame(ctx.app)
    note(f"window: {ctx.frame.name!r}")
    name = os.path.basename(ctx.args.document)
    ensure(name in ctx.frame.name, f"the window is not showing {name}")
    view = text_view(ctx.frame)
    wait_for(lambda: document_text(view) == ctx.original, 20,
             "the text view to hold the example article")
    ctx.view = view
    note(f"text view holds the article: {view.queryText().characterCount} characters")
    ensure(not ctx.frame.name.startswith("*"), f"document marked modified: {ctx.frame.name!r}")


def check_not_modified(ctx):
    name = ctx.frame.name
    ensure(not name.startswith("*"), f"the window title says modified: {name!r}")
    ensure(document_text(ctx.view) == ctx.expected_text, "the document's text changed")
    note(f"text unchanged, title {name!r} (no '*')")


def check_screenshot(ctx):
    path = os.path.join(ctx.args.outdir, "screenshot.png")
    box = ctx.frame.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x, y = max(box.x, 0), max(box.y, 0)
    subprocess.run(["import", "-window", "root",
                    "-crop", f"{box.width}x{box.height}+{x}+{y}", "+repage", path],
                   check=True, timeout=30)
    ensure(os.path.getsize(path) > 10000, f"{path} is suspiciously small")
    note(f"screenshot: {path}")


def check_typing(ctx):
    text = ctx.view.queryText()
    end = text.characterCount
    # insertText's length is in bytes (it ends up in gtk_text_buffer_insert).
    inserted = ctx.view.queryEditableText().insertText(
        end, NEW_SENTENCE, len(NEW_SENTENCE.encode("utf-8")))
    ensure(inserted, "EditableText.insertText returned false")
    ctx.expected_text = ctx.original + NEW_SENTENCE
    wait_for(lambda: document_text(ctx.view) == ctx.expected_text, 5,
             "the typed sentence at the end of the document")
    wait_for(lambda: ctx.frame.name.startswith("*"), 5, "the title to say modified")
    note(f"typed at offset {end}: {NEW_SENTENCE.strip()!r}; title {ctx.frame.name!r}")


def set_active_plugins(value):
    subprocess.run(["gsettings", "set", "org.gnome.gedit.plugins", "active-plugins", value],
                   check=True, timeout=10)
    note(f"gsettings set org.gnome.gedit.plugins active-plugins {value}")


def check_close(ctx):
    close = find_one(ctx.frame, lambda acc: acc.getRole() == pyatspi.ROLE_PUSH_BUTTON
                     and acc.name == "Close")
    ensure(close, "no 'Close' button in the window's title bar")
    do_action(close, "click")
    note("clicked the window's Close button")

    answered = []

    def answer_dialog():
        # gedit may quit while the click is still being answered: the click
        # then raises a D-Bus error and the next poll sees gedit gone.
        if answered or os.path.exists(ctx.args.gedit_status):
            return True
        for window in children(ctx.app):
            if window.getRole() in (pyatspi.ROLE_ALERT, pyatspi.ROLE_DIALOG):
                button = find_one(window, lambda acc: acc.getRole() == pyatspi.ROLE_PUSH_BUTTON
                                  and acc.name == "Close without Saving")
                if button:
                    note(f"dialog: {window.name!r}")
                    answered.append(button)
                    do_action(button, "click")
                    return True
        return False

    wait_for(answer_dialog, 15, "the save-changes dialog or gedit's exit")
    note("answered 'Close without Saving'" if answered else "gedit ended without asking")
    modified = ctx.expected_text != ctx.original
    ensure(bool(answered) == modified,
           "gedit asked to save an unmodified document" if answered else
           "gedit did not ask about the modified document")


def check_exit_status(ctx):
    path = ctx.args.gedit_status
    wait_for(lambda: os.path.exists(path), 20, "gedit to exit")
    status = int(open(path).read().strip())
    ensure(status != 124, "gedit was killed by the time limit (hung?)")
    ensure(status < 128, f"gedit was killed by signal {status - 128}")
    ensure(status == 0, f"gedit exited with status {status}")
    note("gedit exited with status 0")


def check_stderr(ctx):
    path = ctx.args.gedit_stderr
    lines = [line for line in open(path, encoding="utf-8", errors="replace").read().splitlines()
             if line.strip()]
    tmp = os.environ.get("E2E_TMP", "\0")
    ours, noise = [], []
    for line in lines:
        about_plugin = re.search(r"quotes", line.replace(tmp, "<tmp>"), re.IGNORECASE)
        serious = re.search(r"CRITICAL|WARNING", line)
        (ours if about_plugin and serious else noise).append(line)
    if noise:
        note(f"{len(noise)} other line(s) on gedit's stderr (not counted):")
        for line in noise:
            note("  " + line)
    ensure(not ours, "gedit's stderr has warnings about the plugin:\n" + "\n".join(ours))
    note(f"no CRITICAL/WARNING line about quotes in {path} ({len(lines)} lines)")


# Checks of the Quotes plugin.

def quote_spans(ctx):
    return {words: quote_span(ctx.original, words) for words in (
        "coalition of the willing", "on the land, at sea", "We need to continue working",
        "Peace will be more reliable", "A ceasefire could have already happened")}


def page_titles(frame):
    """The side-panel page titles, as the page switcher (radio buttons in a
    popover, so not showing) lists them."""
    return [acc.name for acc in find_all(
        frame, lambda acc: acc.getRole() == pyatspi.ROLE_RADIO_BUTTON, showing_only=False)]


def check_panel(ctx):
    try:
        ctx.tree = wait_for(lambda: find_tree(ctx.frame, TREE_NAME), 20,
                            f"a showing tree named {TREE_NAME!r} in the side panel")
    except CheckFailed:
        note(f"side-panel pages: {page_titles(ctx.frame)}")
        raise
    note(f"found {ctx.tree.getRoleName()} {TREE_NAME!r}")
    titles = page_titles(ctx.frame)
    ensure(PAGE_TITLE in titles, f"no side-panel page titled {PAGE_TITLE!r}: {titles}")
    note(f"side-panel pages: {titles}")


def read_groups(ctx, predicate_text, timeout=20):
    """Expand the tree and read it until predicate_text(rows) holds."""
    state = {}

    def ready():
        state["rows"] = expand_all(ctx.tree)
        return predicate_text(state["rows"])
    try:
        wait_for(ready, timeout, "the panel's entries")
    except CheckFailed:
        if "rows" in state:
            show_rows(state["rows"])
        raise
    return state["rows"]


def check_groups(ctx):
    all_rows = read_groups(ctx, lambda rs: all(group_row(rs, g) for g in GROUPS))
    show_rows(all_rows)
    order = [group_row(all_rows, g).index for g in GROUPS]
    ensure(order == sorted(order), f"groups not in the order {GROUPS}")
    note("groups: " + ", ".join(group_row(all_rows, g).text for g in GROUPS))


def check_speakers(ctx):
    all_rows = read_groups(ctx, lambda rs: group_of(rs, "Speakers"))
    failures = []
    for name, title, count, quotes in (
            ("Volodymyr Zelenskiy", "Ukrainian President", "(3)",
             ("We need to continue working", "Peace will be more reliable",
              "A ceasefire could have already happened")),
            ("Keir Starmer", "British Prime Minister", "(2)",
             ("coalition of the willing", "on the land, at sea")),
            ("Vladimir Putin", None, None, ())):
        speaker, under_it = entry(all_rows, "Speakers", name)
        if speaker is None:
            failures.append(f"no speaker entry starting with {name!r}")
            continue
        note(f"speaker: {speaker.text!r}")
        if title and title not in speaker.text:
            failures.append(f"{name}: title {title!r} missing in {speaker.text!r}")
        if count and count not in speaker.text:
            failures.append(f"{name}: count {count} missing in {speaker.text!r}")
        for words in quotes:
            row = next((r for r in under_it if "\u201c" + words in r.text), None)
            if row is None:
                failures.append(f"{name}: no quote entry \u201c{words}... under it")
            else:
                note(f"  quote: {row.text[:70]!r}")
    if failures:
        show_rows(all_rows)
    ensure(not failures, "\n".join(failures))


def check_not_speakers(ctx):
    all_rows = read_groups(ctx, lambda rs: group_of(rs, "Speakers") is not None)
    entries = [r.text for g in ("Speakers", "Organizations") for r in group_of(all_rows, g) or []]
    wrong = [text for text in entries
             for bad in ("Kyiv", "Ukraine", "Russia", "Moscow", "Europe", "Belgrade",
                         "Serbia", "Pakistan", "Sindh", "Also Read", "Meanwhile", "However")
             if re.match(re.escape(bad) + r"\b", text)]
    ensure(not wrong, f"places or link lines listed as speakers/organizations: {wrong}")
    note(f"{len(entries)} speaker/organization entries, none a place or an 'Also Read' line")


def check_organizations(ctx):
    all_rows = read_groups(ctx, lambda rs: group_of(rs, "Organizations"))
    organization, _ = entry(all_rows, "Organizations", "Lashkar-e-Taiba")
    if organization is None:
        show_rows(all_rows)
    ensure(organization, "no 'Lashkar-e-Taiba' entry under Organizations")
    ensure("(1)" in organization.text, f"no count (1) in {organization.text!r}")
    note(f"organization: {organization.text!r}")


def check_posts(ctx):
    all_rows = read_groups(ctx, lambda rs: group_of(rs, "Social posts"))
    post = next((r for r in group_of(all_rows, "Social posts") if "@ZelenskyyUa" in r.text), None)
    if post is None:
        show_rows(all_rows)
    ensure(post, "no post with @ZelenskyyUa under Social posts")
    for words in ("2025-03-15", "We must define"):
        ensure(words in post.text, f"{words!r} missing in {post.text!r}")
    note(f"post: {post.text[:80]!r}")


def check_highlights(ctx):
    spans = quote_spans(ctx)
    plain = ctx.original.index("Protesters Flood Belgrade") + 5

    def all_highlighted():
        return all(background_at(ctx.view, s + 1) and background_at(ctx.view, e - 2)
                   for s, e in spans.values())
    try:
        wait_for(all_highlighted, 10, "a background colour on every quote")
    except CheckFailed:
        for words, (s, e) in spans.items():
            note(f"{words!r} {s}-{e}: {tag_attributes(ctx.view, s + 1)}")
        raise
    for words, (s, e) in spans.items():
        attributes, run_start, run_end = tag_attributes(ctx.view, s + 1)
        note(f"quote at {s}-{e} ({words}...): bg-color {attributes['bg-color']}, "
             f"run {run_start}-{run_end}")
    attributes, run_start, run_end = tag_attributes(ctx.view, plain)
    ensure("bg-color" not in attributes,
           f"plain text at {plain} has a background too: {attributes}")
    note(f"plain text at {plain} ('Also Read' line): no bg-color ({attributes or 'no tags'})")


def check_activate(ctx, words, how):
    start, end = quote_span(ctx.original, words)
    all_rows = read_groups(ctx, lambda rs: any(words in r.text for r in quote_rows(rs)))
    row = next(r for r in quote_rows(all_rows) if "\u201c" + words in r.text)
    # Start from elsewhere so that a jump is visible.
    ctx.view.queryText().setCaretOffset(0)
    wait_for(lambda: ctx.view.queryText().caretOffset == 0, 5, "the caret at 0")
    if how == "action":
        activate_row(row)
    else:
        double_click_row(row, ctx.tree)
    note(f"{how} on {row.text[:60]!r}")
    try:
        sel = wait_for(lambda: selection(ctx.view), 5, "a selection in the document")
    finally:
        note(f"selection {selection(ctx.view)}, caret {ctx.view.queryText().caretOffset}, "
             f"quote at {start}-{end}")
    selected = ctx.view.queryText().getText(*sel)
    ensure(start <= sel[0] <= start + 1 and end - 1 <= sel[1] <= end,
           f"selected {sel} {selected!r}, not the quote at {start}-{end}")
    caret = ctx.view.queryText().caretOffset
    ensure(sel[0] <= caret <= sel[1], f"caret {caret} is outside the selection {sel}")
    note(f"selected {selected[:50]!r}...; caret at {caret}")


def check_typed_speaker(ctx):
    started = time.monotonic()

    def petrova():
        all_rows = expand_all(ctx.tree)
        speaker, under_it = entry(all_rows, "Speakers", "Elena Petrova")
        if speaker and any("We will rebuild the bridge" in r.text for r in under_it):
            return speaker, under_it
        return None
    try:
        speaker, under_it = wait_for(petrova, 10, "'Elena Petrova' and her quote under Speakers")
    except CheckFailed:
        show_tree(ctx.tree)
        raise
    note(f"after {time.monotonic() - started:.1f} s: speaker {speaker.text!r}")
    note("  quote: " + next(r.text for r in under_it if "We will rebuild" in r.text))
    new_quote = ctx.expected_text.index("\u201cWe will rebuild") + 3
    wait_for(lambda: background_at(ctx.view, new_quote), 5,
             f"a background colour on the typed quote (offset {new_quote})")
    note(f"the typed quote is highlighted at {new_quote}")


def check_plugin_off(ctx):
    offsets = [s + 1 for s, _ in quote_spans(ctx).values()]
    ensure(find_tree(ctx.frame, TREE_NAME), f"no tree {TREE_NAME!r} to begin with")
    ensure(any(background_at(ctx.view, o) for o in offsets), "no highlights to begin with")
    set_active_plugins("[]")
    wait_for(lambda: find_tree(ctx.frame, TREE_NAME) is None, 10,
             f"the tree {TREE_NAME!r} to leave the accessibility tree")
    ctx.tree = None
    note(f"the tree {TREE_NAME!r} is gone")
    titles = page_titles(ctx.frame)
    ensure(PAGE_TITLE not in titles, f"the page switcher still lists {PAGE_TITLE!r}: {titles}")
    note(f"side-panel pages: {titles}")
    offsets.append(ctx.expected_text.index("\u201cWe will rebuild") + 3)
    wait_for(lambda: not any(background_at(ctx.view, o) for o in offsets), 10,
             f"no background colour left at the quotes ({offsets})")
    note(f"no bg-color left at {offsets}")
    ensure(document_text(ctx.view) == ctx.expected_text, "the document's text changed")
    note("document text unchanged")


# Checks of the harness against gedit without the plugin.

def check_harness_panel(ctx):
    ctx.tree = wait_for(lambda: find_tree(ctx.frame), 20, "the file browser's tree")
    names = ("seed-article.txt", "other-file.txt")

    def file_rows():
        all_rows = rows(ctx.tree)
        return all_rows if all(any(n in r.text for r in all_rows) for n in names) else None
    show_rows(wait_for(file_rows, 10, f"rows {names} in the file browser"))
    titles = page_titles(ctx.frame)
    ensure("File Browser" in titles, f"no side-panel page 'File Browser': {titles}")
    note(f"side-panel pages: {titles}")


def check_harness_no_highlight(ctx):
    for words, (s, e) in quote_spans(ctx).items():
        ensure(background_at(ctx.view, s + 1) is None, f"bg-color at {s + 1} without the plugin")
    note("no bg-color at any quote without the plugin")


def check_harness_attributes(ctx):
    text = ctx.original
    first = text.index("Starmer")
    second = text.index("Starmer", first + 1)
    view_text = ctx.view.queryText()
    if view_text.getNSelections():
        view_text.setSelection(0, first, first + len("Starmer"))
    else:
        view_text.addSelection(first, first + len("Starmer"))
    wait_for(lambda: selection(ctx.view) == (first, first + 7), 5, "the selection")
    note(f"selected 'Starmer' at {first}; caret {view_text.caretOffset}")
    colour = wait_for(lambda: background_at(ctx.view, second + 2), 5,
                      f"quickhighlight's background at {second + 2}")
    attributes, start, end = tag_attributes(ctx.view, second + 2)
    note(f"other 'Starmer' at {second}: bg-color {colour}, run {start}-{end}")
    ensure((start, end) == (second, second + 7), f"run {start}-{end}, not {second}-{second + 7}")
    view_text.setCaretOffset(0)
    wait_for(lambda: background_at(ctx.view, second + 2) is None, 5,
             "quickhighlight to clear when the selection goes")


def check_harness_activate(ctx):
    def row_named(name):
        return next(r for r in rows(ctx.tree) if name in r.text)
    double_click_row(row_named("other-file.txt"), ctx.tree)
    wait_for(lambda: ctx.frame.name.startswith("other-file.txt"), 5,
             "the double-clicked file to become the active document")
    note(f"double click on 'other-file.txt': window {ctx.frame.name!r}")
    activate_row(row_named("seed-article.txt"))
    wait_for(lambda: ctx.frame.name.startswith("seed-article.txt"), 5,
             "the activated file to become the active document")
    note(f"'activate' on 'seed-article.txt': window {ctx.frame.name!r}")
    ctx.view = text_view(ctx.frame)
    ensure(document_text(ctx.view) == ctx.original, "the active view is not the article")


def check_harness_plugins_off(ctx):
    set_active_plugins("[]")
    wait_for(lambda: find_tree(ctx.frame) is None, 10, "the file browser's tree to go")
    ctx.tree = None
    note("the file browser's tree is gone")
    ensure(document_text(ctx.view) == ctx.expected_text, "the document's text changed")
    note("document text unchanged")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("plugin", "harness"), default="plugin")
    parser.add_argument("--document", required=True)
    parser.add_argument("--original", required=True)
    parser.add_argument("--outdir", required=True)
    parser.add_argument("--gedit-status", required=True)
    parser.add_argument("--gedit-stderr", required=True)
    args = parser.parse_args()

    ctx = Context(args)
    suite = Suite(ctx)
    started = time.monotonic()
    print(f"# gedit end-to-end checks, mode {args.mode}", flush=True)
    suite.run("gedit shows its window with the example article", check_window)
    if args.mode == "plugin":
        needs = ("frame", "view")
        suite.run(f"side-panel page {PAGE_TITLE!r} shows the tree {TREE_NAME!r}",
                  check_panel, needs)
        suite.run("the tree has the groups " + ", ".join(GROUPS), check_groups, ("tree",))
        suite.run("Speakers: Zelenskiy (3), Starmer (2), Putin, with their quotes",
                  check_speakers, ("tree",))
        suite.run("no place or 'Also Read' line is a speaker or organization",
                  check_not_speakers, ("tree",))
        suite.run("Organizations: Lashkar-e-Taiba (1)", check_organizations, ("tree",))
        suite.run("Social posts: the @ZelenskyyUa post of 2025-03-15", check_posts, ("tree",))
        suite.run("quotes carry a background colour, plain text does not",
                  check_highlights, needs)
        suite.run("highlighting leaves the document unmodified", check_not_modified, needs)
        suite.run("'activate' on a quote entry selects the quote, caret inside",
                  lambda c: check_activate(c, "A ceasefire could have already happened",
                                           "action"), ("frame", "view", "tree"))
        suite.run("double click on a quote entry selects the quote, caret inside",
                  lambda c: check_activate(c, "We need to continue working", "double click"),
                  ("frame", "view", "tree"))
        suite.run("screenshot of the window with the panel", check_screenshot, ("frame",))
        suite.run("typing a quote at the end of the document", check_typing, needs)
        suite.run("the typed speaker 'Elena Petrova' appears under Speakers",
                  check_typed_speaker, ("frame", "view", "tree"))
        suite.run("switching the plugin off removes the page and the highlights",
                  check_plugin_off, ("frame", "view", "tree"))
    else:
        needs = ("frame", "view")
        suite.run("the file browser page shows its tree and rows", check_harness_panel, needs)
        suite.run("without the plugin no quote has a background", check_harness_no_highlight,
                  needs)
        suite.run("selection, caret and tag attributes (quickhighlight) are readable",
                  check_harness_attributes, needs)
        suite.run("the document is not modified", check_not_modified, needs)
        suite.run("double click and 'activate' on tree rows", check_harness_activate,
                  ("frame", "view", "tree"))
        suite.run("screenshot of the window", check_screenshot, ("frame",))
        suite.run("typing at the end of the document", check_typing, needs)
        suite.run("switching plugins off with gsettings removes the side-panel page",
                  check_harness_plugins_off, needs)
    suite.run("closing the window (answering the save dialog)", check_close, ("app", "frame"))
    suite.run("gedit exits with status 0", check_exit_status)
    suite.run("no CRITICAL or WARNING about quotes on gedit's stderr", check_stderr)
    print(f"1..{suite.number}")
    print(f"# {time.monotonic() - started:.1f} s")
    print(f"{suite.passed} passed, {suite.failed} failed", flush=True)
    return 0 if suite.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
