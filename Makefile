# Every habit as a target. A fresh machine needs only python3: each target creates .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
REFERENCE := s3 sqs dynamodb ec2 iam sns cloudformation cloudwatch glacier lambda apigatewayv2 wafv2 glue
PYTEST_ARGS ?=
OWN_CODE := generator tests tools bench

.PHONY: venv generate check test typecheck typecheck-all bench world bench-checkers clean

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

## generate: regenerate the committed reference services into generated/ (with their aio modules)
generate: $(STAMP)
	$(BIN)/botoloom --services $(REFERENCE) --output generated --package aws_typed --aio

## check: fail with a diff when generated/ is not what the generator produces; the generator's
## own code formatted and linted with ruff ([tool.ruff] in pyproject.toml; also a test)
check: $(STAMP)
	$(BIN)/botoloom --services $(REFERENCE) --output generated --package aws_typed --aio --check
	$(BIN)/ruff format --check $(OWN_CODE)
	$(BIN)/ruff check $(OWN_CODE)

## test: the whole test suite (unit, golden, typing, run-time, end-to-end on moto)
test: $(STAMP)
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

## typecheck: mypy --strict (in full: on a copy without the mypy pragma; the .pyi stubs, then the .py
## modules on the copy without the stubs) and pyright over generated/
typecheck: $(STAMP)
	rm -rf .typecheck && mkdir .typecheck && cp -r generated/aws_typed .typecheck/
	$(BIN)/python -m generator.text.pragma .typecheck
	cd .typecheck && ../$(BIN)/mypy --strict aws_typed
	$(BIN)/python -m generator.text.pragma --no-stubs .typecheck
	cd .typecheck && ../$(BIN)/mypy --strict aws_typed
	$(BIN)/pyright generated

## typecheck-all: every botocore service into a temporary directory, then mypy --strict and pyright
## over all of it, one checker after the other, each with its time and peak memory (~6 min, 4 GiB).
## TYPECHECK_ARGS="--shard 3/8", "--services s3 ec2", "--checker mypy", "--keep DIR"
typecheck-all: $(STAMP)
	$(BIN)/python tools/typecheck_all.py $(TYPECHECK_ARGS)

## bench: side by side with mypy-boto3-builder and boto3-stubs (installed under bench/.peers) -> BENCHMARKS.md
## (BENCH_RUNS=5 runs per measure, BENCH_ALL_RUNS=3 all-services generations; quick: BENCH_RUNS=3 BENCH_ALL_RUNS=1)
bench: $(STAMP)
	sh bench/bench.sh

## world: the world matrix (tools/world.sh; CI runs it after make test): newest botocore/boto3 from
## the package index in .venv-latest (every service generated, public names compared with the pinned
## botocore's, parity, typing snippets), generated/ on Python 3.10-3.13 (.venv-py/), typed boto3
## beside (.venv-stubs). Never writes generated/. WORLD_STEPS="latest pythons stubs" picks steps.
world: $(STAMP)
	bash tools/world.sh

## bench-checkers: each type checker's time on the golden package (median of 3) -> BENCHMARKS.md figures
bench-checkers: $(STAMP)
	$(BIN)/python tools/bench_checkers.py --write

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .typecheck
