# corridor: make run opens the dashboard on the embedded corpus; make test runs every test.
GO ?= go
BIN := bin/corridor
# Packages whose tests use x/exp/golden (-update is only defined there).
GOLDEN_PKGS := ./tui/... ./cmd/...

.PHONY: all build run serve test golden bench fuzz lint clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/corridor

run: build
	./$(BIN)

serve: build
	./$(BIN) serve

# The end-to-end tests drive tmux and ssh; the script installs them when it can.
test:
	bash scripts/ensure-test-tools.sh
	$(GO) test ./...

golden:
	$(GO) test $(GOLDEN_PKGS) -update

bench:
	$(GO) test ./model -run '^$$' -bench . -benchmem

# Runs each fuzz target for FUZZTIME (go test -fuzz takes one target at a time).
FUZZTIME ?= 1m
fuzz:
	for t in FuzzScanQuantities FuzzScanDates FuzzParseDocument; do \
		$(GO) test ./model -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	$(GO) vet ./...

clean:
	rm -rf bin
