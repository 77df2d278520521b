# Developer commands for gedit-quotes. This only wraps meson.

BUILDDIR ?= _build
MESON ?= meson
POLNEAR ?= ../shared/polnear
MESON_TEST_ARGS ?=

SANITIZE_BUILDDIR ?= _build-sanitize
FUZZ_BUILDDIR ?= _build-fuzz
SECONDS ?= 60

.PHONY: help deps build check check-sanitize bench bench-editor run install-user install eval clean fuzz

help:
	@echo "make deps          install missing Debian packages (tools/debian-packages.txt)"
	@echo "make build         configure $(BUILDDIR) (debugoptimized) if needed, then compile"
	@echo "make check         build, then run the test suite (extra args: MESON_TEST_ARGS=...)"
	@echo "make check-sanitize  the unit tests again, built with AddressSanitizer and UBSan"
	@echo "make bench         the engine benchmark (tests/bench/engine; slow, on demand)"
	@echo "make bench-editor  typing in gedit with the plugin on and off (tests/bench/editor;"
	@echo "                   a few minutes, on demand; BENCH_EDITOR_ARGS=--huge adds 50 MB)"
	@echo "make run           show the example article's analysis: in gedit with a display,"
	@echo "                   else as quotes-scan output"
	@echo "make install-user  install the gedit plugin and its schema for the current user"
	@echo "                   (after make build)"
	@echo "make install       meson install -C $(BUILDDIR), after make build; for packagers and"
	@echo "                   real installs (set the prefix with: meson setup --prefix=...)"
	@echo "make eval          score attributions on $(POLNEAR)/dev (on demand, not in check)"
	@echo "make clean         remove $(BUILDDIR)"
	@echo "make fuzz          build the libFuzzer target with clang, ASan and UBSan in"
	@echo "                   $(FUZZ_BUILDDIR), run it SECONDS=$(SECONDS) s on tests/fuzz/corpus;"
	@echo "                   fails on any finding (saved in $(FUZZ_BUILDDIR)/fuzz-artifacts)"
	@echo "Variables: BUILDDIR=$(BUILDDIR) MESON=$(MESON) POLNEAR=$(POLNEAR)"

deps:
	tools/install-deps

build: deps
	test -f $(BUILDDIR)/build.ninja || \
		$(MESON) setup $(BUILDDIR) --buildtype=debugoptimized
	$(MESON) compile -C $(BUILDDIR)

check: build
	$(MESON) test -C $(BUILDDIR) --print-errorlogs $(MESON_TEST_ARGS)

# Memory errors and undefined behaviour fail the run; leaks fail it for the
# engine's tests (GTK keeps memory until exit, so not for the widget tests).
check-sanitize: deps
	test -f $(SANITIZE_BUILDDIR)/build.ninja || \
		$(MESON) setup $(SANITIZE_BUILDDIR) -Db_sanitize=address,undefined -Dintrospection=false
	$(MESON) compile -C $(SANITIZE_BUILDDIR)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		$(MESON) test -C $(SANITIZE_BUILDDIR) --print-errorlogs --timeout-multiplier 10 \
		seed cases analyzer posts cli hostile names word-index lexicon
	ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		$(MESON) test -C $(SANITIZE_BUILDDIR) --print-errorlogs --timeout-multiplier 10 \
		highlighter panel

bench: deps
	tests/bench/engine

BENCH_EDITOR_ARGS ?=
bench-editor: build
	tests/bench/editor --build $(BUILDDIR) $(BENCH_EDITOR_ARGS)

run: build
	tools/run-example $(BUILDDIR)

install-user:
	tools/install-user $(BUILDDIR)

install:
	$(MESON) install -C $(BUILDDIR)

eval: build
	tests/eval/score-attributions $(POLNEAR)/dev

clean:
	rm -rf $(BUILDDIR)

# libFuzzer on quotes_analyzer_analyze(): clang, ASan and UBSan (every report
# fatal), the engine instrumented for coverage. Its own build directory.
fuzz: deps
	test -f $(FUZZ_BUILDDIR)/build.ninja || \
		CC=clang $(MESON) setup $(FUZZ_BUILDDIR) --buildtype=debugoptimized \
			-Dfuzzing=true -Dplugin=disabled -Dintrospection=false \
			-Db_sanitize=address,undefined -Db_lundef=false \
			-Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer'
	$(MESON) compile -C $(FUZZ_BUILDDIR) fuzz-analyze
	tests/fuzz/run-fuzz $(FUZZ_BUILDDIR) $(SECONDS)
