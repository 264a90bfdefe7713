# thidua — two commands: `make run` and `make test` (see README).
SHELL := /bin/bash
TOOLS_DIR ?= $(HOME)/.cache/thidua-tools
export THIDUA_TOOLS_DIR := $(TOOLS_DIR)
export PATH := $(TOOLS_DIR)/binaryen/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: run test bench build setup setup-test serve lint unit wasm-test size e2e firefox guide

## Installs what is missing, builds the release, serves dist/ on 127.0.0.1.
run: build
	@echo
	@echo "  thidua is ready. Open it either way:"
	@echo "    served:       http://127.0.0.1:$(PORT)/"
	@echo "    single file:  file://$(CURDIR)/dist/thidua.html  (copy it to any laptop; works offline)"
	@echo "  Stop the server with Ctrl+C."
	@echo
	node scripts/serve.mjs dist $(PORT)

setup:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

## The optimised release in dist/, plus the single-file dist/thidua.html.
build: setup
	cargo fetch --quiet
	trunk build --release --offline
	node scripts/single-file.mjs dist

## Everything CI checks: formatting, lints, native, wasm and browser tests.
test: setup-test lint unit wasm-test build size e2e firefox

## The whole workspace (the app and core/). The last line keeps the core pure:
## thidua-core may depend on no browser or UI crate, on any target.
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --target wasm32-unknown-unknown --all-targets -- -D warnings
	tree="$$(cargo tree -p thidua-core -e normal --target all)" && \
	  ! grep -E 'leptos|web-sys|js-sys|wasm-bindgen|gloo' <<< "$$tree"

unit:
	cargo test --workspace

wasm-test:
	CHROMEDRIVER=/usr/bin/chromedriver cargo test -p thidua --target wasm32-unknown-unknown --test web

## Fails when the app as served is above the gzip ceiling in scripts/bench-size.mjs.
size:
	node scripts/bench-size.mjs dist --check

e2e:
	cd tests/e2e && node --test --test-concurrency=1
	node scripts/guide-shots.mjs target/guide

## The flows where browser engines differ, in Debian's Firefox ESR (puppeteer-core
## over WebDriver BiDi), served and from file://; pages and PDFs under target/firefox/.
firefox:
	cd tests/firefox && node --test --test-concurrency=1

## Refreshes the user guide's screenshots in docs/guide/ from a new e2e run
## (not part of `make test`, which leaves the tree as it found it).
guide: setup-test build
	cd tests/e2e && node --test --test-concurrency=1
	node scripts/guide-shots.mjs docs/guide

## Prints release sizes (raw, gzip -9, brotli), the tally benchmark, export/import of a large
## workspace and its stored size, start-up and heavy screens in Chromium, paper entry
## through the UI, the actions of the secretary's path (empty browser → minutes), and
## start-up beside the floor app (bench/floor, built here only) at CPU ×1 and ×4, and the
## council receiving 60 clusters' results files.
bench: setup-test build
	node scripts/bench-size.mjs dist
	cargo run --release --quiet -p thidua-core --example bench_tally
	cargo run --release --quiet -p thidua --example bench_files
	node scripts/bench-startup.mjs
	cd bench/floor && CARGO_TARGET_DIR=$(CURDIR)/target/floor trunk build --release --offline
	node scripts/bench-floor.mjs
	node scripts/bench-paper.mjs
	node scripts/bench-path.mjs
	node scripts/bench-council.mjs
