# Taawun: the two commands a newcomer needs are `make run` and `make check` (see README.md).

.PHONY: all deps build web run check check-format check-web check-asan bench eval format clean

DB ?= var/taawun.db
PORT ?= 8080

all: build

deps:
	scripts/install-deps

build: deps
	cmake --preset default
	cmake --build --preset default

# The front end: installs the locked npm packages when they changed, then builds web/dist.
web:
	@if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then \
	  cd web && npm ci --no-audit --no-fund --loglevel=error; fi
	cd web && npm run --silent build

# Creates the demo database on first use, then serves it.
run: build web
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then build/taawun demo --db $(DB); else \
	  echo "Using $(DB) (delete it for fresh demo data). Demo users: ma|fr|be|es.prosecutor, .liaison, .analyst, .auditor, .admin; password taawun-demo-pass"; fi
	@echo "Taawun on http://localhost:$(PORT)/"
	build/taawun serve --db $(DB) --port $(PORT) --web web/dist

check: build web
	$(MAKE) --no-print-directory check-format
	ctest --preset default -j2
	$(MAKE) --no-print-directory check-web

# Front-end unit tests (vitest) and browser tests (playwright-core driving Debian's chromium).
check-web:
	cd web && npm test
	tests/e2e/run

check-asan: deps
	cmake --preset asan
	cmake --build --preset asan
	ctest --preset asan -j2

bench: build
	bench/http/run build
	@if [ -x bench/match/run-bench ]; then bench/match/run-bench build; fi
	bench/match/run-score build
	bench/register/run build

eval: build
	bench/match/run-eval build

format:
	find src tests bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

# Fails on any C++ file that `make format` would change (the repo's .clang-format, Debian's clang-format 14).
check-format:
	find src tests bench -name '*.h' -o -name '*.cc' | xargs clang-format --dry-run -Werror

clean:
	rm -rf build build-asan
