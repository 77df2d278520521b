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

import os
import re
import subprocess
import sys
import time

from gedit_e2e import (
    PAGE_TITLE, TREE_NAME, CheckFailed, Context, Suite, activate_row, background_at,
    check_exit_status, check_window, children, do_action, document_text, double_click_row, ensure,
    entry, expand_all, find_one, find_tree, group_of, group_row, note, page_titles, parse_args,
    pyatspi, quote_rows, quote_span, rows, selection, set_active_plugins, show_rows, show_tree,
    tag_attributes, text_view, wait_for)

NEW_SENTENCE = "\n\u201cWe will rebuild the bridge by spring,\u201d Mayor Elena Petrova said."
GROUPS = ("Speakers", "Organizations", "Social posts")


# --- the checks --------------------------------------------------------------

# Checks shared by both modes.

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
    args = parse_args(__doc__)

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
    return suite.finish(started)


if __name__ == "__main__":
    sys.exit(main())
