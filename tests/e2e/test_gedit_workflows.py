#!/usr/bin/python3
"""End-to-end checks of the Quotes plugin in the real gedit 44, second
session: what a person does with it over a while, driven through AT-SPI and
the keyboard (XTest through the AT-SPI registry).

  - keyboard navigation: Ctrl+Alt+] / Ctrl+Alt+[ and Ctrl+Alt+A;
  - preferences changed with gsettings from outside, applied live;
  - undo and redo after the highlighting;
  - reloading the file after it changed on disk (gedit's info bar);
  - several tabs: the panel follows the active tab; closing a tab while its
    analysis runs;
  - a second window (gedit --new-window, through D-Bus) with its own page;
  - a clean exit with nothing CRITICAL or WARNING on gedit's stderr.

Run by tests/e2e/inner (see tests/e2e/run-e2e), not by hand, with the same
arguments as test_gedit.py; the helpers they share are in gedit_e2e.py. In
harness mode (gedit without the plugin) the same gedit-driving steps run
without the panel and highlight checks: that run says what gedit itself does
(for instance the modified flag after an undo), which the plugin run must
match.

Output is TAP-like, as test_gedit.py's.
"""

import os
import subprocess
import sys
import time

from gedit_e2e import (
    ATTRIBUTION, NEXT, PAGE_TITLE, PREVIOUS, TREE_NAME, Context, Keyboard, Suite, activate_row,
    answer_save_dialog, background_at, button, check_window,
    click, close_window, document_text, double_click_row, ensure, ensure_clean_stderr,
    ensure_selection, find_all, find_one, find_tree, focus_view, frames, group_of, gsettings_set,
    has_speaker, has_state, highlighted_runs, is_modified_title, note, page_titles, panel_rows,
    parse_args, plugin_mode, pyatspi, quote_rows, quote_span, select_tab, selected_row_texts,
    selection, set_caret, span_of, speaker_names, tab_names, tag_attributes, ticks_since, wait_for,
    wait_panel, wait_view, worker_ticks)

SETTINGS_SCHEMA = "org.gnome.gedit.plugins.quotes"

# Appended to the article on disk, then reloaded.
RELOAD_SENTENCE = "\n\u201cThe port will reopen on Monday,\u201d Mayor Ines Okafor said."
RELOAD_SPEAKER, RELOAD_QUOTE = "Ines Okafor", "The port will reopen on Monday"
# Typed into a new tab.
TAB_TEXT = "\u201cThe tunnel will open next year,\u201d Mayor Tomas Berg said."
TAB_SPEAKER, TAB_QUOTE = "Tomas Berg", "The tunnel will open next year"
# The document of the second window.
OTHER_NAME = "other-article.txt"
OTHER_TEXT = "\u201cPrices will fall by the autumn,\u201d said Ana Lima, the central bank governor."
OTHER_SPEAKER, OTHER_QUOTE = "Ana Lima", "Prices will fall by the autumn"
ARTICLE_SPEAKER = "Volodymyr Zelenskiy"
# Typed with the keyboard inside the "coalition of the willing" quote, then undone.
TYPED_WORD = "brave"
# Copies of the article typed into the second tab just before it is closed:
# about 500 KB, whose analysis starts before the tab closes.
LONG_COPIES = 200


# --- the checks --------------------------------------------------------------

def check_setup(ctx):
    """The window, the keyboard, and (with the plugin) a ready panel."""
    ctx.keyboard = Keyboard()
    if plugin_mode(ctx):
        all_rows = wait_panel(ctx.frame, lambda rs: has_speaker(rs, ARTICLE_SPEAKER,
                                                                 "A ceasefire could"),
                              f"{ARTICLE_SPEAKER} and his quotes in the panel", 20)
        note(f"speakers: {speaker_names(all_rows)}")
    focus_view(ctx)
    note(f"window {ctx.frame.name!r} active, text view focused")


