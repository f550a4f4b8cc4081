#!/bin/sh
# Install the peers in their own virtual environments under bench/.peers (never project deps):
#   builder: mypy-boto3-builder on Python 3.12, boto3/botocore pinned as in constraints.txt
#   stubs:   the project's Python, mypy, pyright and boto3 (same pins as .venv) plus the
#            boto3-stubs packages that the builder generates for s3 ec2 dynamodb sqs
# Re-runs are cheap: each environment has a stamp naming what it was built from.
set -eu
cd "$(dirname "$0")/.."
PEERS=bench/.peers
mkdir -p $PEERS bench/.work
BUILDER_SPEC=${BUILDER_SPEC:-mypy-boto3-builder==8.12.0}
STUBS_DEPS=${STUBS_DEPS:-botocore-stubs==1.43.14 types-s3transfer==0.19.3}
BOTO_PINS=$(grep -E '^(boto3|botocore)==' constraints.txt | tr '\n' ' ')

PY312=${PY312:-$(ls -d "$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"/versions/3.12*/bin/python3.12 2>/dev/null | tail -n 1)}
PY312=${PY312:-python3.12}
"$PY312" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null || { echo "bench: mypy-boto3-builder needs Python 3.12: install it (pyenv install 3.12) or set PY312=/path/to/python3.12" >&2; exit 2; }
PY311=$(.venv/bin/python -c 'import sys; print(sys._base_executable)')

stamp() { [ -f "$1/.stamp" ] && [ "$(cat "$1/.stamp")" = "$2" ]; }

want="$PY312 $BUILDER_SPEC $BOTO_PINS"
if ! stamp $PEERS/builder "$want"; then
    echo "bench: installing $BUILDER_SPEC into $PEERS/builder"
    rm -rf $PEERS/builder && "$PY312" -m venv $PEERS/builder
    $PEERS/builder/bin/pip install --quiet $BUILDER_SPEC $BOTO_PINS
    echo "$want" > $PEERS/builder/.stamp
fi

want="$PY311 $(cat $PEERS/builder/.stamp) $STUBS_DEPS $(sha1sum constraints.txt)"
if ! stamp $PEERS/stubs "$want"; then
    echo "bench: generating boto3-stubs (s3 ec2 dynamodb sqs) and installing them into $PEERS/stubs"
    src=bench/.work/stubs-src
    rm -rf $src $PEERS/stubs
    $PEERS/builder/bin/python -m mypy_boto3_builder $src --no-smart-version -s s3 ec2 dynamodb sqs >$src.log 2>&1 ||
        { tail -n 30 $src.log >&2; exit 1; }
    "$PY311" -m venv $PEERS/stubs
    $PEERS/stubs/bin/pip install --quiet -c constraints.txt mypy 'pyright[nodejs]' boto3 botocore $STUBS_DEPS $src/*_package
    echo "$want" > $PEERS/stubs/.stamp
fi

# aio: types-aiobotocore (the async peer) for s3 ec2 dynamodb sqs, with the same aiobotocore,
# mypy and pyright as .venv (bench/aio.py)
AIO_STUBS=${AIO_STUBS:-types-aiobotocore[s3,ec2,dynamodb,sqs]==3.9.0}
want="$PY311 $AIO_STUBS $(sha1sum constraints.txt)"
if ! stamp $PEERS/aio "$want"; then
    echo "bench: installing $AIO_STUBS into $PEERS/aio"
    rm -rf $PEERS/aio && "$PY311" -m venv $PEERS/aio
    $PEERS/aio/bin/pip install --quiet -c constraints.txt mypy 'pyright[nodejs]' aiobotocore "$AIO_STUBS"
    echo "$want" > $PEERS/aio/.stamp
fi
