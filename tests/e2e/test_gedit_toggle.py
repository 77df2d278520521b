#!/usr/bin/python3
"""End-to-end stress check: the Quotes plugin switched on and off 100 times
in the real gedit 44, with several documents open in two windows.

The first window has three tabs: the example article, edited with the
keyboard (two undo steps, one of them undone, so there is something to
redo); a larger article file (about 120 KB of varied news, the active tab,
whose analysis is under way when many of the switches happen); an unsaved
tab with a quote typed into it. A second window (gedit --new-window) shows a
copy of the larger article. The plugin is switched through GSettings
(active-plugins, written by gsettings as a person's preferences would be),
which gedit follows at once. Each switch waits until gedit shows it (the
"Quotes" page comes or goes in both windows' side-panel page switchers),
then the next one happens at a different moment of the plugin's work: at
once (the analysis still waiting for its 200 ms pause), while gedit's
worker threads run, once the larger document's first quote is highlighted,
or once its last quote is and the panel lists the speakers.

After every switch off: no text in any tab of either window carries a
tag's attributes (colours, underline) any more. After the 100 switches:
each tab's text and modified flag are as before, undo and redo walk the
article's history exactly as gedit does without the plugin (no step added,
none lost, the modified flag clear at the saved text); switched on, the
second window is closed at once, while its document is analysed; the
plugin still works in the first; gedit exits cleanly, and its stderr holds
no CRITICAL, WARNING or ERROR line.

In harness mode (run-e2e --without-plugin) gedit's own file browser plugin
is switched instead, with the same documents, edits and undo checks: that
run says what gedit does by itself.

Run by tests/e2e/inner (see tests/e2e/run-e2e), not by hand. Output is
TAP-like, as test_gedit.py's.
"""

import os
import subprocess
import sys
import time

from gedit_e2e import (
    PAGE_TITLE, TREE_NAME, Context, Keyboard, Suite, answer_save_dialog, attribute_runs,
    background_at, button, check_window, children, click,
    close_window, do_action, document_text, ensure, ensure_clean_stderr, find_one, find_tree,
    focus_view, frames, is_modified_title, is_text_view, is_tree, note, parse_args, plugin_mode,
    pyatspi, quote_span, select_tab, set_active_plugins, set_caret, tab_names, ticks_since,
    varied_articles, wait_for, wait_view, worker_ticks)

SWITCHES = 100
# Words typed into the article, each an undo step of its own (no space:
# GtkSourceView may start a new step at one).
FIRST_WORD, SECOND_WORD = "STEADY", "NOW"
LARGE_NAME = "large-article.txt"
LARGE_SIZE = 120_000
OTHER_NAME = "large-article-copy.txt"  # in a second window
UNSAVED_TEXT = ("\u201cThe library will stay open all summer,\u201d said Marta Ruiz, "
                "the city\u2019s head of culture.")
# When, after gedit shows the plugin on, it is switched off again.
MOMENTS = ("at once", "while worker threads run", "once the first quote is highlighted",
           "once the last quote is highlighted and the panel lists speakers")


class Plugin:
    """The plugin being switched: its name in active-plugins and its page's
    title. Without Quotes (harness mode), gedit's file browser."""

    def __init__(self, ctx):
        if plugin_mode(ctx):
            self.name, self.page = "quotes", PAGE_TITLE
        else:
            self.name, self.page = "filebrowser", "File Browser"
        self.switchers = {}  # window (frame) -> its side panel's page switcher

    def find_switcher(self, frame):
        """The side panel's page switcher (radio buttons in a popover, one
        for each page). The box stays while pages come and go, so it is
        looked up once: reading it is then a couple of calls."""
        radio = wait_for(lambda: find_one(frame, lambda a: a.getRole() == pyatspi.ROLE_RADIO_BUTTON
                                          and a.name == "Documents", showing_only=False),
                         10, "the side panel's 'Documents' page in its page switcher")
        self.switchers[frame] = radio.parent
        return radio.parent

    def pages(self, frame):
        return [c.name for c in children(self.switchers[frame])]

    def shown(self):
        """Whether each window shows the page: True, False, or None when
        they differ (gedit is between the two)."""
        found = {self.page in self.pages(frame) for frame in self.switchers}
        return found.pop() if len(found) == 1 else None

    def switch(self, on):
        set_active_plugins(f"['{self.name}']" if on else "[]", quiet=True)

    def show_page(self, frame):
        """Click the page's radio button, as a person choosing the page."""
        radio = next((c for c in children(self.switchers[frame]) if c.name == self.page), None)
        ensure(radio is not None, f"no page {self.page!r} to show: {self.pages(frame)}")
        do_action(radio, "click")


