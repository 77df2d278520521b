#!/usr/bin/python3
"""What the end-to-end checkers share: finding, reading and driving gedit 44
through AT-SPI (pyatspi) and the keyboard (XTest through the AT-SPI
registry), reading the Quotes panel's tree, the TAP-like suite runner, and
the checks every session ends with (gedit's exit status, its stderr).

Imported by test_gedit.py, test_gedit_workflows.py, test_gedit_toggle.py and
test_gedit_large.py; not a checker itself.
"""

import argparse
import os
import re
import subprocess
import time
import traceback

import gi

gi.require_version("Atspi", "2.0")
gi.require_version("Gdk", "3.0")
import pyatspi  # noqa: E402
from gi.repository import Atspi, Gdk, GLib  # noqa: E402

TREE_NAME = "Quotes and sources"
PAGE_TITLE = "Quotes"



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


# --- the suite ---------------------------------------------------------------

def parse_args(doc):
    """The arguments tests/e2e/inner gives every checker."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--mode", choices=("plugin", "harness"), default="plugin")
    parser.add_argument("--document", required=True)
    parser.add_argument("--original", required=True)
    parser.add_argument("--outdir", required=True)
    parser.add_argument("--gedit-status", required=True)
    parser.add_argument("--gedit-stderr", required=True)
    return parser.parse_args()


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

    def finish(self, started):
        """The TAP plan and totals; the checker's exit status."""
        print(f"1..{self.number}")
        print(f"# {time.monotonic() - started:.1f} s")
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        return 0 if self.failed == 0 else 1

    def run_exit_checks(self, plugin):
        """What every session ends with: gedit quits cleanly and quietly."""
        self.run("gedit exits with status 0", check_exit_status)
        self.run("no CRITICAL, WARNING or ERROR at all on gedit's stderr"
                 + ("" if plugin else " (gedit's own plugins' not counted)"), check_stderr_all)

    def skip(self, description, reason):
        """A check that is not run, and why (TAP's "# SKIP")."""
        self.number += 1
        self.passed += 1
        print(f"ok {self.number} - {description} # SKIP {reason}", flush=True)

# Checks every session makes.

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


def set_active_plugins(value, quiet=False):
    subprocess.run(["gsettings", "set", "org.gnome.gedit.plugins", "active-plugins", value],
                   check=True, timeout=10)
    if not quiet:
        note(f"gsettings set org.gnome.gedit.plugins active-plugins {value}")


def check_exit_status(ctx):
    path = ctx.args.gedit_status
    wait_for(lambda: os.path.exists(path), 20, "gedit to exit")
    status = int(open(path).read().strip())
    ensure(status != 124, "gedit was killed by the time limit (hung?)")
    ensure(status < 128, f"gedit was killed by signal {status - 128}")
    ensure(status == 0, f"gedit exited with status {status}")
    note("gedit exited with status 0")


def page_titles(frame):
    """The side-panel page titles, as the page switcher (radio buttons in a
    popover, so not showing) lists them."""
    return [acc.name for acc in find_all(
        frame, lambda acc: acc.getRole() == pyatspi.ROLE_RADIO_BUTTON, showing_only=False)]


# --- keyboard ----------------------------------------------------------------

class Keyboard:
    """Key presses synthesized by the AT-SPI registry (XTest), keycodes taken
    from the X server's keymap."""

    def __init__(self):
        display = Gdk.Display.open(os.environ["DISPLAY"])
        ensure(display is not None, f"cannot open display {os.environ.get('DISPLAY')!r}")
        self.keymap = Gdk.Keymap.get_for_display(display)
        self.display = display

    def keycode(self, name):
        keyval = Gdk.keyval_from_name(name)
        found, keys = self.keymap.get_entries_for_keyval(keyval)
        keys = [k for k in keys or [] if k.level == 0] if found else []
        ensure(keys, f"no key for {name!r} at level 0 in the X keymap")
        return min(keys, key=lambda k: k.group).keycode

    def press(self, *names):
        """Press the keys in order and release them in reverse: press("Control_L", "t")."""
        codes = [self.keycode(name) for name in names]
        for code in codes:
            pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_PRESS)
        for code in reversed(codes):
            pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_RELEASE)
        note("pressed " + "+".join(names))

    def type(self, text):
        pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
        note(f"typed {text!r} on the keyboard")


NEXT = ("Control_L", "Alt_L", "bracketright")
PREVIOUS = ("Control_L", "Alt_L", "bracketleft")
ATTRIBUTION = ("Control_L", "Alt_L", "a")


