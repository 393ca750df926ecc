# IOP Outcomes: `make demo` runs the sample program end to end, `make test` runs the tests.
SHELL := /bin/bash
SYSTEM_PACKAGES := libcairo2-dev libpango1.0-dev libsqlite3-dev fonts-dejavu-core poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN_DIR = $(shell swift build -c release --show-bin-path)
OUT ?= out

.PHONY: deps build release test demo bench sample-data gallery clean

## Installs the Debian packages the build needs, when any is missing.
deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

release: deps
	swift build -c release

test: deps
	swift test

## Builds, generates nothing new (SampleData/ is committed), loads the sample program and writes every output into out/.
demo: release
	$(BIN_DIR)/iop-outcomes demo --out $(OUT)

## Regenerates the committed sample program (deterministic: same seed, same bytes).
sample-data: release
	$(BIN_DIR)/iop-outcomes sample-data --episodes 300 --seed 2026 --end 2026-10-31 --with-variants --out SampleData

## Measures ingest on a generated network and the reports (sample program and network); BENCH_EPISODES=400000 for 4x.
BENCH_EPISODES ?= 100000
bench: release
	$(BIN_DIR)/iop-bench $(BENCH_EPISODES) bench-out

clean:
	rm -rf .build $(OUT)