class Tab:
    def __init__(self, index, title, view, text, modified, frame=None):
        self.index, self.title, self.view = index, title, view
        self.text, self.modified = text, modified
        self.frame = frame  # the second window's only tab; None: a tab of the first


def all_tabs(ctx):
    return ctx.tabs + ([ctx.other] if ctx.other else [])


def tab_modified(ctx, tab):
    if tab.frame is not None:
        return is_modified_title(tab.frame.name)
    names = tab_names(ctx.frame)
    ensure(len(names) == len(ctx.tabs), f"tabs {names}, expected {len(ctx.tabs)}")
    return is_modified_title(names[tab.index])


def untagged(tab):
    """Whether no text of the tab carries a tag's attributes (one call when
    none does: the first run then spans the whole text)."""
    count = tab.view.queryText().characterCount
    return not attribute_runs(tab.view, count)


def check_documents(ctx):
    """Three tabs: the edited article, the large file, an unsaved text."""
    ctx.keyboard = Keyboard()
    ctx.plugin = Plugin(ctx)
    ctx.plugin.find_switcher(ctx.frame)
    note(f"side-panel pages: {ctx.plugin.pages(ctx.frame)}")
    ensure(ctx.plugin.shown(), f"no page {ctx.plugin.page!r} to begin with")

    # The article: two words typed at two places (two undo steps), the
    # second undone, so the history has a step to redo.
    saved = document_text(ctx.view)
    first_at = saved.index("willing")
    second_at = saved.index("Security is key")
    after_first = saved[:first_at] + FIRST_WORD + saved[first_at:]
    second_at += len(FIRST_WORD)
    after_second = after_first[:second_at] + SECOND_WORD + after_first[second_at:]
    focus_view(ctx)
    for at, word, expected in ((first_at, FIRST_WORD, after_first),
                               (second_at, SECOND_WORD, after_second)):
        set_caret(ctx, at)
        ctx.keyboard.type(word)
        wait_for(lambda: document_text(ctx.view) == expected, 5, f"{word!r} typed at {at}")
    ctx.keyboard.press("Control_L", "z")
    wait_for(lambda: document_text(ctx.view) == after_first, 5, "the second word undone")
    wait_for(lambda: is_modified_title(ctx.frame.name), 5, "the article to say modified")
    ctx.history = (saved, after_first, after_second)
    # Away from the edits (the caret's line is not part of any check).
    set_caret(ctx, 0)
    article = Tab(0, os.path.basename(ctx.args.document), ctx.view, after_first, True)
    note(f"article: typed {FIRST_WORD!r} and {SECOND_WORD!r}, undid the second; "
         f"title {ctx.frame.name!r}")

    # The large article, opened from a file as a person would (a second
    # gedit command hands it to this one).
    path = os.path.join(os.path.dirname(ctx.args.document), LARGE_NAME)
    large = varied_articles(ctx.original, LARGE_SIZE)
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(large)
    result = subprocess.run(["gedit", path], capture_output=True, text=True, timeout=30)
    ensure(result.returncode == 0, f"gedit {LARGE_NAME}: status {result.returncode} "
           f"{result.stderr.strip()!r}")
    wait_for(lambda: ctx.frame.name.startswith(LARGE_NAME), 20, f"{LARGE_NAME} to be the active tab")
    view = wait_view(ctx, lambda text: text == large, f"{LARGE_NAME} loaded", timeout=30)
    large_tab = Tab(1, LARGE_NAME, view, large, False)
    note(f"{LARGE_NAME}: {len(large)} characters, {large.count(chr(0x201c))} opening marks")

    # An unsaved tab with a quote typed into it.
    focus_view(ctx)
    ctx.keyboard.press("Control_L", "t")
    wait_for(lambda: len(tab_names(ctx.frame)) == 3, 5, "a third tab")
    view = wait_view(ctx, lambda text: text == "", "the new tab's empty view")
    ensure(view.queryEditableText().insertText(0, UNSAVED_TEXT, len(UNSAVED_TEXT.encode("utf-8"))),
           "insertText returned false")
    wait_for(lambda: document_text(view) == UNSAVED_TEXT, 5, "the typed text in the new tab")
    unsaved = Tab(2, tab_names(ctx.frame)[2].lstrip("*"), view, UNSAVED_TEXT, True)
    ctx.tabs = [article, large_tab, unsaved]

    # The large article is the active tab while the plugin is switched.
    select_tab(ctx, 1, LARGE_NAME)
    ctx.view = large_tab.view
    # Its first and last quotes, whose highlights say how far the plugin got.
    ctx.large_first = large.index("\u201c") + 2
    ctx.large_last = large.rindex("\u201c") + 2
    for tab in ctx.tabs:
        ensure(tab_modified(ctx, tab) == tab.modified,
               f"tab {tab.index} ({tab.title}) modified flag: {tab_names(ctx.frame)}")
    note(f"tabs {tab_names(ctx.frame)}")
    if plugin_mode(ctx):
        wait_for(lambda: background_at(large_tab.view, ctx.large_last), 60,
                 f"the last quote of {LARGE_NAME} highlighted (the plugin works to begin with)")
        note(f"{LARGE_NAME} is highlighted to its last quote")