# --- windows, tabs, focus ----------------------------------------------------

def frames(app):
    return [c for c in children(app) if c.getRole() == pyatspi.ROLE_FRAME]


def is_modified_title(name):
    return name.startswith("*")


def focus_view(ctx, timeout=5):
    """Keyboard events go to the X focus: make gedit's window active with the
    document's view focused (there is no window manager). GTK's accessible
    grab_focus focuses the widget and presents its window."""
    def focused():
        return (has_state(ctx.frame, pyatspi.STATE_ACTIVE)
                and has_state(ctx.view, pyatspi.STATE_FOCUSED))
    if focused():
        return
    ctx.view.queryComponent().grabFocus()
    try:
        wait_for(focused, timeout, "gedit's window to be active with the text view focused")
        return
    except CheckFailed:
        pass
    # As a person would: a click into the text (seen needed once a very
    # large document had just opened).
    box = ctx.view.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2, "b1c")
    note("clicked into the text view to focus it")
    try:
        wait_for(focused, timeout, "gedit's window to be active with the text view focused")
    except CheckFailed:
        holder = find_one(ctx.frame, lambda a: has_state(a, pyatspi.STATE_FOCUSED))
        note(f"window active: {has_state(ctx.frame, pyatspi.STATE_ACTIVE)}, "
             f"view focused: {has_state(ctx.view, pyatspi.STATE_FOCUSED)}, "
             f"showing: {has_state(ctx.view, pyatspi.STATE_SHOWING)}; the focus is on "
             + (f"{holder.getRoleName()} {holder.name!r}" if holder else "nothing showing")
             + f"; view states {ctx.view.getState().getStates()}")
        raise


def tab_list(frame):
    return wait_for(lambda: find_one(frame, lambda a: a.getRole() == pyatspi.ROLE_PAGE_TAB_LIST),
                    5, "the notebook's page tab list")


def tab_names(frame):
    return [tab.name for tab in children(tab_list(frame))]


def select_tab(ctx, index, title_start):
    tabs = tab_list(ctx.frame)
    ensure(tabs.querySelection().selectChild(index), f"selecting tab {index} returned false")
    wait_for(lambda: ctx.frame.name.lstrip("*").startswith(title_start), 5,
             f"tab {index} ({title_start}) to become the active document")
    note(f"selected tab {index}: window {ctx.frame.name!r}")


def wait_view(ctx, predicate, what, timeout=5):
    """Find the showing text view again (after a tab or window change) until
    predicate(text) holds for it; it becomes ctx.view."""
    def found():
        # Not editable (so not found) while gedit loads or reloads the file.
        view = find_one(ctx.frame, is_text_view)
        return view if view is not None and predicate(document_text(view)) else None
    ctx.view = wait_for(found, timeout, what)
    return ctx.view


def click(acc, action_name="click"):
    """Click a button; it may go away while the click is being answered."""
    label = acc.name
    found = find_action(acc, action_name)
    ensure(found, f"{label!r} has no action {action_name!r}")
    action, index = found
    try:
        done = action.doAction(index)
    except GLib.GError as error:
        note(f"(the answer to clicking {label!r} was lost: {error})")
        return
    ensure(done, f"clicking {label!r} returned false")
    note(f"clicked {label!r}")


def button(root, name, showing_only=True):
    return find_one(root, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON and a.name == name,
                    showing_only)


def answer_save_dialog(ctx, answer="Close without Saving", timeout=10):
    """Wait for gedit's "Save changes…?" question and answer it."""
    def dialog_button():
        for window in children(ctx.app):
            if window.getRole() in (pyatspi.ROLE_ALERT, pyatspi.ROLE_DIALOG):
                found = button(window, answer)
                if found:
                    return window, found
        return None
    window, found = wait_for(dialog_button, timeout, f"a dialog with {answer!r}")
    texts = [a.name for a in find_all(window, lambda a: a.getRole() == pyatspi.ROLE_LABEL)]
    note(f"dialog {window.name!r}: {' / '.join(t for t in texts if t)[:160]!r}")
    return found


# --- the panel ---------------------------------------------------------------

def panel_rows(frame):
    """The rows of the showing Quotes tree, all expanded; None without a tree."""
    tree = find_tree(frame, TREE_NAME)
    return expand_all(tree) if tree else None


def speaker_names(all_rows):
    return [r.text for r in group_of(all_rows, "Speakers") or []]


