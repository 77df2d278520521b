# SPDX-License-Identifier: GPL-2.0-or-later
"""A probe inside gedit for tests/bench/editor (never installed).

Writes one line per event to the file named by $BENCH_PROBE_LOG, each with
the CLOCK_MONOTONIC time in microseconds (the clock of Python's
time.monotonic() in the driver, so both sides compare):

  ready T CHARS        the document is loaded, the view focused, the cursor
                       at the end; CHARS is its length
  gap T MS             the main loop ran nothing of ours for MS ms more than
                       the probe's period: one dispatch (of anything) took
                       that long. Only gaps over GAP_LOG_MS are written.
  tick T N             every second: N probe runs so far (the probe is alive)
  changed T CHARS      the buffer changed; CHARS its new length
  paint T              the first frame painted after a change
  panel T TEXT         a row of the Quotes panel holding MARKER appeared or
                       changed (TEXT is the row's text)
  panelstate T TEXT    the panel's visible labels (status, info bars), when
                       they change
  analyse T            the probe pressed the panel's "Analyse Now" (after
                       $BENCH_ANALYSE_AFTER changes, when set)
"""

import gc
import os

import gi
gi.require_version("Gedit", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import GLib, GObject, Gedit, Gtk

PERIOD_MS = 5
GAP_LOG_MS = 4
MARKER = "Zebra"
PANEL_NAME = "GeditQuotesPanel"


def now_us():
    return GLib.get_monotonic_time()


class Log:
    def __init__(self, path):
        self.file = open(path, "a", buffering=1, encoding="utf-8")

    def write(self, kind, *fields):
        text = " ".join(str(f).replace("\n", " ") for f in fields)
        self.file.write(f"{kind} {now_us()} {text}\n".rstrip() + "\n")


class BenchProbe(GObject.Object, Gedit.WindowActivatable):
    __gtype_name__ = "BenchProbe"
    window = GObject.Property(type=Gedit.Window)

    def do_activate(self):
        # Python's cycle collector would stop gedit's main loop now and
        # then inside the probe's own callbacks: not what is measured.
        gc.disable()
        self.log = Log(os.environ["BENCH_PROBE_LOG"])
        self.last = now_us()
        self.runs = 0
        self.next_tick = self.last + 1_000_000
        self.pending_paint = False
        self.document = None
        self.tree = None
        self.model = None
        self.model_handlers = []
        self.seen = set()
        self.panel_state = None
        GLib.timeout_add(PERIOD_MS, self.on_probe, priority=GLib.PRIORITY_HIGH)
        GLib.timeout_add(200, self.wait_for_document)

    def do_deactivate(self):
        pass

    # main-loop stalls
    def on_probe(self):
        t = now_us()
        gap = (t - self.last) / 1000.0 - PERIOD_MS
        if gap > GAP_LOG_MS:
            self.log.write("gap", f"{gap:.2f}")
        self.last = t
        self.runs += 1
        if t >= self.next_tick:
            self.log.write("tick", self.runs)
            self.next_tick = t + 1_000_000
            self.watch_panel_state()
        return True

    # the document
    def wait_for_document(self):
        document = self.window.get_active_document()
        view = self.window.get_active_view()
        tab = self.window.get_active_tab()
        if document is None or view is None or tab is None:
            return True
        if tab.get_state() != Gedit.TabState.STATE_NORMAL or document.get_char_count() == 0:
            return True
        self.document = document
        self.view = view
        document.connect("changed", self.on_changed)
        view.get_frame_clock().connect("after-paint", self.on_after_paint)
        self.window.present()
        view.grab_focus()
        document.place_cursor(document.get_end_iter())
        view.scroll_to_mark(document.get_insert(), 0.0, False, 0.0, 0.0)
        self.find_tree()
        GLib.timeout_add(300, self.report_ready)
        return False

    def report_ready(self):
        if not self.view.has_focus():
            self.window.present()
            self.view.grab_focus()
            return True
        self.log.write("ready", self.document.get_char_count())
        return False

    def on_changed(self, document):
        self.log.write("changed", document.get_char_count())
        self.pending_paint = True
        self.changes = getattr(self, "changes", 0) + 1
        after = os.environ.get("BENCH_ANALYSE_AFTER")
        if after and self.changes == int(after):
            # Not an idle: gedit lays out a long text in idles for minutes.
            GLib.idle_add(self.press_analyse, priority=GLib.PRIORITY_DEFAULT)

    def press_analyse(self):
        button = self.find_button(self.page, "_Analyse Now")
        if button is not None:
            self.log.write("analyse")
            button.clicked()
        return False

    def find_button(self, widget, label):
        """Through internal children too (an info bar's content area)."""
        found = []

        def visit(w):
            if isinstance(w, Gtk.Button) and w.get_label() == label:
                found.append(w)
            elif isinstance(w, Gtk.Container):
                w.forall(visit)
        visit(widget)
        return found[0] if found else None

    def on_after_paint(self, clock):
        if self.pending_paint:
            self.pending_paint = False
            self.log.write("paint")

    def tail(self):
        end = self.document.get_end_iter()
        start = end.copy()
        start.backward_chars(200)
        return self.document.get_text(start, end, True)

    # the Quotes panel
    def find_tree(self):
        stack = self.window.get_side_panel()
        page = stack.get_child_by_name(PANEL_NAME) if stack is not None else None
        if page is None:
            return
        self.page = page
        self.tree = self.find_widget(page, Gtk.TreeView)
        if self.tree is not None:
            self.tree.connect("notify::model", lambda *a: self.follow_model())
            self.tree.connect("row-expanded", self.on_row_expanded)
            self.follow_model()

    def find_widget(self, widget, cls):
        if isinstance(widget, cls):
            return widget
        if isinstance(widget, Gtk.Container):
            for child in widget.get_children():
                found = self.find_widget(child, cls)
                if found is not None:
                    return found
        return None

    def follow_model(self):
        for model, handler in self.model_handlers:
            model.disconnect(handler)
        self.model_handlers = []
        self.model = self.tree.get_model()
        if self.model is None:
            return
        for signal in ("row-inserted", "row-changed"):
            self.model_handlers.append(
                (self.model, self.model.connect(signal, self.on_row)))
        if self.document is not None and MARKER in self.tail():
            self.scan_model()

    def on_row(self, model, path, it):
        self.check_row(model, it)

    def on_row_expanded(self, tree, it, path):
        """Rows under a row that was closed raise no signal of their own
        when it opens."""
        model = tree.get_model()
        child = model.iter_children(it)
        while child is not None:
            self.check_row(model, child)
            child = model.iter_next(child)

    def check_row(self, model, it):
        text = model.get_value(it, 0)
        if text and MARKER in text and text not in self.seen:
            self.seen.add(text)
            self.log.write("panel", text)

    def scan_model(self):
        """Rows filled before the model was attached raise no signal."""
        if self.model is None:
            return

        def visit(model, path, it):
            self.check_row(model, it)
            return False
        self.model.foreach(visit)

    def watch_panel_state(self):
        if self.tree is None:
            return
        labels = []

        def collect(widget):
            if isinstance(widget, Gtk.Label) and widget.is_visible() and widget.get_mapped():
                labels.append(widget.get_text())
            if isinstance(widget, Gtk.Container):
                widget.forall(collect)
        collect(self.page)
        state = " | ".join(l for l in labels if l)
        if state != self.panel_state:
            self.panel_state = state
            self.log.write("panelstate", state)
