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
test: ## Every check CI makes: Neo4j up, vet, formatting, generated code, race tests on both stores, GraphQL-over-HTTP audit.
	@$(MAKE) --no-print-directory neo4j-up
	@status=0; \
	  $(MAKE) --no-print-directory check unit audit NEO4J_URI=$(NEO4J_TEST_URI) CI=true || status=$$?; \
	  $(MAKE) --no-print-directory neo4j-down; \
	  exit $$status

# --- The pieces ----------------------------------------------------------------

NEO4J_TEST_URI ?= bolt://127.0.0.1:$(or $(NEO4J_DEV_PORT),7687)
AUDIT_ADDR     ?= 127.0.0.1:18080

.PHONY: build
build: ## Build bin/peacegraph.
	$(GO) build -o bin/peacegraph ./cmd/peacegraph

.PHONY: generate
generate: ## Regenerate the gqlgen code from schema.graphqls.
	$(GO) generate ./graph/...

.PHONY: check
check: ## go vet, gofmt, and that the generated code is current.
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	@$(MAKE) --no-print-directory check-generated

.PHONY: check-generated
check-generated: ## Fail when the committed gqlgen code differs from what the schema generates.
	@$(MAKE) --no-print-directory generate
	@if [ -n "$$(git status --porcelain -- graph gqlgen.yml schema.graphqls)" ]; then \
	  echo "generated code is stale: run 'make generate' and commit the result"; \
	  git status --porcelain -- graph; git --no-pager diff --stat -- graph; exit 1; fi

.PHONY: unit
unit: ## go test with the race detector (uses Neo4j at NEO4J_URI when reachable; CI=true makes it required).
	$(GO) test -race -count=1 ./...

.PHONY: audit
audit: build ## The graphql-http audit against a real server: 0 MUST and 0 SHOULD failures.
	@cd scripts/audit && npm ci --no-audit --no-fund --silent
	@env -u NEO4J_URI ./bin/peacegraph serve --addr $(AUDIT_ADDR) --log-format json --log-level warn & pid=$$!; \
	  trap "kill $$pid 2>/dev/null; wait $$pid 2>/dev/null" EXIT; \
	  for i in $$(seq 1 100); do curl -fsS http://$(AUDIT_ADDR)/readyz >/dev/null 2>&1 && break; sleep 0.1; done; \
	  node scripts/audit/audit.mjs http://$(AUDIT_ADDR)/graphql

.PHONY: clean
clean: ## Remove build output.
	rm -rf bin

# --- Neo4j for development and tests (neo4j-dev/) ---------------------------
# (neo4j-up, neo4j-down, neo4j-reset: see below)