def check_second_window(ctx):
    """A second window (gedit --new-window) with a copy of the large article."""
    path = os.path.join(os.path.dirname(ctx.args.document), OTHER_NAME)
    text = ctx.tabs[1].text
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(text)
    result = subprocess.run(["gedit", "--new-window", path], capture_output=True, text=True,
                            timeout=30)
    ensure(result.returncode == 0, f"gedit --new-window: status {result.returncode} "
           f"{result.stderr.strip()!r}")
    frame = wait_for(lambda: next((f for f in frames(ctx.app) if f.name.startswith(OTHER_NAME)),
                                  None), 20, f"a second window showing {OTHER_NAME}")
    view = wait_for(lambda: (lambda v: v if v and v.queryText().characterCount == len(text)
                             else None)(find_one(frame, is_text_view)), 30,
                    f"{OTHER_NAME} loaded in the second window")
    ensure(document_text(view) == text, f"the second window does not hold {OTHER_NAME}")
    ctx.plugin.find_switcher(frame)
    ensure(ctx.plugin.shown(), f"no page {ctx.plugin.page!r} in the second window: "
           f"{ctx.plugin.pages(frame)}")
    ctx.other = Tab(0, OTHER_NAME, view, text, False, frame)
    note(f"windows: {[f.name for f in frames(ctx.app)]}")
    if plugin_mode(ctx):
        wait_for(lambda: background_at(view, ctx.large_last), 60,
                 f"the last quote of {OTHER_NAME} highlighted in the second window")
        note(f"{OTHER_NAME} is highlighted to its last quote")


def wait_switched(ctx, on):
    state = "on" if on else "off"
    wait_for(lambda: ctx.plugin.shown() is on, 10,
             f"the page {ctx.plugin.page!r} to {'appear' if on else 'go'} in every window "
             f"(plugin {state})", interval=0.02)


def wait_moment(ctx, moment, before):
    """Wait for the moment of the plugin's work at which to switch it off."""
    large = ctx.tabs[1].view
    if moment == 0 or not plugin_mode(ctx):
        return
    if moment == 1:
        # Worker threads (GLib's pool, where analyses run) used CPU since the
        # switch on; or the analysis is over already.
        wait_for(lambda: ticks_since(before, worker_ticks(ctx.pid)) > 0
                 or background_at(large, ctx.large_first), 30,
                 "gedit's worker threads to work", interval=0.01)
        return
    wait_for(lambda: background_at(large, ctx.large_first), 60,
             f"the first quote of {LARGE_NAME} highlighted", interval=0.02)
    if moment == 3:
        wait_for(lambda: background_at(large, ctx.large_last), 60,
                 f"the last quote of {LARGE_NAME} highlighted", interval=0.05)
        ctx.plugin.show_page(ctx.frame)
        tree = wait_for(lambda: find_tree(ctx.frame, TREE_NAME), 10,
                        f"the tree {TREE_NAME!r} shown")
        wait_for(lambda: first_row(tree).startswith("Speakers"), 10,
                 "the panel's first row 'Speakers'")