def check_navigation(ctx):
    text = document_text(ctx.view)
    reported = span_of(text, "Kyiv\u2019s Western allies", "with U.S. backing")
    coalition = quote_span(text, "coalition of the willing")
    focus_view(ctx)
    set_caret(ctx, 0)
    steps = ((NEXT, reported, "(reported) Kyiv\u2019s Western allies"),
             (NEXT, coalition, "\u201ccoalition of the willing\u201d"),
             (PREVIOUS, reported, "(reported) Kyiv\u2019s Western allies"))
    for keys, span, row_text in steps:
        ctx.keyboard.press(*keys)
        sel = ensure_selection(ctx, span, repr(row_text[:40]))
        note(f"selected {document_text(ctx.view)[sel[0]:sel[1]][:60]!r}")
        wait_for(lambda: any(t.startswith(row_text) for t in selected_row_texts(ctx.frame)), 5,
                 f"the panel row {row_text!r} to be selected")
        note(f"selected row: {selected_row_texts(ctx.frame)[0][:60]!r}")
    # On to the partial quote again, then its attribution.
    ctx.keyboard.press(*NEXT)
    ensure_selection(ctx, coalition, "the quote \u201ccoalition of the willing\u201d")
    ctx.keyboard.press(*ATTRIBUTION)
    sel = wait_for(lambda: (lambda s: s if s and s[1] <= coalition[0] else None)(selection(ctx.view)),
                   5, "a selection before the quote (its attribution)")
    selected = text[sel[0]:sel[1]]
    note(f"Ctrl+Alt+A selected {sel} {selected!r}")
    ensure("Starmer" in selected, f"the attribution {selected!r} does not name Starmer")


def check_attribution(ctx, how, timeout=5):
    text = document_text(ctx.view)
    start, end = quote_span(text, "A ceasefire could have already happened")
    who = text.index("Zelenskiy said", end)
    all_rows = wait_panel(ctx.frame, lambda rs: any("A ceasefire" in r.text for r in quote_rows(rs)),
                          "the quote row \u201cA ceasefire\u2026")
    row = next(r for r in quote_rows(all_rows) if "\u201cA ceasefire" in r.text)
    focus_view(ctx)
    set_caret(ctx, 0)
    # Another quote's row selected first, as after moving around with Ctrl+Alt+].
    ctx.keyboard.press(*NEXT)
    wait_for(lambda: selected_row_texts(ctx.frame) and selection(ctx.view), 5,
             "a quote and its row selected")
    note(f"selected row before: {selected_row_texts(ctx.frame)[0][:50]!r}")
    if how == "double click":
        double_click_row(row, find_tree(ctx.frame, TREE_NAME))
    else:
        activate_row(row)
    note(f"{how} on {row.text[:50]!r}")
    ensure_selection(ctx, (start, end), "the quote \u201cA ceasefire\u2026")
    note(f"selected rows: {[t[:40] for t in selected_row_texts(ctx.frame)]}")
    focus_view(ctx)
    ctx.keyboard.press(*ATTRIBUTION)

    def attribution():
        sel = selection(ctx.view)
        return sel if sel and sel[0] <= who and sel[1] >= who + len("Zelenskiy said") else None
    try:
        sel = wait_for(attribution, timeout,
                       f"a selection covering 'Zelenskiy said' ({who}-{who + 14})")
    finally:
        sel_now = selection(ctx.view)
        note(f"after Ctrl+Alt+A: selection {sel_now} "
             f"{text[sel_now[0]:sel_now[1]][:60]!r}" if sel_now else
             "after Ctrl+Alt+A: nothing selected")
    ensure(sel[1] - sel[0] < 40, f"the attribution selection {sel} is longer than who said it")


