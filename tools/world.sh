#!/usr/bin/env bash
# The world matrix (issue 13): what users have, beyond the pinned development environment.
# Run by .ci/run after `make test` (which made .venv), and by `make world`:
#
#   latest  .venv-latest: the newest botocore and boto3 from the package index (unpinned),
#           the project's [world] extra (pytest, the five checkers) at constraints.txt;
#           every service generated into a temporary directory with it and with the pinned
#           botocore (.venv), every
#           public name compared (tools/public_names.py), the parity suite (tests/parity,
#           every service) and the typing snippets (five checkers) against the newest.
#   pythons the committed generated/ on every Python 3.10-3.13 found (tests/compat, marked
#           compat; virtual envs cached in .venv-py/).
#   stubs   .venv-stubs: the pinned botocore, [world], plus typed boto3 (types-boto3, no service
#           extras: botocore-stubs, types-s3transfer); the typing snippets again.
#
# generated/ (the golden output of the pinned botocore) is never written: it is
# fingerprinted before and compared after, and on CI `git diff --exit-code generated` too.
# WORLD_STEPS="latest pythons stubs" picks steps; each prints its time.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
STEPS=${WORLD_STEPS:-latest pythons stubs}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/botoloom-world.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PYTEST_OPTS=(-p no:cacheprovider -n 2 -q)
STARTED=$(date +%s)

say() { printf 'world: %s\n' "$*"; }
status=0
timed() {  # timed NAME command...: run, print its wall time; a failure fails the stage
    local name=$1 start=$SECONDS rc=0
    shift
    "$@" || rc=$?
    if [ $rc = 0 ]; then
        say "$name: $((SECONDS - start)) s"
    else
        say "$name: FAILED (exit $rc) after $((SECONDS - start)) s"
        status=1
    fi
    return 0
}
fingerprint() { find generated -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum; }

# Virtual envs are made with uv (a dev dependency, in .venv): seconds where pip takes minutes.
UV=.venv/bin/uv
pip_install() {  # pip_install DIR ARGS...: install into DIR's interpreter
    local dir=$1
    shift
    if [ -x "$UV" ]; then
        "$UV" pip install --quiet --python "$dir/bin/python" "$@"
    else
        "$dir/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
    fi
}
pip_list() {  # pip_list DIR: "name version" lines of DIR's interpreter
    if [ -x "$UV" ]; then
        "$UV" pip list --python "$1/bin/python" 2>/dev/null
    else
        "$1/bin/python" -m pip list --disable-pip-version-check 2>/dev/null
    fi
}
# venv DIR STAMP-TEXT ARGS...: (re)make DIR when its stamp differs, installing ARGS.
venv() {
    local dir=$1 stamp=$2
    shift 2
    if [ ! -x "$dir/bin/python" ] || [ "$(cat "$dir/.botoloom-stamp" 2>/dev/null)" != "$stamp" ]; then
        rm -rf "$dir"
        if [ -x "$UV" ]; then
            "$UV" venv --quiet --python "$("$PYTHON" -c "import sys; print(sys.executable)")" "$dir"
        else
            "$PYTHON" -m venv "$dir"
        fi
        pip_install "$dir" "$@"
        printf '%s' "$stamp" >"$dir/.botoloom-stamp"
    fi
}

[ -x .venv/bin/python ] && [ -x "$UV" ] || make venv
BEFORE=$(fingerprint)

step_latest() {
    # constraints.txt without the pins of botocore, boto3 and s3transfer (boto3's own).
    grep -v -i -E '^(botocore|boto3|s3transfer)==' constraints.txt >"$WORK/constraints-latest.txt"
    timed "latest: venv" venv .venv-latest "$(cat pyproject.toml constraints.txt | sha256sum)" \
        -c "$WORK/constraints-latest.txt" -e '.[world]'
    timed "latest: pip install -U botocore boto3" pip_install .venv-latest -U botocore boto3
    [ -x .venv-latest/bin/python ] || return 0
    local latest pinned
    latest=$(.venv-latest/bin/python -c 'import botocore; print(botocore.__version__)')
    pinned=$(.venv/bin/python -c 'import botocore; print(botocore.__version__)')
    say "botocore: pinned $pinned, newest $latest"

    # Both generations at once, one core each (~10 s of CPU apiece on an idle machine).
    gen() { "$1" -m generator --all --aio --output "$2" --package aws_typed --quiet --jobs 1; }
    timed "latest: botoloom --all with $latest and with $pinned" bash -c "
        $(declare -f gen)
        gen .venv-latest/bin/python '$WORK/latest' & a=\$!
        gen .venv/bin/python '$WORK/pinned' & b=\$!
        wait \$a && wait \$b"
    timed "latest: public names listed" bash -c "
        .venv-latest/bin/python tools/public_names.py list '$WORK/latest/aws_typed' -o '$WORK/latest.json' & a=\$!
        .venv/bin/python tools/public_names.py list '$WORK/pinned/aws_typed' -o '$WORK/pinned.json' & b=\$!
        wait \$a && wait \$b"
    timed "latest: public names compared" \
        .venv/bin/python tools/public_names.py diff "$WORK/pinned.json" "$WORK/latest.json" --show 60
    # Parity: every service, as in make test (tests/parity generates its own copy);
    # typing snippets: five checkers against the package generated with the newest botocore.
    timed "latest: parity and typing snippets with botocore $latest" \
        env BOTOLOOM_TYPING_GENERATED="$WORK/latest" .venv-latest/bin/python -m pytest "${PYTEST_OPTS[@]}" \
        tests/parity/test_parity.py tests/typing/test_typing.py
}

step_pythons() {
    timed "pythons: generated/ on Python 3.10-3.13" \
        .venv/bin/python -m pytest "${PYTEST_OPTS[@]}" -rs -m compat tests/compat
}

step_stubs() {
    timed "stubs: venv" venv .venv-stubs "$(cat pyproject.toml constraints.txt | sha256sum)" \
        -c constraints.txt -e '.[world]' types-boto3 botocore-stubs types-s3transfer
    local typed
    typed=$(pip_list .venv-stubs | awk '/^(types-boto3|botocore-stubs|types-s3transfer) / {printf "%s %s  ", $1, $2}')
    say "typed boto3 in .venv-stubs: $typed"
    case $typed in *types-boto3*) ;; *) say "types-boto3 is not installed in .venv-stubs"; status=1 ;; esac
    timed "stubs: typing snippets with typed boto3 (types-boto3) installed" \
        .venv-stubs/bin/python -m pytest "${PYTEST_OPTS[@]}" tests/typing/test_typing.py
}

for step in $STEPS; do
    say "== $step"
    "step_$step"
done

if [ "$(fingerprint)" != "$BEFORE" ]; then
    say "generated/ was changed by this stage: it must only ever be written by make generate"
    status=1
fi
if [ "${CI:-}" = "true" ]; then
    git diff --exit-code --stat -- generated || { say "generated/ differs from the commit"; status=1; }
fi
say "total $(($(date +%s) - STARTED)) s, $([ $status = 0 ] && echo ok || echo FAILED)"
exit $status