def first_row(tree):
    table = tree.queryTable()
    if table.nRows == 0:
        return ""
    cell = table.getAccessibleAt(0, 0)
    return cell.name if cell is not None else ""


def check_switches(ctx):
    ctx.pid = ctx.app.get_process_id()
    large = ctx.tabs[1]
    ctx.plugin.switch(False)
    wait_switched(ctx, False)
    for tab in all_tabs(ctx):
        wait_for(lambda: untagged(tab), 5, f"no tag attributes left in {tab.title}")
    started = time.monotonic()
    early = 0  # switched off before the large document was highlighted
    per_moment = [0.0] * len(MOMENTS)
    for number in range(SWITCHES):
        moment = number % len(MOMENTS)
        began = time.monotonic()
        before = worker_ticks(ctx.pid)
        ctx.plugin.switch(True)
        wait_switched(ctx, True)
        wait_moment(ctx, moment, before)
        if plugin_mode(ctx) and not background_at(large.view, ctx.large_first):
            early += 1
        ctx.plugin.switch(False)
        wait_switched(ctx, False)
        for tab in all_tabs(ctx):
            ensure(untagged(tab), f"switch {number + 1} ({MOMENTS[moment]}): {tab.title} "
                   f"keeps tag attributes: {attribute_runs(tab.view)[:3]}")
        ensure(not os.path.exists(ctx.args.gedit_status), f"gedit ended at switch {number + 1}")
        per_moment[moment] += time.monotonic() - began
    note(f"{SWITCHES} times on and off in {time.monotonic() - started:.1f} s")
    for moment, seconds in enumerate(per_moment):
        note(f"  off {MOMENTS[moment]}: {seconds:.1f} s in all")
    if plugin_mode(ctx):
        note(f"{early} switched off before {LARGE_NAME} was highlighted")
        # The point of the early moments: some switches must land while the
        # large document waits for or undergoes its analysis.
        ensure(early >= SWITCHES // len(MOMENTS) // 2,
               f"only {early} switches happened before the analysis was over")
    note("after each switch off, no text of any tab carried a tag's attributes")


def check_documents_unchanged(ctx):
    for tab in all_tabs(ctx):
        text = document_text(tab.view)
        ensure(text == tab.text, f"{tab.title}: the text changed "
               f"({len(text)} characters, expected {len(tab.text)})")
        ensure(tab_modified(ctx, tab) == tab.modified,
               f"{tab.title}: modified flag changed: {tab_names(ctx.frame)}")
    note(f"texts as before; tabs {tab_names(ctx.frame)}"
         + (f", second window {ctx.other.frame.name!r}" if ctx.other else ""))


def check_close_window_while_busy(ctx):
    """Switched on, the second window closes at once, while the plugin
    analyses its document: gedit and the first window go on."""
    ctx.plugin.switch(True)
    wait_switched(ctx, True)
    frame = ctx.other.frame
    del ctx.plugin.switchers[frame]
    ctx.other = None
    click(button(frame, "Close"))
    wait_for(lambda: len(frames(ctx.app)) == 1, 10, "the second window to close")
    ensure(not os.path.exists(ctx.args.gedit_status), "gedit exited")
    note(f"closed the second window; windows {[f.name for f in frames(ctx.app)]}")
    ensure_clean_stderr(ctx)


def check_history(ctx):
    """Undo and redo on the article: its own steps, in order, no more."""
    saved, after_first, after_second = ctx.history
    article = ctx.tabs[0]
    select_tab(ctx, 0, article.title)
    ctx.view = article.view
    focus_view(ctx)

    def step(keys, expected, modified, what):
        ctx.keyboard.press(*keys)
        wait_for(lambda: document_text(ctx.view) == expected
                 and is_modified_title(ctx.frame.name) == modified, 5, what)
        note(f"{'+'.join(keys)}: {what}; title {ctx.frame.name!r}")

    undo, redo = ("Control_L", "z"), ("Control_L", "Shift_L", "z")
    step(redo, after_second, True, "the second word back")
    step(undo, after_first, True, "the second word undone")
    step(undo, saved, False, "the first word undone, the saved text, not modified")
    # Nothing left to undo: a step the plugin had added would show here.
    ctx.keyboard.press(*undo)
    time.sleep(0.5)
    ensure(document_text(ctx.view) == saved and not is_modified_title(ctx.frame.name),
           f"one more Ctrl+Z changed something: title {ctx.frame.name!r}")
    note("one more Ctrl+Z: nothing to undo")
    step(redo, after_first, True, "the first word redone")
    step(redo, after_second, True, "the second word redone")
    ctx.keyboard.press(*redo)
    time.sleep(0.5)
    ensure(document_text(ctx.view) == after_second, "one more Ctrl+Shift+Z changed the text")
    note("one more Ctrl+Shift+Z: nothing to redo")
    article.text = after_second