def check_preferences(ctx):
    text = document_text(ctx.view)
    quotes = {words: quote_span(text, words) for words in (
        "coalition of the willing", "We need to continue working", "A ceasefire could")}
    reported = {words: text.index(words) + 2 for words in (
        "Russia would continue fighting", "Kyiv\u2019s Western allies")}

    def quotes_highlighted():
        return all(background_at(ctx.view, s + 1) and background_at(ctx.view, e - 2)
                   for s, e in quotes.values())

    def reported_highlighted(expected):
        return all(bool(background_at(ctx.view, o)) == expected for o in reported.values())

    def reported_rows(all_rows):
        return [r.text for r in all_rows if r.text.startswith("(reported)")]

    ensure(quotes_highlighted() and reported_highlighted(True),
           "quotes and reported speech are not all highlighted to begin with")
    all_rows = panel_rows(ctx.frame)
    ensure(reported_rows(all_rows), "no '(reported) \u2026' rows to begin with")
    note(f"before: {len(reported_rows(all_rows))} '(reported)' rows, "
         f"{len(highlighted_runs(ctx.view))} highlighted runs")
    try:
        gsettings_set(SETTINGS_SCHEMA, "show-reported-speech", "false")
        all_rows = wait_panel(ctx.frame, lambda rs: not reported_rows(rs) and group_of(rs, "Speakers"),
                              "the '(reported) \u2026' rows to go")
        note(f"speakers: {speaker_names(all_rows)}")
        ensure(has_speaker(all_rows, ARTICLE_SPEAKER, "A ceasefire could"),
               f"{ARTICLE_SPEAKER} or his quotes went with the reported speech")
        ensure(not has_speaker(all_rows, "Vladimir Putin"),
               "Vladimir Putin, quoted only in reported speech, is still listed")
        wait_for(lambda: reported_highlighted(False), 10,
                 f"no background on the reported speech ({reported})")
        note(f"no bg-color on reported speech at {sorted(reported.values())}")
        ensure(quotes_highlighted(), "quotes in marks lost their background")
        note("quotes in marks keep theirs")
        # Navigation follows what is shown: the reported clause is skipped.
        focus_view(ctx)
        set_caret(ctx, 0)
        ctx.keyboard.press(*NEXT)
        ensure_selection(ctx, quotes["coalition of the willing"],
                         "the first quote in marks (reported speech hidden)")

        gsettings_set(SETTINGS_SCHEMA, "highlight-quotes", "false")
        wait_for(lambda: not highlighted_runs(ctx.view), 10, "no highlighted run left")
        note("no run of the document carries a background or underline")
        all_rows = panel_rows(ctx.frame)
        ensure(has_speaker(all_rows, ARTICLE_SPEAKER, "A ceasefire could"),
               "the panel lost its entries with the highlights")
        note("the panel still lists the quotes")

        gsettings_set(SETTINGS_SCHEMA, "highlight-quotes", "true")
        wait_for(quotes_highlighted, 10, "the quotes' background back")
        ensure(reported_highlighted(False), "reported speech highlighted while hidden")
        note("quotes highlighted again, reported speech still not")
    finally:
        subprocess.run(["gsettings", "set", SETTINGS_SCHEMA, "highlight-quotes", "true"], timeout=10)
        gsettings_set(SETTINGS_SCHEMA, "show-reported-speech", "true")
    all_rows = wait_panel(ctx.frame, lambda rs: reported_rows(rs) and has_speaker(rs, "Vladimir Putin"),
                          "the '(reported) \u2026' rows and Putin back")
    note(f"{len(reported_rows(all_rows))} '(reported)' rows back; speakers {speaker_names(all_rows)}")
    wait_for(lambda: reported_highlighted(True) and quotes_highlighted(), 10,
             "the background back on quotes and reported speech")
    note(f"all highlighted again: {len(highlighted_runs(ctx.view))} runs")


