# peacegraph: the commands a developer needs. `make help` lists them.
SHELL := /bin/bash
GO    ?= go

.PHONY: help
help: ## List the targets.
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

# --- The two commands of the README ------------------------------------------

.PHONY: run
run: ## Serve the seeded graph on the embedded store (http://localhost:8080).
	$(GO) run ./cmd/peacegraph serve

.PHONY: test
test: chromium jing frontends ## Every check CI makes, each stage run and reported even after a failure: vet, formatting, generated code, race tests on both stores (Neo4j started if needed) and in a browser, GraphQL-over-HTTP audit, JSON-LD check.
	@started=0; \
	  if ! $(MAKE) -s --no-print-directory neo4j-status >/dev/null 2>&1; then \
	    $(MAKE) --no-print-directory neo4j-up || exit 1; started=1; fi; \
	  failed=; n=0; total=$(words $(TEST_STAGES)); all=$$(date +%s); \
	  for stage in $(TEST_STAGES); do \
	    n=$$((n+1)); start=$$(date +%s); echo "== make test: stage $$n of $$total: $$stage"; \
	    if $(MAKE) --no-print-directory $$stage NEO4J_URI=$(NEO4J_TEST_URI) CI=true; then \
	      echo "== make test: $$stage passed in $$(( $$(date +%s) - start ))s"; \
	    else \
	      echo "== make test: $$stage FAILED after $$(( $$(date +%s) - start ))s"; failed="$$failed $$stage"; fi; \
	  done; \
	  if [ $$started = 1 ]; then $(MAKE) --no-print-directory neo4j-down; fi; \
	  if [ -n "$$failed" ]; then echo "== make test: FAILED in $$(( $$(date +%s) - all ))s:$$failed (see each stage's output above)"; exit 1; fi; \
	  echo "== make test: all $$total stages passed in $$(( $$(date +%s) - all ))s"

# The browser tests drive Debian's headless Chromium; the test set-up
# installs it when it is missing (as root, or through sudo).
CHROMIUM ?= /usr/bin/chromium

.PHONY: chromium
chromium: ## Install Debian's chromium for the browser tests, when it is missing.
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "chromium: installing Debian's chromium for the browser tests"; \
	  sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q chromium >/dev/null \
	    || { $$sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q chromium >/dev/null; } \
	    || { echo "chromium: could not install it; the browser tests need $(CHROMIUM)" >&2; exit 1; }; \
	fi

# The Atom feed tests validate the feed against RFC 4287's RELAX NG schema
# with Debian's jing; the test set-up installs it when it is missing.
JING ?= /usr/bin/jing

.PHONY: jing
jing: ## Install Debian's jing for the Atom feed tests, when it is missing.
	@if [ ! -x "$(JING)" ]; then \
	  echo "jing: installing Debian's jing for the Atom feed tests"; \
	  sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q jing >/dev/null \
	    || { $$sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q jing >/dev/null; } \
	    || { echo "jing: could not install it; the Atom feed tests need $(JING)" >&2; exit 1; }; \
	fi

# The drawing libraries the browser tests give peacegraph's graph output
# to, unchanged (scripts/frontends, pinned by its lock file).
.PHONY: frontends
frontends: ## Install the drawing libraries of the browser tests (scripts/frontends).
	@cd scripts/frontends && npm ci --no-audit --no-fund --silent && npm run build --silent

# The stages of `make test`, in order; each runs even when one before it
# failed, so that one run reports every failure.
TEST_STAGES := check unit audit jsonld-check

# --- The pieces ----------------------------------------------------------------

NEO4J_TEST_URI ?= bolt://127.0.0.1:$(or $(NEO4J_DEV_PORT),7687)
AUDIT_ADDR     ?= 127.0.0.1:18080

.PHONY: build
build: ## Build bin/peacegraph.
	$(GO) build -buildvcs=auto -o bin/peacegraph ./cmd/peacegraph

.PHONY: generate
generate: ## Regenerate the gqlgen code from schema.graphqls, the playground's examples from the README, and the stance table of docs/stances.md from the seeds.
	$(GO) generate ./graph/... ./web/...

.PHONY: check
check: ## go vet, gofmt, and that the generated code is current.
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	@$(MAKE) --no-print-directory check-generated

