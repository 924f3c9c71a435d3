# peacegraph: the commands a developer needs. `make help` lists them.
SHELL := /bin/bash
GO    ?= go

.PHONY: help
help: ## List the targets.
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

# --- Neo4j for development and tests (neo4j-dev/) ---------------------------
# (neo4j-up, neo4j-down, neo4j-reset: see below)