def check_undo_redo(ctx):
    original = document_text(ctx.view)
    ensure(not is_modified_title(ctx.frame.name), f"modified to begin with: {ctx.frame.name!r}")
    quote = quote_span(original, "coalition of the willing")
    at = original.index("willing", quote[0])
    typed = original[:at] + TYPED_WORD + original[at:]
    focus_view(ctx)
    set_caret(ctx, at)
    ctx.keyboard.type(TYPED_WORD)
    wait_for(lambda: document_text(ctx.view) == typed, 5, f"{TYPED_WORD!r} in the text")
    wait_for(lambda: is_modified_title(ctx.frame.name), 5, "the title to say modified")
    note(f"typed: {typed[at - 20:at + 20]!r}; title {ctx.frame.name!r}")
    if plugin_mode(ctx):
        grown = (quote[0], quote[1] + len(TYPED_WORD))
        wait_for(lambda: tag_attributes(ctx.view, quote[0] + 1)[1:] == grown, 10,
                 f"the quote's highlight to cover the typed word ({grown})")
        note(f"the quote's highlight covers {grown}")

    ctx.keyboard.press("Control_L", "z")
    wait_for(lambda: document_text(ctx.view) == original, 5, "the text back after Ctrl+Z")
    try:
        wait_for(lambda: not is_modified_title(ctx.frame.name), 5,
                 "the title to say unmodified after the undo")
    finally:
        note(f"after Ctrl+Z: text as before; title {ctx.frame.name!r}")
    if plugin_mode(ctx):
        wait_for(lambda: tag_attributes(ctx.view, quote[0] + 1)[1:] == quote, 10,
                 f"the quote's highlight back to {quote}")
        note(f"the quote's highlight back to {quote}")

    ctx.keyboard.press("Control_L", "Shift_L", "z")
    wait_for(lambda: document_text(ctx.view) == typed, 5, "the word back after Ctrl+Shift+Z")
    wait_for(lambda: is_modified_title(ctx.frame.name), 5, "the title to say modified again")
    note(f"after Ctrl+Shift+Z: {TYPED_WORD!r} back; title {ctx.frame.name!r}")

    ctx.keyboard.press("Control_L", "z")
    wait_for(lambda: document_text(ctx.view) == original and not is_modified_title(ctx.frame.name),
             5, "the text back and unmodified after a second Ctrl+Z")
    note(f"undone again: title {ctx.frame.name!r}")


def check_reload(ctx):
    path = ctx.args.document
    on_disk = open(path, encoding="utf-8").read()
    ensure(document_text(ctx.view) == on_disk, "the document differs from the file to begin with")
    ensure(not is_modified_title(ctx.frame.name), f"modified to begin with: {ctx.frame.name!r}")
    changed = on_disk + RELOAD_SENTENCE
    loaded_mtime = os.stat(path).st_mtime
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(changed)
    # gedit goes by the modification time, and was seen to miss a change
    # made within the second of the load (whole seconds compared): move it on.
    mtime = max(time.time(), int(loaded_mtime) + 2)
    os.utime(path, (mtime, mtime))
    note(f"appended to {os.path.basename(path)} on disk: {RELOAD_SENTENCE.strip()!r} "
         f"(modified {mtime - loaded_mtime:.1f} s after the loaded version)")

    # gedit looks at the file on disk when its view gets the focus.
    def reload_button():
        found = button(ctx.frame, "Reload")
        if found:
            return found
        other = find_one(ctx.frame, lambda a: has_state(a, pyatspi.STATE_FOCUSABLE)
                         and a.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_TREE_TABLE,
                                             pyatspi.ROLE_TABLE, pyatspi.ROLE_ENTRY)
                         and not has_state(a, pyatspi.STATE_MULTI_LINE))
        if other:
            other.queryComponent().grabFocus()
            time.sleep(0.2)
        view = find_one(ctx.frame, lambda a: a.getRole() == pyatspi.ROLE_TEXT
                        and has_state(a, pyatspi.STATE_MULTI_LINE))
        if view:
            view.queryComponent().grabFocus()
        return None
    found = wait_for(reload_button, 10, "gedit's 'Reload' info bar", interval=0.5)
    bar = find_one(ctx.frame, lambda a: a.getRole() == pyatspi.ROLE_INFO_BAR)
    if bar:
        labels = [a.name for a in find_all(bar, lambda a: a.getRole() == pyatspi.ROLE_LABEL)]
        note(f"info bar: {' / '.join(labels)!r}")
    click(found)
    wait_view(ctx, lambda text: text == changed, "the reloaded text in the view")
    note("the view holds the file as changed on disk")
    wait_for(lambda: button(ctx.frame, "Reload") is None, 5, "the info bar to go")
    wait_for(lambda: not is_modified_title(ctx.frame.name), 5, "the title to say unmodified")
    names = tab_names(ctx.frame)
    ensure(not any(is_modified_title(n) for n in names), f"a tab says modified: {names}")
    note(f"not modified: title {ctx.frame.name!r}, tabs {names}")
    ctx.expected_text = changed
    if plugin_mode(ctx):
        all_rows = wait_panel(ctx.frame, lambda rs: has_speaker(rs, RELOAD_SPEAKER, RELOAD_QUOTE)
                              and has_speaker(rs, ARTICLE_SPEAKER),
                              f"the new speaker {RELOAD_SPEAKER!r} in the panel")
        note(f"speakers: {speaker_names(all_rows)}")
        offset = changed.index(RELOAD_QUOTE)
        wait_for(lambda: background_at(ctx.view, offset), 5, f"the new quote highlighted ({offset})")
        note(f"the new quote is highlighted at {offset}")
        ensure(not is_modified_title(ctx.frame.name), "highlighting marked the reloaded document modified")