.PHONY: check-generated
check-generated: ## Fail when the committed generated files (gqlgen code, examples, stance table) differ from what make generate writes.
	@$(MAKE) --no-print-directory generate
	@if [ -n "$$(git status --porcelain -- graph gqlgen.yml schema.graphqls web/assets/examples.json docs/stances.md)" ]; then \
	  echo "generated code is stale: run 'make generate' and commit the result"; \
	  git status --porcelain -- graph; git --no-pager diff --stat -- graph; exit 1; fi

# gotestsum (a Go tool of the module) prints a line as each test ends, so
# that a long package shows progress, and lists every failure at the end.
.PHONY: unit
unit: ## go test with the race detector (uses Neo4j at NEO4J_URI when reachable; CI=true makes it required).
	$(GO) tool gotestsum --format testname --format-hide-empty-pkg -- -race -count=1 -timeout 20m ./...

# The load test at scale (neo4j/scale_test.go): a generated record of
# SCALE times the seeds loaded with the real command, reloaded, plus and
# minus one article, each step also killed half-way; on the Neo4j at
# NEO4J_TEST_URI, whose graph it replaces. SCALE=1000 needs the memory
# neo4j-dev/README.md gives and about 15 minutes.
SCALE ?= 10

.PHONY: test-scale
test-scale: ## The load test at SCALE times the seeds (default 10; 1000 for the record) on a real Neo4j, killed loads included.
	PEACEGRAPH_SCALE_TEST=$(SCALE) NEO4J_URI=$(NEO4J_TEST_URI) $(GO) test -count=1 -timeout 3h -run '^TestLoadAtScale$$' -v ./neo4j/

# A load from nothing against the floor of what the same Neo4j takes for
# the same graph (neo4j/load_bench_test.go): Store.Load, then the same
# nodes and relationships written plainly by one session and by two, on a
# graph emptied before each, at each of BENCH_LOAD_SCALES, BENCH_LOAD_REPS
# times. On the Neo4j at NEO4J_TEST_URI (make neo4j-up), whose graph it
# replaces; 1000 times the seeds needs the memory neo4j-dev/README.md
# gives and about 12 minutes a repetition.
BENCH_LOAD_SCALES ?= 100
BENCH_LOAD_REPS   ?= 2

.PHONY: bench-load
bench-load: ## A load from nothing against plain writes of the same graph, in nodes and relationships a second (BENCH_LOAD_SCALES, default 100; BENCH_LOAD_REPS).
	PEACEGRAPH_BENCH_SCALES=$(BENCH_LOAD_SCALES) PEACEGRAPH_BENCH_REPS=$(BENCH_LOAD_REPS) NEO4J_URI=$(NEO4J_TEST_URI) \
	  $(GO) test -count=1 -timeout 4h -run '^$$' -bench '^BenchmarkLoadFromNothing$$' ./neo4j/

.PHONY: audit
audit: build ## The graphql-http audit against a real server (0 MUST and 0 SHOULD failures).
	@cd scripts/audit && npm ci --no-audit --no-fund --silent
	@env -u NEO4J_URI ./bin/peacegraph serve --addr $(AUDIT_ADDR) --log-format json --log-level warn & pid=$$!; \
	  trap "kill $$pid 2>/dev/null; wait $$pid 2>/dev/null" EXIT; \
	  for i in $$(seq 1 100); do curl -fsS http://$(AUDIT_ADDR)/readyz >/dev/null 2>&1 && break; sleep 0.1; done; \
	  node scripts/audit/audit.mjs http://$(AUDIT_ADDR)/graphql

JSONLD_SEEDS_ADDR   ?= 127.0.0.1:18081
JSONLD_FIXTURE_ADDR ?= 127.0.0.1:18082

