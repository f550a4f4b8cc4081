"""Shared test set-up: the generated package on sys.path, a sealed-off fake AWS
environment, and a moto server on 127.0.0.1 for the end-to-end tests.

Everything at module level runs when pytest imports this file, i.e. before any
test module (and before any boto3 client) exists, in every xdist worker.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from .helpers import GENERATED, on_moto

# (a) `import aws_typed` resolves to the committed generated package.
while str(GENERATED) in sys.path:
    sys.path.remove(str(GENERATED))
sys.path.insert(0, str(GENERATED))

# (b) Fake credentials and region for the whole session; nothing from the
# developer's machine (profiles, config files, endpoint overrides) leaks in.
FAKE_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
}
_UNSET = (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_CA_BUNDLE",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
)
for _name in list(os.environ):
    if _name in _UNSET or _name.startswith("AWS_ENDPOINT_URL") or _name.startswith("AWS_CONTAINER_"):
        del os.environ[_name]
os.environ.update(FAKE_ENV)


# Last line of defence: no socket in the test process may resolve a host name
# (other than localhost) or connect anywhere but the loopback interface (or a
# local unix socket).  A test that would reach a real AWS endpoint fails at once
# with NonLocalConnectionError -- a RuntimeError, which neither urllib3 nor
# botocore's retry logic treats as retryable -- instead of going out.
class NonLocalConnectionError(RuntimeError):
    """A test tried to open a network connection off 127.0.0.1."""


def _is_loopback(address: Any) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX path or abstract name
        return True
    host = address[0]
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_local_name(host: Any) -> bool:
    if host is None or host in ("localhost", b"localhost"):
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    try:
        ipaddress.ip_address(str(host).split("%", 1)[0])
    except ValueError:
        return False
    return True  # an address literal needs no DNS; connect() checks where it goes


_real_getaddrinfo = socket.getaddrinfo
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if not _is_loopback(address):
        raise NonLocalConnectionError(f"test tried to connect to {address!r}; only 127.0.0.1 is allowed")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> Any:
    if not _is_loopback(address):
        raise NonLocalConnectionError(f"test tried to connect to {address!r}; only 127.0.0.1 is allowed")
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not _is_local_name(host):
        raise NonLocalConnectionError(f"test tried to resolve {host!r}; only 127.0.0.1 is allowed")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = _guarded_getaddrinfo
socket.socket.connect = _guarded_connect  # type: ignore[method-assign,assignment]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign,assignment]

HOST = "127.0.0.1"


@pytest.fixture(scope="session", autouse=True)
def _fake_aws_environment() -> Iterator[None]:
    """Re-assert the fake environment for the session (guards against tests that
    changed it without restoring)."""
    for name in _UNSET:
        os.environ.pop(name, None)
    os.environ.update(FAKE_ENV)
    yield


# (c) moto server -------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _start_moto(port: int, timeout: float = 30.0) -> Any:
    """Start a ThreadedMotoServer on HOST:port; raise OSError if it cannot bind.

    ThreadedMotoServer.start() waits forever when binding fails (the thread dies
    before signalling readiness), so we run the server entry ourselves and
    report the bind error back."""
    from moto.server import ThreadedMotoServer

    class _Server(ThreadedMotoServer):
        startup_error: BaseException | None = None

        def _server_entry(self) -> None:
            try:
                super()._server_entry()
            except BaseException as exc:  # bind failure: wake start() up
                self.startup_error = exc
                self._server_ready_event.set()

    server = _Server(ip_address=HOST, port=port, verbose=False)
    server._thread = threading.Thread(target=server._server_entry, daemon=True, name=f"moto-{port}")
    server._thread.start()
    if not server._server_ready_event.wait(timeout):
        raise OSError(f"moto server on {HOST}:{port} did not start within {timeout}s")
    if server.startup_error is not None:
        server._thread.join(5)
        raise OSError(f"moto server could not bind {HOST}:{port}: {server.startup_error!r}")
    return server


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    """A moto server on a free 127.0.0.1 port for this session (per xdist worker);
    yields its endpoint URL."""
    last: OSError | None = None
    for _ in range(10):
        port = _free_port()
        try:
            server = _start_moto(port)
        except OSError as exc:  # someone grabbed the port in between: try another
            last = exc
            time.sleep(0.05)
            continue
        break
    else:
        raise RuntimeError(f"could not start the moto server: {last!r}")
    host, bound = server.get_host_and_port()
    assert host == HOST and bound == port
    try:
        yield f"http://{HOST}:{port}"
    finally:
        server.stop()


def _reset_moto(endpoint: str) -> None:
    request = urllib.request.Request(f"{endpoint}/moto-api/reset", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200, response.status


@pytest.fixture
def moto_reset(moto_server: str) -> Iterator[str]:
    """Fresh moto state for one test: resets before (and after) it."""
    _reset_moto(moto_server)
    yield moto_server
    _reset_moto(moto_server)


# (d) typed clients on the moto server -----------------------------------------


@pytest.fixture
def typed_client(moto_reset: str) -> Iterator[Callable[..., Any]]:
    """Factory: typed_client(aws_typed.s3, **kwargs) -> S3Client on the moto server.

    `service_module` is a generated service package (or its name, e.g. "lambda_").
    kwargs go to the module's client(...) factory; endpoint_url is always the
    local moto server."""
    yield from on_moto(moto_reset, "client", lambda client: client.close())
