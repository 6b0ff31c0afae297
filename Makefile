# Wheelhouse build, test and run. `make help` lists the targets.
# CI runs `bash .ci/run`, which is `make test` from a fresh clone.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Go may live in /usr/local/go without being on PATH; wails lands in GOPATH/bin.
GO_DIR := $(shell command -v go >/dev/null 2>&1 || echo /usr/local/go/bin)
ifneq ($(GO_DIR),)
export PATH := $(PATH):$(GO_DIR)
endif
GOBIN_DIR := $(shell PATH="$(PATH)" go env GOPATH)/bin
export PATH := $(PATH):$(GOBIN_DIR)

TAGS    := webkit2_41
VERSION := 0.1.0+$(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X wheelhouse/cli.Version=$(VERSION)
BIN     := build/bin/wheelhouse
WAILS_FLAGS := -tags $(TAGS) -m -nocolour

.PHONY: help setup run build test vet go-test fuzz bench-ical check-imports check-wailsjs wailsjs \
        frontend-check frontend-test smoke e2e e2e-chromium bench bench-launch clean screenshot notify

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  make %-15s %s\n", $$1, $$2 }'

setup: ## install missing system packages, the wails CLI and node_modules
	@[ -n "$(SETUP_DONE)" ] || bash scripts/setup.sh

run: build ## build the app and run it on your default data folder
	./$(BIN)

# Bindings first, then the frontend against them, then the Go binary (wails -s:
# the frontend is already built, and wails' own `npm ci` pass is skipped).
build: setup ## production build: build/bin/wheelhouse
	wails generate module -tags $(TAGS) -nocolour >/dev/null
	cd frontend && npm run build
	wails build $(WAILS_FLAGS) -s -skipbindings -ldflags "$(LDFLAGS)"
	@./$(BIN) version

# The full gate, in order. Every step runs (smoke is skipped when build failed) and
# a summary follows, so one run shows every problem; FAIL_FAST=1 stops at the first.
TEST_STEPS := vet go-test fuzz notify check-imports check-wailsjs frontend-check frontend-test build smoke e2e e2e-chromium
test: setup ## everything CI runs: vet, Go tests, import rules, bindings, frontend, build, smoke, e2e (WebKitGTK, then Chromium)
	@start=$$(date +%s); failed=(); summary=(); \
	for t in $(TEST_STEPS); do \
	  if [ "$$t" = smoke ] && [[ " $${failed[*]} " == *" build "* ]]; then summary+=("SKIP  smoke (build failed)"); continue; fi; \
	  echo; echo "===== make $$t ====="; s=$$(date +%s); \
	  if $(MAKE) --no-print-directory $$t SETUP_DONE=1; then r=ok; else r=FAIL; failed+=("$$t"); fi; \
	  summary+=("$$(printf '%-5s %-15s %4ss' $$r $$t $$(( $$(date +%s) - s )))"); \
	  echo "===== $$r: make $$t ====="; \
	  if [ $$r = FAIL ] && [ -n "$(FAIL_FAST)" ]; then break; fi; \
	done; \
	echo; echo "===== make test summary ($$(( $$(date +%s) - start ))s) ====="; printf '  %s\n' "$${summary[@]}"; \
	if [ $${#failed[@]} -gt 0 ]; then echo "FAILED: $${failed[*]}"; exit 1; fi; echo "ALL PASSED"

vet: setup ## go vet, no build tags, and gofmt
	go vet ./...
	@bad=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$bad" ]; then echo "gofmt: not formatted:"; echo "$$bad"; exit 1; fi

go-test: setup ## Go tests without cgo or Wails tags: the core needs neither
	cd scripts/bench-ical && npm ci --no-audit --no-fund --loglevel=error  # ical.js checks the calendar exports
	CGO_ENABLED=0 go test ./...
	go test ./app/sigfix  # cgo: the signal handlers WebKit installs get SA_ONSTACK back

fuzz: ## a short fuzz run of the calendar and paging-history importers, of restore and of import-json (the seed corpus runs in go-test)
	CGO_ENABLED=0 go test ./backend/calendar -run '^$$' -fuzz FuzzImport -fuzztime $${FUZZTIME:-20s} -fuzzminimizetime 5s
	CGO_ENABLED=0 go test ./backend/pages -run '^$$' -fuzz FuzzParse -fuzztime $${FUZZTIME:-20s} -fuzzminimizetime 5s
	CGO_ENABLED=0 go test ./backend/store -run '^$$' -fuzz FuzzRestore -fuzztime $${FUZZTIME:-20s} -fuzzminimizetime 5s
	CGO_ENABLED=0 go test ./backend/workspace -run '^$$' -fuzz FuzzWorkspaceImport -fuzztime $${FUZZTIME:-20s} -fuzzminimizetime 5s

bench-ical: ## iCalendar benchmarks next to their npm peers (ical-generator, node-ical) in one run
	bash scripts/bench-ical/bench.sh

bench-launch: ## launch time and memory of the production app in a real window: empty folder vs the large demo (RUNS=5)
	@test -x $(BIN) || $(MAKE) --no-print-directory build
	bash scripts/bench-launch.sh

# The layers of decision 0012: backend/ is the core and imports neither Wails
# nor a front door; the two front doors, app/ (the window) and cli/ (the
# command line), share it and not each other; only app/ imports Wails.
check-imports: ## backend/ imports no Wails, app/ or cli/; cli/ no Wails; app/ no cli/
	@fail=0; check() { bad=$$(grep -rlE --include='*.go' "$$2" $$1 || true); \
	  if [ -n "$$bad" ]; then echo "These files under $$1 import $$3:"; echo "$$bad"; fail=1; fi; }; \
	check backend/ '"(github\.com/wailsapp|wheelhouse/app|wheelhouse/cli)' "Wails, app/ or cli/ (the core imports neither)"; \
	check cli/ '"github\.com/wailsapp' "github.com/wailsapp (only app/ may)"; \
	check app/ '"wheelhouse/cli"' "cli/ (the front doors share backend/, not each other)"; \
	[ $$fail = 0 ] && echo "check-imports: backend/ is free of Wails and of the front doors; cli/ of Wails; app/ of cli/"

# Regenerates the bindings into the tree, compares them with what was there, and
# puts the original back either way.
check-wailsjs: setup ## frontend/wailsjs matches the Go bindings
	@tmp=$$(mktemp -d); trap 'rm -rf frontend/wailsjs; cp -a "$$tmp/wailsjs" frontend/wailsjs; rm -rf "$$tmp"' EXIT; \
	cp -a frontend/wailsjs "$$tmp/wailsjs"; \
	wails generate module -tags $(TAGS) -nocolour >"$$tmp/gen.log" 2>&1 || { cat "$$tmp/gen.log"; exit 1; }; \
	if ! diff -ru "$$tmp/wailsjs" frontend/wailsjs; then \
	  echo; echo "frontend/wailsjs is out of date with the Go bindings (-: frontend/wailsjs as it is, +: generated from the Go code)."; \
	  echo "Run 'make wailsjs' and commit the result."; exit 1; \
	fi; echo "check-wailsjs: frontend/wailsjs is up to date"

wailsjs: setup ## regenerate frontend/wailsjs from the Go bindings
	wails generate module -tags $(TAGS) -nocolour

frontend-check: setup ## svelte-check
	cd frontend && npm run check

frontend-test: setup ## vitest
	cd frontend && npm test

smoke: ## start build/bin/wheelhouse in a real (virtual) window and screenshot it
	@test -x $(BIN) || $(MAKE) --no-print-directory build
	bash scripts/smoke.sh

notify: setup ## a real desktop notification through dunst on a private D-Bus session, shown exactly once
	bash scripts/notify.sh

e2e: setup ## drive the real app (wails dev) in WebKitGTK, the engine of the Linux window (E2E_ENGINE=chromium: chromium)
	bash scripts/e2e.sh

e2e-chromium: setup ## the same journeys in Chromium, a second engine (WebKitGTK, above, is the one users have)
	E2E_ENGINE=chromium E2E_OUT=artifacts/e2e-chromium bash scripts/e2e.sh

screenshot: build ## docs/screenshot.png: the production app on the demo workspace, in a real window
	SMOKE_DEMO=1 bash scripts/smoke.sh
	/usr/bin/convert artifacts/smoke/window.png -crop 1280x800+0+0 +repage docs/screenshot.png

bench: setup ## Go benchmarks
	CGO_ENABLED=0 go test -run '^$$' -bench . -benchmem ./...

clean: ## remove build output and test artifacts
	rm -rf build/bin artifacts frontend/test-results
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
	mkdir -p frontend/dist && touch frontend/dist/.gitkeep  # //go:embed all:frontend/dist needs a file