def check_still_works(ctx):
    """On: the article's speakers and highlights."""
    ctx.plugin.switch(True)
    wait_switched(ctx, True)
    ctx.plugin.show_page(ctx.frame)
    tree = wait_for(lambda: find_tree(ctx.frame, TREE_NAME), 10,
                    f"the tree {TREE_NAME!r} shown")
    wait_for(lambda: first_row(tree).startswith("Speakers"), 10, "the panel's first row 'Speakers'")
    start, end = quote_span(ctx.tabs[0].text, "We need to continue working")
    wait_for(lambda: background_at(ctx.view, start + 1), 10, "the article's quote highlighted")
    note(f"panel's first row {first_row(tree)!r}; quote at {start} highlighted")
    for tab in ctx.tabs:
        ensure(document_text(tab.view) == tab.text, f"tab {tab.index}: the text changed")
        ensure(tab_modified(ctx, tab) == tab.modified, f"tab {tab.index}: modified flag changed")
    note(f"texts and modified flags as they were: {tab_names(ctx.frame)}")


def check_harness_still_works(ctx):
    ctx.plugin.switch(True)
    wait_switched(ctx, True)
    ctx.plugin.show_page(ctx.frame)
    wait_for(lambda: find_one(ctx.frame, is_tree), 10, "the file browser's tree")
    note("the file browser's tree is shown")


def check_close(ctx):
    """The tabs one at a time, as a person would, then the window. (gedit
    itself logs a CRITICAL when the first of the three goes: GEDIT_NOISE.)"""
    for tab in reversed(ctx.tabs[1:]):
        select_tab(ctx, tab.index, tab.title)
        ctx.view = tab.view
        focus_view(ctx)
        ctx.keyboard.press("Control_L", "w")
        if tab.modified:
            click(answer_save_dialog(ctx))
        wait_for(lambda: not ctx.frame.name.lstrip("*").startswith(tab.title), 10,
                 f"tab {tab.index} ({tab.title}) to close")
        note(f"closed {tab.title}: window {ctx.frame.name!r}")
    close_window(ctx, ctx.tabs[0].modified)


def main():
    args = parse_args(__doc__)
    ctx = Context(args)
    ctx.keyboard = ctx.plugin = ctx.tabs = ctx.other = None
    suite = Suite(ctx)
    started = time.monotonic()
    plugin = args.mode == "plugin"
    print(f"# gedit end-to-end checks, switching the plugin {SWITCHES} times, mode {args.mode}",
          flush=True)
    suite.run("gedit shows its window with the example article", check_window)
    base = ("app", "frame", "view")
    suite.run("three tabs: the article edited (undo history), a large article, an unsaved text",
              check_documents, base)
    needs = base + ("keyboard", "plugin", "tabs")
    suite.run("a second window (gedit --new-window) with a copy of the large article",
              check_second_window, needs)
    suite.run(f"the {'Quotes' if plugin else 'file browser'} plugin switched on and off "
              f"{SWITCHES} times; no tag attributes left after each switch off",
              check_switches, needs)
    suite.run("every tab's text and modified flag as before", check_documents_unchanged, needs)
    suite.run("undo and redo on the article: its two steps, no more, unmodified at the saved text",
              check_history, needs)
    suite.run("switched on, the second window closes at once"
              + (" while its document is being analysed" if plugin else "") + "; gedit goes on",
              check_close_window_while_busy, needs)
    if plugin:
        suite.run("the plugin lists the article's speakers and highlights its quotes",
                  check_still_works, needs)
    else:
        suite.run("the file browser shows its tree", check_harness_still_works,
                  needs)
    suite.run("closing the tabs one by one (Ctrl+W), then the window",
              check_close, needs)
    suite.run_exit_checks(plugin)
    return suite.finish(started)


if __name__ == "__main__":
    sys.exit(main())