.PHONY: jsonld-check
jsonld-check: build ## The claim export (/claims/{id}.jsonld) of real servers, on the seeds and on a fixture with reviews, type-checked against schema.org (schema-dts).
	@cd scripts/jsonld && npm ci --no-audit --no-fund --silent
	@env -u NEO4J_URI ./bin/peacegraph serve --addr $(JSONLD_SEEDS_ADDR) --log-format json --log-level warn >/dev/null & seeds=$$!; \
	  env -u NEO4J_URI ./bin/peacegraph serve --addr $(JSONLD_FIXTURE_ADDR) --seeds schemaorg/testdata/seeds --log-format json --log-level warn >/dev/null & fixture=$$!; \
	  trap "kill $$seeds $$fixture 2>/dev/null; wait $$seeds $$fixture 2>/dev/null" EXIT; \
	  for addr in $(JSONLD_SEEDS_ADDR) $(JSONLD_FIXTURE_ADDR); do \
	    ok=; for i in $$(seq 1 300); do curl -fsS http://$$addr/readyz >/dev/null 2>&1 && { ok=1; break; }; sleep 0.1; done; \
	    [ -n "$$ok" ] || { echo "jsonld-check: the server on $$addr was not ready within 30s" >&2; exit 1; }; \
	  done; \
	  node scripts/jsonld/check.mjs --seeds http://$(JSONLD_SEEDS_ADDR) --fixture http://$(JSONLD_FIXTURE_ADDR)

.PHONY: bench
bench: ## Benchmarks of the API on both stores (Neo4j when reachable); prints ns/op, allocs and store calls per request.
	$(GO) test -run '^$$' -bench . -benchtime 30x ./graph/