def check_tabs(ctx):
    focus_view(ctx)
    ctx.keyboard.press("Control_L", "t")
    wait_for(lambda: len(tab_names(ctx.frame)) == 2, 5, "a second tab")
    wait_for(lambda: ctx.frame.name.startswith("Untitled Document"), 5, "the new tab to be active")
    wait_view(ctx, lambda text: text == "", "the new tab's empty view")
    note(f"tabs {tab_names(ctx.frame)}; window {ctx.frame.name!r}")
    ensure(ctx.view.queryEditableText().insertText(0, TAB_TEXT, len(TAB_TEXT.encode("utf-8"))),
           "insertText returned false")
    wait_for(lambda: document_text(ctx.view) == TAB_TEXT, 5, "the typed text in the new tab")
    note(f"typed into the new tab: {TAB_TEXT!r}")

    def new_tab_only(all_rows):
        return (has_speaker(all_rows, TAB_SPEAKER, TAB_QUOTE)
                and not has_speaker(all_rows, ARTICLE_SPEAKER)
                and not has_speaker(all_rows, RELOAD_SPEAKER))

    def article_only(all_rows):
        return has_speaker(all_rows, ARTICLE_SPEAKER) and not has_speaker(all_rows, TAB_SPEAKER)
    if plugin_mode(ctx):
        all_rows = wait_panel(ctx.frame, new_tab_only,
                              f"the panel to list {TAB_SPEAKER!r} and not {ARTICLE_SPEAKER!r}")
        note(f"panel for the new tab: speakers {speaker_names(all_rows)}")
    select_tab(ctx, 0, os.path.basename(ctx.args.document))
    wait_view(ctx, lambda text: text == ctx.expected_text, "the article's view")
    if plugin_mode(ctx):
        all_rows = wait_panel(ctx.frame, article_only,
                              f"the panel to list {ARTICLE_SPEAKER!r} again, not {TAB_SPEAKER!r}")
        note(f"panel for the article: speakers {speaker_names(all_rows)}")
    select_tab(ctx, 1, "Untitled Document")
    wait_view(ctx, lambda text: text == TAB_TEXT, "the new tab's view")
    if plugin_mode(ctx):
        all_rows = wait_panel(ctx.frame, new_tab_only, f"the panel to list {TAB_SPEAKER!r} again")
        note(f"back on the new tab: speakers {speaker_names(all_rows)}")



