# corridor: make run opens the dashboard on the embedded corpus; make test runs every test.
GO ?= go
BIN := bin/corridor
# Packages whose tests use x/exp/golden (-update is only defined there).
GOLDEN_PKGS := ./tui/... ./cmd/...

.PHONY: all build run serve loadtest test golden bench pgo instructions fuzz lint clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/corridor

run: build
	./$(BIN)

# SERVE_FLAGS, e.g. "-listen 0.0.0.0:23234 -authorized-keys ~/.ssh/authorized_keys".
SERVE_FLAGS ?=
serve: build
	./$(BIN) serve $(SERVE_FLAGS)

# The SSH load benchmark: the built server on a loopback port, LOAD_SESSIONS
# concurrent sessions arriving over LOAD_RAMP (0: all in the same instant,
# the worst case) and pressing keys for LOAD_DURATION; exits 1 if a target
# (p99 first frame, MB per session, goroutines back to baseline) is missed.
LOAD_SESSIONS ?= 100
LOAD_DURATION ?= 10s
LOAD_RAMP ?= 1s
LOAD_FLAGS ?=
loadtest: build
	$(GO) run ./cmd/corridor-load -bin $(BIN) -sessions $(LOAD_SESSIONS) -duration $(LOAD_DURATION) -ramp $(LOAD_RAMP) $(LOAD_FLAGS)

# The end-to-end tests drive tmux and ssh; the script installs them when it can.
test:
	bash scripts/ensure-test-tools.sh
	$(GO) test ./...

golden:
	$(GO) test $(GOLDEN_PKGS) -update

# The binary is built with profile-guided optimisation from
# cmd/corridor/default.pgo (go build picks it up by itself); the benchmarks
# are built with the same profile, so that they measure the code users run.
# BENCH_PGO=off measures without it.
PGO := cmd/corridor/default.pgo
BENCH_PGO ?= $(PGO)
bench:
	$(GO) test ./model -run '^$$' -bench . -benchmem -pgo=$(BENCH_PGO)

# Regenerates the profile from the whole pipeline over the Reuters corpus
# (../shared/corpora/reuters21578; the profile holds function names and
# sample counts, none of the corpus's text). Run it after large changes to
# the model package. 60 passes (about a minute): a 20-pass profile was noisy
# enough to cost 0.6% in the build it guided.
pgo:
	$(GO) test ./model -run '^$$' -bench 'BenchmarkExtract$$' -benchtime 60x -cpu 1 -pgo=off -cpuprofile $(CURDIR)/$(PGO).new
	mv $(PGO).new $(PGO)
	rm -f model.test

# Counts the instructions of one pass over Reuters inside ParseDocument and
# Extract, with callgrind (valgrind; not needed by make test). The count
# repeats within about 0.1% on a shared machine, where wall-clock MB/s moves
# by 20% from one run to the next. GOGC=off keeps collections, which land
# at random inside the counted calls, out of the count; asyncpreemptoff
# keeps Go's preemption signals from upsetting callgrind.
instructions:
	$(GO) test -c -o model.test -pgo=$(BENCH_PGO) ./model
	cd model && GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind \
		--callgrind-out-file=$(CURDIR)/callgrind.out \
		--toggle-collect='corridor/model.parse' --toggle-collect='corridor/model.Extract' \
		../model.test -test.run '^$$' -test.bench 'BenchmarkExtractPass$$' -test.benchtime 1x -test.cpu 1 2>&1 | \
		grep -o 'Collected : [0-9]*'
	rm -f model.test

# Runs each fuzz target for FUZZTIME (go test -fuzz takes one target at a time).
# A count ("500000x") avoids a race in Go 1.26's fuzz coordinator that can end
# a timed run with "context deadline exceeded" and no failing input on a busy
# machine (go.dev/issue/75804, fixed in Go 1.27); a real failure always
# writes its input to model/testdata/fuzz. Each new input the fuzzer finds is
# minimized before it goes on, for up to a minute by default; the seeds are
# whole articles, so that minute was often spent in full and a run seemed to
# stall at "0/sec". FUZZMINIMIZE caps it.
FUZZTIME ?= 500000x
FUZZMINIMIZE ?= 2s
fuzz:
	for t in FuzzScanQuantities FuzzScanDates FuzzScanMarks FuzzParseDocument FuzzFindNoise FuzzExtract; do \
		$(GO) test ./model -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) || exit 1; \
	done

lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	$(GO) vet ./...

clean:
	rm -rf bin