def has_speaker(all_rows, name, quote=None):
    speaker, under_it = entry(all_rows, "Speakers", name)
    if speaker is None:
        return False
    return quote is None or any(quote in r.text for r in under_it)


def wait_panel(frame, predicate, what, timeout=10):
    """Read the panel until predicate(rows) holds; show the rows when it does not."""
    state = {}

    def ready():
        state["rows"] = panel_rows(frame)
        return state["rows"] is not None and predicate(state["rows"])
    try:
        wait_for(ready, timeout, what)
    except CheckFailed:
        if state.get("rows"):
            show_rows(state["rows"])
        else:
            note("(no showing tree: the panel shows " + repr([
                a.name for a in find_all(frame, lambda a: a.getRole() == pyatspi.ROLE_LABEL)
                if a.name][:8]) + ")")
        raise
    return state["rows"]


def selected_row_texts(frame):
    tree = find_tree(frame, TREE_NAME)
    if tree is None:
        return []
    table = tree.queryTable()
    all_rows = rows(tree)
    return [all_rows[i].text for i in table.getSelectedRows() if i < len(all_rows)]


# --- text --------------------------------------------------------------------

def span_of(text, first_words, last_words):
    start = text.index(first_words)
    return start, text.index(last_words, start) + len(last_words)


def highlighted_runs(view):
    """(start, end) of every run of text carrying a background or an underline
    from a tag, over the whole document."""
    count = view.queryText().characterCount
    runs, offset = [], 0
    while offset < count:
        attributes, start, end = tag_attributes(view, offset)
        if "bg-color" in attributes or "underline" in attributes:
            runs.append((start, end))
        offset = max(end, offset + 1)
    return runs




def ensure_selection(ctx, expected, what, slack=1):
    """Wait for the selection to be expected (start, end), give or take slack
    characters at each end (a quote's marks, a final stop)."""
    start, end = expected

    def close_enough():
        sel = selection(ctx.view)
        return sel if sel and abs(sel[0] - start) <= slack and abs(sel[1] - end) <= slack else None
    try:
        sel = wait_for(close_enough, 5, f"the selection of {what} ({start}-{end})")
    finally:
        note(f"selection {selection(ctx.view)}, caret {ctx.view.queryText().caretOffset}")
    return sel


def set_caret(ctx, offset):
    ctx.view.queryText().setCaretOffset(offset)
    wait_for(lambda: ctx.view.queryText().caretOffset == offset and not selection(ctx.view), 5,
             f"the caret at {offset} with nothing selected")


def gsettings_set(schema, key, value):
    subprocess.run(["gsettings", "set", schema, key, value], check=True, timeout=10)
    note(f"gsettings set {schema} {key} {value}")



def plugin_mode(ctx):
    return ctx.args.mode == "plugin"



def close_window(ctx, modified):
    """Click the window's Close button; answer gedit's save question with
    "Close without Saving". modified: whether gedit should ask."""
    click(button(ctx.frame, "Close"))
    answered = []

    def answer_or_exit():
        if answered or os.path.exists(ctx.args.gedit_status):
            return True
        for window in children(ctx.app):
            if window.getRole() in (pyatspi.ROLE_ALERT, pyatspi.ROLE_DIALOG):
                found = button(window, "Close without Saving")
                if found:
                    answered.append(window.name)
                    click(found)
                    return True
        return False
    wait_for(answer_or_exit, 15, "the save-changes dialog or gedit's exit")
    note(f"answered the dialog {answered[0]!r}" if answered else "gedit ended without asking")
    ensure(bool(answered) == modified,
           "gedit asked to save an unmodified document" if answered else
           "gedit did not ask about the modified document")


# --- documents -----------------------------------------------------------------

FIRST_NAMES = ("Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Irina",
               "Jonas", "Kira", "Luis", "Mona", "Nikos", "Olga", "Pavel", "Rosa", "Stefan")
LAST_NAMES = ("Berg", "Costa", "Dahl", "Ivanova", "Kowalski", "Lima", "Moreau", "Novak",
              "Okafor", "Petrova", "Quinn", "Rossi", "Sato", "Tanaka", "Varga", "Weber")