# --- The peer benchmark (bench/peer) ------------------------------------------
# peacegraph on Neo4j and on the embedded store, the Neo4j GraphQL Library
# (bench/peer, Node) and hand-written Cypher, over the same Neo4j. It
# REPLACES the graph of the database at BENCH_NEO4J_URI. When nothing answers
# on that URI's port, it starts the project's Neo4j there, and stops it after.
BENCH_SCALES    ?= 1 10 100
BENCH_REPS      ?= 3
BENCH_WINDOW    ?= 3s
BENCH_CLIENTS   ?= 8
BENCH_REQUESTS  ?= 300
BENCH_QUERIES   ?=
BENCH_NEO4J_URI ?= $(or $(NEO4J_URI),bolt://127.0.0.1:$(NEO4J_DEV_PORT))

.PHONY: bench-peer
bench-peer: build ## peacegraph vs @neo4j/graphql vs raw Cypher on one Neo4j, whose graph it replaces (BENCH_SCALES, BENCH_QUERIES, BENCH_REPS, BENCH_WINDOW).
	@cd bench/peer && npm ci --no-audit --no-fund --silent
	$(GO) build -o bin/bench-peer ./bench/peer
	@uri='$(BENCH_NEO4J_URI)'; hostport=$${uri#*://}; hostport=$${hostport%%/*}; port=$${hostport##*:}; \
	  [ "$$port" = "$$hostport" ] && port=7687; \
	  started=0; \
	  if ! $(MAKE) -s --no-print-directory neo4j-status NEO4J_DEV_PORT=$$port >/dev/null 2>&1; then \
	    $(MAKE) --no-print-directory neo4j-up NEO4J_DEV_PORT=$$port || exit 1; started=1; fi; \
	  status=0; \
	  NEO4J_URI="$$uri" BENCH_SCALES='$(BENCH_SCALES)' BENCH_REPS='$(BENCH_REPS)' BENCH_WINDOW='$(BENCH_WINDOW)' \
	    BENCH_CLIENTS='$(BENCH_CLIENTS)' BENCH_REQUESTS='$(BENCH_REQUESTS)' BENCH_QUERIES='$(BENCH_QUERIES)' \
	    ./bin/bench-peer || status=$$?; \
	  if [ $$started = 1 ]; then $(MAKE) --no-print-directory neo4j-down NEO4J_DEV_PORT=$$port; fi; \
	  exit $$status

# The fault runs (bench/faults): abusive requests, a Neo4j outage under
# load, loads killed with SIGKILL, and a soak, against real servers; they
# print what happened and fail when a limit did not hold. They replace
# the graph of the Neo4j at NEO4J_TEST_URI (started if nothing answers).
FAULTS_SOAK ?= 30s

.PHONY: faults
faults: build ## Abusive requests, a Neo4j outage, killed loads and a soak against real servers, with figures (FAULTS_SOAK, FAULTS_PARTS).
	@started=0; \
	  if ! $(MAKE) -s --no-print-directory neo4j-status >/dev/null 2>&1; then \
	    $(MAKE) --no-print-directory neo4j-up || exit 1; started=1; fi; \
	  status=0; \
	  NEO4J_URI=$(NEO4J_TEST_URI) FAULTS_SOAK='$(FAULTS_SOAK)' PEACEGRAPH_BIN=bin/peacegraph $(GO) run ./bench/faults || status=$$?; \
	  if [ $$started = 1 ]; then $(MAKE) --no-print-directory neo4j-down; fi; \
	  exit $$status

.PHONY: clean
clean: ## Remove build output.
	rm -rf bin

# --- Neo4j for development and tests (neo4j-dev/) ---------------------------
# neo4j-dev/ starts Neo4j Community in-process with Bolt on 127.0.0.1, so the
# Neo4j store is developed and tested against a real server without Docker.
# Data, logs, pid, console log and build log live in .neo4j/ (ignored by git).
# Authentication is off unless NEO4J_DEV_PASSWORD is set (8+ characters);
# the Bolt port is NEO4J_DEV_PORT (default 7687). A server on another port
# has a home of its own (.neo4j-PORT), so that it is not taken for the
# default one, nor stopped in its place.
NEO4J_DEV_PORT      ?= 7687
NEO4J_DEV_HOME      ?= $(CURDIR)/.neo4j$(if $(filter 7687,$(NEO4J_DEV_PORT)),,-$(NEO4J_DEV_PORT))
NEO4J_DEV_PASSWORD  ?=
NEO4J_DEV_TIMEOUT   ?= 120
NEO4J_DEV_JAVA      ?= java
NEO4J_DEV_MVN       ?= mvn
# A bounded heap (the page cache, 256 MiB, is off-heap) that holds the
# largest transaction the server allows (2 GiB, the last transaction of a
# load of 1000 times the seeds from nothing; neo4j-dev/README.md), and the
# JVM options Neo4j's own launcher passes: without the --add-opens the page
# cache and the transaction log fall back to slower paths and log warnings.
NEO4J_DEV_JAVA_OPTS ?= -Xms256m -Xmx5g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow \
  -Dfile.encoding=UTF-8 -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
NEO4J_DEV_PID       := $(NEO4J_DEV_HOME)/neo4j.pid
NEO4J_DEV_LOG       := $(NEO4J_DEV_HOME)/neo4j.log
NEO4J_DEV_MAIN      := org.peacegraph.neo4jdev.Main
NEO4J_DEV_BUILT     := neo4j-dev/target/.built

# Rebuilt only when the project changes; after the first build every start
# runs from neo4j-dev/target with no network.
$(NEO4J_DEV_BUILT): neo4j-dev/pom.xml $(shell find neo4j-dev/src -type f 2>/dev/null)
	@command -v $(NEO4J_DEV_MVN) >/dev/null || { echo "neo4j-dev: Maven ($(NEO4J_DEV_MVN)) is needed for the first build" >&2; exit 1; }
	@echo "neo4j-dev: building (the first build downloads Neo4j from Maven Central; log in .neo4j/build.log)"
	@mkdir -p "$(NEO4J_DEV_HOME)"
	@cd neo4j-dev && $(NEO4J_DEV_MVN) -B clean package -DskipTests >"$(NEO4J_DEV_HOME)/build.log" 2>&1 || \
	  { echo "neo4j-dev: build failed; last lines of $(NEO4J_DEV_HOME)/build.log:" >&2; tail -n 40 "$(NEO4J_DEV_HOME)/build.log" >&2; exit 1; }
	@touch $@

# The server runs in its own session (setsid, where there is one) so that a
# Ctrl-C in the terminal that ran neo4j-up does not reach it.
# Shell helpers shared by the recipes below. neo4j_ours: the pid file names
# a live neo4j-dev process (the command line check guards against a reused
# pid). neo4j_answers: something accepts TCP on the Bolt port.
NEO4J_DEV_SH = \
  neo4j_pid() { cat "$(NEO4J_DEV_PID)" 2>/dev/null; }; \
  neo4j_ours() { p=$$(neo4j_pid); [ -n "$$p" ] && kill -0 "$$p" 2>/dev/null && ps -p "$$p" -o args= 2>/dev/null | grep -q "$(NEO4J_DEV_MAIN)"; }; \
  neo4j_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$(NEO4J_DEV_PORT)") 2>/dev/null; }

.PHONY: neo4j-build
neo4j-build: $(NEO4J_DEV_BUILT) ## Build neo4j-dev (Neo4j Community in-process) if needed.

.PHONY: neo4j-up
neo4j-up: ## Start Neo4j on 127.0.0.1:$NEO4J_DEV_PORT (default 7687) in the background; returns once Bolt answers.
	@$(NEO4J_DEV_SH); \
	if neo4j_ours; then echo "neo4j-dev: already running (pid $$(neo4j_pid)) on 127.0.0.1:$(NEO4J_DEV_PORT)"; exit 0; fi; \
	if neo4j_answers; then echo "neo4j-dev: 127.0.0.1:$(NEO4J_DEV_PORT) already answers (a server not started from this checkout); using it"; exit 0; fi; \
	$(MAKE) -s --no-print-directory $(NEO4J_DEV_BUILT) || exit 1; \
	mkdir -p "$(NEO4J_DEV_HOME)"; : >"$(NEO4J_DEV_LOG)"; \
	NEO4J_DEV_HOME="$(NEO4J_DEV_HOME)" NEO4J_DEV_PORT="$(NEO4J_DEV_PORT)" NEO4J_DEV_PASSWORD="$(NEO4J_DEV_PASSWORD)" \
	  $$(command -v setsid) nohup $(NEO4J_DEV_JAVA) $(NEO4J_DEV_JAVA_OPTS) -cp 'neo4j-dev/target/classes:neo4j-dev/target/lib/*' $(NEO4J_DEV_MAIN) \
	  >>"$(NEO4J_DEV_LOG)" 2>&1 </dev/null & \
	echo $$! >"$(NEO4J_DEV_PID)"; \
	echo "neo4j-dev: starting (pid $$(neo4j_pid), log $(NEO4J_DEV_LOG))"; \
	for i in $$(seq 1 $(NEO4J_DEV_TIMEOUT)); do \
	  if ! neo4j_ours; then echo "neo4j-dev: exited during start; last lines of $(NEO4J_DEV_LOG):" >&2; tail -n 40 "$(NEO4J_DEV_LOG)" >&2; rm -f "$(NEO4J_DEV_PID)"; exit 1; fi; \
	  if grep -q 'bolt listening' "$(NEO4J_DEV_LOG)" && neo4j_answers; then echo "neo4j-dev: ready on bolt://127.0.0.1:$(NEO4J_DEV_PORT) after $${i}s"; exit 0; fi; \
	  sleep 1; \
	done; \
	echo "neo4j-dev: Bolt did not answer within $(NEO4J_DEV_TIMEOUT)s; last lines of $(NEO4J_DEV_LOG):" >&2; \
	tail -n 40 "$(NEO4J_DEV_LOG)" >&2; exit 1

.PHONY: neo4j-down
neo4j-down: ## Stop the Neo4j started by neo4j-up (SIGTERM, then SIGKILL after 45 s).
	@$(NEO4J_DEV_SH); \
	if ! neo4j_ours; then echo "neo4j-dev: not running"; rm -f "$(NEO4J_DEV_PID)"; exit 0; fi; \
	p=$$(neo4j_pid); kill -TERM "$$p"; \
	for i in $$(seq 1 45); do kill -0 "$$p" 2>/dev/null || { rm -f "$(NEO4J_DEV_PID)"; echo "neo4j-dev: stopped (pid $$p)"; exit 0; }; sleep 1; done; \
	echo "neo4j-dev: pid $$p ignored SIGTERM for 45s; killing it" >&2; kill -KILL "$$p" 2>/dev/null; rm -f "$(NEO4J_DEV_PID)"

.PHONY: neo4j-reset
neo4j-reset: neo4j-down ## Stop Neo4j and wipe its data (.neo4j/data); neo4j-up starts it empty.
	rm -rf "$(NEO4J_DEV_HOME)/data"
	@echo "neo4j-dev: data wiped"

.PHONY: neo4j-status
neo4j-status: ## Say whether Neo4j is running and answering; exits non-zero when Bolt does not answer.
	@$(NEO4J_DEV_SH); \
	if neo4j_ours; then echo "neo4j-dev: running (pid $$(neo4j_pid))"; else echo "neo4j-dev: not started from this checkout"; fi; \
	if neo4j_answers; then echo "neo4j-dev: bolt://127.0.0.1:$(NEO4J_DEV_PORT) answers"; else echo "neo4j-dev: nothing answers on 127.0.0.1:$(NEO4J_DEV_PORT)"; exit 1; fi