def check_close_tab_while_busy(ctx):
    ensure(ctx.frame.name.lstrip("*").startswith("Untitled Document"),
           f"the new tab is not the active one: {ctx.frame.name!r}")
    pid = ctx.app.get_process_id()
    ensure(pid > 0 and os.path.isdir(f"/proc/{pid}/task"), f"no gedit process {pid}")
    hz = os.sysconf("SC_CLK_TCK")
    article = open(ctx.args.original, encoding="utf-8").read()
    long_text = "\n" + "\n".join([article] * LONG_COPIES)
    focus_view(ctx)
    end = ctx.view.queryText().characterCount
    baseline = worker_ticks(pid)
    started = time.monotonic()
    ensure(ctx.view.queryEditableText().insertText(end, long_text, len(long_text.encode("utf-8"))),
           "insertText returned false")
    ctx.keyboard.press("Control_L", "w")
    note(f"inserted {LONG_COPIES} copies of the article ({len(long_text)} characters) "
         f"and pressed Ctrl+W {time.monotonic() - started:.2f} s later")
    answer = answer_save_dialog(ctx)
    if plugin_mode(ctx):
        # The analysis starts 0.2 s after the last change, in a worker thread:
        # answer once that thread is seen working.
        wait_for(lambda: ticks_since(baseline, worker_ticks(pid)) > 0, 10,
                 "gedit's worker thread to start the analysis", interval=0.02)
        note(f"the analysis thread runs {time.monotonic() - started:.2f} s after the insertion")
    click(answer)
    wait_for(lambda: len(tab_names(ctx.frame)) == 1, 10, "the tab to close")
    at_close = worker_ticks(pid)
    note(f"tab closed {time.monotonic() - started:.2f} s after the insertion; "
         f"tabs {tab_names(ctx.frame)}")
    if plugin_mode(ctx):
        # How long gedit's worker threads go on once the tab is gone is shown,
        # not judged: GTK's own threads share the count, which makes any bound
        # a matter of luck. test-analyzer checks that a cancelled analysis stops.
        deadline = time.monotonic() + 5
        ticks = worker_ticks(pid)
        while time.monotonic() < deadline:
            time.sleep(0.5)
            now = worker_ticks(pid)
            if now == ticks:
                break
            ticks = now
        note(f"worker threads used {ticks_since(at_close, ticks) / hz:.2f} s of CPU after the tab closed")
    ensure(not os.path.exists(ctx.args.gedit_status), "gedit exited")
    wait_view(ctx, lambda text: text == ctx.expected_text, "the article's view again")
    note(f"gedit answers: window {ctx.frame.name!r}")
    if plugin_mode(ctx):
        all_rows = wait_panel(ctx.frame, lambda rs: has_speaker(rs, ARTICLE_SPEAKER)
                              and has_speaker(rs, RELOAD_SPEAKER)
                              and not has_speaker(rs, TAB_SPEAKER),
                              f"the panel to show the article ({ARTICLE_SPEAKER}) again")
        note(f"panel: speakers {speaker_names(all_rows)}")
    ensure_clean_stderr(ctx)
    note("gedit's stderr checked so far")