def varied_articles(article, size):
    """About size characters of news: copies of article, each with other
    people's names and other numbers, so that the text is not one block
    repeated (the panel gets many speakers, the lines differ)."""
    names = [(f, l) for l in LAST_NAMES for f in FIRST_NAMES]
    parts, total, number = [], 0, 0
    while total < size:
        text = article
        for original, short in (("Volodymyr Zelenskiy", "Zelenskiy"), ("Keir Starmer", "Starmer"),
                                ("Vladimir Putin", "Putin")):
            first, last = names[(number * 7 + len(short)) % len(names)]
            last = f"{last}-{LAST_NAMES[number // len(names) % len(LAST_NAMES)]}" \
                if number >= len(names) else last
            text = text.replace(original, f"{first} {last}").replace(short, last)
        text = text.replace("30-day", f"{number % 90 + 10}-day")
        text = text.replace("March 15, 2025", f"March {number % 28 + 1}, {2000 + number % 26}")
        parts.append(text)
        total += len(text) + 1
        number += 1
    # No final newline: gedit would not show it (it keeps it implicit).
    return "\n".join(parts)


def attribute_runs(view, count=None):
    """Every run of text that carries a tag's attributes (colours,
    underline…), as (start, end, attributes), over the whole document."""
    count = view.queryText().characterCount if count is None else count
    runs, offset = [], 0
    while offset < count:
        attributes, start, end = tag_attributes(view, offset)
        if attributes:
            runs.append((start, end, attributes))
        offset = max(end, offset + 1)
    return runs


# --- gedit's process ---------------------------------------------------------

def worker_ticks(pid):
    """CPU time (clock ticks) of each of gedit's worker threads ("pool-…",
    GLib's thread pool, which runs GTask threads such as the analysis)."""
    ticks = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm", encoding="utf-8") as stream:
                if not stream.read().startswith("pool"):
                    continue
            with open(f"/proc/{pid}/task/{tid}/stat", encoding="utf-8") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
            ticks[tid] = int(fields[11]) + int(fields[12])  # utime + stime
        except (OSError, IndexError, ValueError):
            continue  # the thread ended
    return ticks


def ticks_since(before, now):
    return sum(max(0, t - before.get(tid, 0)) for tid, t in now.items())



# What gedit 44 itself logs, without the plugin, under AT-SPI: closing a tab
# while three or more are open makes GTK's accessible of the notebook page
# ask for the tab label of a page already gone (reproduced with bare gedit:
# Ctrl+T twice, Ctrl+W); closing a second window now and then makes the
# AT-SPI bridge ask the accessible of one of its popovers, already
# destroyed, whether it is modal (seen with bare gedit in the toggle
# session's --without-plugin run; the backtrace goes from libatk-bridge
# into GTK's popover accessible). Shown, not counted.
GEDIT_NOISE = (
    re.compile(r"Gtk-CRITICAL \*\*: [0-9:.]+: gtk_notebook_get_tab_label: "
               r"assertion 'list != NULL' failed$"),
    re.compile(r"Gtk-CRITICAL \*\*: [0-9:.]+: gtk_popover_get_modal: "
               r"assertion 'GTK_IS_POPOVER \(popover\)' failed$"),
)


def serious_stderr_lines(ctx):
    lines = open(ctx.args.gedit_stderr, encoding="utf-8", errors="replace").read().splitlines()
    return [line for line in lines if re.search(r"CRITICAL|WARNING|ERROR", line)]


def ensure_clean_stderr(ctx):
    """With the plugin, stricter than test_gedit.py: no CRITICAL, WARNING or
    ERROR line at all, whoever wrote it (only Quotes is active), but for
    GEDIT_NOISE. Without it, gedit's own plugins' complaints are shown, not
    counted (quickhighlight has been seen to log a Gtk-CRITICAL about
    gtk_text_buffer_get_selection_bounds)."""
    serious = serious_stderr_lines(ctx)
    noise = [line for line in serious if any(p.search(line) for p in GEDIT_NOISE)]
    if noise:
        note(f"{len(noise)} line(s) that gedit logs without the plugin too (not counted):")
        for line in noise:
            note("  " + line)
        serious = [line for line in serious if line not in noise]
    if serious and not plugin_mode(ctx):
        note(f"{len(serious)} line(s) from gedit and its own plugins (not counted):")
        for line in serious:
            note("  " + line)
        return
    ensure(not serious, "gedit's stderr:\n" + "\n".join(serious))


def check_stderr_all(ctx):
    lines = [line for line in open(ctx.args.gedit_stderr, encoding="utf-8",
                                   errors="replace").read().splitlines() if line.strip()]
    for line in lines:
        note("  " + line)
    ensure_clean_stderr(ctx)
    note(f"{len(lines)} line(s) on {ctx.args.gedit_stderr}")

