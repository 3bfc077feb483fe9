# Taawun: the two commands a newcomer needs are `make run` and `make check` (see README.md).

.PHONY: all deps build run check check-asan bench eval format clean

DB ?= var/taawun.db
PORT ?= 8080

all: build

deps:
	scripts/install-deps

build: deps
	cmake --preset default
	cmake --build --preset default

# Creates the demo database on first use, then serves it.
run: build
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then build/taawun demo --db $(DB); else \
	  echo "Using $(DB) (delete it for fresh demo data). Demo users: ma|fr|be|es.prosecutor, .liaison, .analyst, .auditor, .admin; password taawun-demo-pass"; fi
	@echo "Taawun on http://localhost:$(PORT)/api/v1/health"
	build/taawun serve --db $(DB) --port $(PORT)

check: build
	ctest --preset default -j2

check-asan: deps
	cmake --preset asan
	cmake --build --preset asan
	ctest --preset asan -j2

bench: build
	bench/http/run build
	@if [ -x bench/match/run-bench ]; then bench/match/run-bench build; fi

eval: build
	bench/match/run-eval build

format:
	find src tests bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf build build-asan