def check_two_windows(ctx):
    folder = os.path.dirname(ctx.args.document)
    other = os.path.join(folder, OTHER_NAME)
    with open(other, "w", encoding="utf-8") as stream:
        stream.write(OTHER_TEXT)
    first = ctx.frame
    result = subprocess.run(["gedit", "--new-window", other], capture_output=True, text=True,
                            timeout=30)
    note(f"gedit --new-window {OTHER_NAME}: status {result.returncode}"
         + (f", stderr {result.stderr.strip()!r}" if result.stderr.strip() else ""))
    ensure(result.returncode == 0, "gedit --new-window failed")
    second = wait_for(lambda: next((f for f in frames(ctx.app) if f.name.startswith(OTHER_NAME)), None),
                      10, f"a second window showing {OTHER_NAME}")
    note(f"windows: {[f.name for f in frames(ctx.app)]}")
    ensure(len(frames(ctx.app)) == 2, "not two windows")
    view = wait_for(lambda: (lambda v: v if v and document_text(v) == OTHER_TEXT else None)(
        find_one(second, lambda a: a.getRole() == pyatspi.ROLE_TEXT
                 and has_state(a, pyatspi.STATE_MULTI_LINE))), 10,
        f"the second window's view to hold {OTHER_NAME}")
    note(f"second window's text: {document_text(view)!r}")
    if plugin_mode(ctx):
        titles = page_titles(second)
        ensure(PAGE_TITLE in titles, f"no page {PAGE_TITLE!r} in the second window: {titles}")
        all_rows = wait_panel(second, lambda rs: has_speaker(rs, OTHER_SPEAKER, OTHER_QUOTE)
                              and not has_speaker(rs, ARTICLE_SPEAKER),
                              f"the second window's panel to list {OTHER_SPEAKER!r} only")
        note(f"second window's panel: speakers {speaker_names(all_rows)}")
        offset = OTHER_TEXT.index(OTHER_QUOTE)
        wait_for(lambda: background_at(view, offset), 5, "the quote highlighted in the second window")
        note("its quote is highlighted")
        all_rows = wait_panel(first, lambda rs: has_speaker(rs, ARTICLE_SPEAKER)
                              and not has_speaker(rs, OTHER_SPEAKER),
                              "the first window's panel to keep the article")
        note(f"first window's panel: speakers {speaker_names(all_rows)}")

    click(button(second, "Close"))
    wait_for(lambda: len(frames(ctx.app)) == 1, 10, "the second window to close")
    ctx.frame = frames(ctx.app)[0]
    ensure(ctx.frame.name.startswith(os.path.basename(ctx.args.document)),
           f"the window left is {ctx.frame.name!r}")
    wait_view(ctx, lambda text: text == ctx.expected_text, "the article in the first window")
    note(f"one window left: {ctx.frame.name!r}")
    if plugin_mode(ctx):
        all_rows = wait_panel(ctx.frame, lambda rs: has_speaker(rs, ARTICLE_SPEAKER, "A ceasefire could"),
                              f"the panel to list {ARTICLE_SPEAKER!r}")
        note(f"panel: speakers {speaker_names(all_rows)}")
        # Still working: the navigation shortcut and the live analysis.
        text = document_text(ctx.view)
        focus_view(ctx)
        set_caret(ctx, 0)
        ctx.keyboard.press(*NEXT)
        ensure_selection(ctx, span_of(text, "Kyiv\u2019s Western allies", "with U.S. backing"),
                         "the first quote (Ctrl+Alt+] in the first window)")



def check_close(ctx):
    close_window(ctx, is_modified_title(ctx.frame.name))



def main():
    args = parse_args(__doc__)

    ctx = Context(args)
    ctx.keyboard = None
    suite = Suite(ctx)
    started = time.monotonic()
    plugin = args.mode == "plugin"
    print(f"# gedit end-to-end checks, second session (workflows), mode {args.mode}", flush=True)
    suite.run("gedit shows its window with the example article", check_window)
    base = ("app", "frame", "view")
    suite.run("the keyboard works" + (" and the panel is ready" if plugin else ""),
              check_setup, base)
    needs = base + ("keyboard",)
    if plugin:
        suite.run("Ctrl+Alt+] / Ctrl+Alt+[ select quotes in text order and their rows; "
                  "Ctrl+Alt+A selects the attribution", check_navigation, needs)
        suite.run("double click on \u201cA ceasefire\u2026, then Ctrl+Alt+A selects "
                  "'Zelenskiy said'", lambda c: check_attribution(c, "double click"), needs)
        suite.run("'activate' on \u201cA ceasefire\u2026, then Ctrl+Alt+A selects "
                  "'Zelenskiy said'", lambda c: check_attribution(c, "action", timeout=2), needs)
        suite.run("show-reported-speech and highlight-quotes set with gsettings apply at once",
                  check_preferences, needs)
    suite.run("typing a word, Ctrl+Z, Ctrl+Shift+Z: text and modified flag as gedit's own",
              check_undo_redo, needs)
    suite.run("the file changes on disk: 'Reload' in gedit's info bar"
              + (" shows the new speaker" if plugin else ""), check_reload, needs)
    suite.run("Ctrl+T opens a tab" + (": the panel follows the active tab" if plugin else
                                      "; switching tabs"), check_tabs, needs)
    suite.run("closing a tab (Ctrl+W) with a long unsaved text"
              + (" while it is being analysed" if plugin else ""),
              check_close_tab_while_busy, needs)
    suite.run("gedit --new-window: a second window" + (" with its own Quotes page" if plugin else "")
              + "; closing it leaves the first working", check_two_windows, needs)
    suite.run("closing the window", check_close, ("app", "frame"))
    suite.run_exit_checks(plugin)
    return suite.finish(started)


if __name__ == "__main__":
    sys.exit(main())
