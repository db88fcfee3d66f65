# The README's two commands, `make serve` and `make test`, install whatever is
# missing on a fresh machine (and skip what is already there), then build.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Playwright drives Debian's Chromium; it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

TRUNK_VERSION := 0.21.14
# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
PORT ?= 8080

.PHONY: help serve test dist bench setup rust-target trunk wasm-bindgen npm chromium crates test-rust test-components test-browser size hazard-log

help:
	@echo "make serve   build the app and serve it at http://127.0.0.1:$(PORT)/"
	@echo "make test    run every test: Rust logic tests, components in Chromium, the size check, the hazard log's check, browser tests"
	@echo "make dist    build the folder a practice copies to its web host, in dist/"
	@echo "make bench   time the app with a busy clinic's data, CPU slowed 4x (writes bench/RESULTS.md)"

## Installing what is missing ------------------------------------------------

setup: rust-target trunk wasm-bindgen npm crates

rust-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

trunk:
	@if trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)"; then :; else \
	  echo "Installing trunk $(TRUNK_VERSION) (this takes 10-20 minutes, once)"; \
	  cargo install --locked trunk@$(TRUNK_VERSION); fi

wasm-bindgen:
	@if wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)"; then :; else \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 4 minutes, once)"; \
	  cargo install --force wasm-bindgen-cli@$(WASM_BINDGEN_VERSION); fi

# Sass, NHS.UK frontend, wasm-opt (binaryen), Playwright and axe.
npm: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

chromium:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; else \
	  echo "Installing Debian's Chromium (it draws the first screens at build time, and runs the browser tests)"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; fi

# trunk builds offline (Trunk.toml), so the crates must be here first.
crates:
	@cargo fetch --locked --quiet

## Building and serving ------------------------------------------------------

# One trunk build per area of the app, put together in dist/ (tools/build.mjs).
# Chromium draws the patient pages' first screens into their HTML.
dist: setup chromium
	node tools/build.mjs

# The build ships only config.example.json: the local site uses a copy of it.
serve: dist
	@[ -f dist/config.json ] || cp dist/config.example.json dist/config.json
	@echo "Serving the app at http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## The benchmark (not a test: it measures, and fails only if it cannot run) ---

bench: setup chromium dist
	node tools/bench.mjs

## Testing --------------------------------------------------------------------

test: setup chromium
	$(MAKE) --no-print-directory test-rust
	$(MAKE) --no-print-directory test-components
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory size
	$(MAKE) --no-print-directory hazard-log
	$(MAKE) --no-print-directory test-browser

test-rust:
	cargo test --locked
	node tests/sms_counter.mjs
	node tests/calendar_file.mjs

# Components that touch the browser's storage, mounted in real headless Chromium.
test-components:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
	  cargo test --locked --target wasm32-unknown-unknown --test saved_in_browser

size:
	node tests/support/size.mjs

# Every test the hazard log and the other papers name must exist (after the
# build: listing the browser tests reads dist/), and the check must fail on
# made-up names.
PAPERS := docs/clinical-safety.md docs/security.md docs/interoperability.md docs/dtac.md
hazard-log:
	node tools/check_hazard_log.mjs $(PAPERS)
	node tests/hazard_log_check.mjs

test-browser:
	npx playwright test
