"""A connection pinned to an address checked beforehand, and a watchdog for the total time."""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from newsdiff.articles.fetch.addresses import Target
from newsdiff.articles.fetch.errors import CONNECT_FAILED, CONNECT_TIMED_OUT, FetchError, detail


class PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to an address checked beforehand, not to whatever DNS says now.

    The Host header and TLS (SNI and certificate check) use the host name."""

    def __init__(self, target: Target, connect_seconds: float, deadline: float) -> None:
        super().__init__(target.host, target.port, timeout=connect_seconds)
        self.target = target
        self.connect_seconds = connect_seconds
        self.deadline = deadline

    def connect_checked(self, original: str) -> None:
        errors: list[str] = []
        for address in self.target.addresses:
            remaining = self.deadline - time.monotonic()
            try:
                sock = socket.create_connection(
                    (address, self.target.port), timeout=min(self.connect_seconds, remaining)
                )
            except TimeoutError:
                errors.append(CONNECT_TIMED_OUT.format(seconds=self.connect_seconds))
                continue
            except (OSError, ValueError) as error:
                errors.append(CONNECT_FAILED.format(detail=detail(error)))
                continue
            sock.settimeout(max(0.01, self.deadline - time.monotonic()))
            self.sock = self._secured(sock, original) if self.target.https else sock
            return
        raise FetchError(
            original, errors[-1] if errors else CONNECT_FAILED.format(detail="no address")
        )

    def connect(self) -> None:  # http.client calls this only when no socket is set
        raise http.client.NotConnected("connect_checked() must run first")

    def _secured(self, sock: socket.socket, original: str) -> socket.socket:
        try:
            return ssl.create_default_context().wrap_socket(sock, server_hostname=self.target.host)
        except (ssl.SSLError, OSError) as error:
            sock.close()
            raise FetchError(original, CONNECT_FAILED.format(detail=detail(error))) from error


@contextmanager
def watchdog(connection: PinnedConnection, deadline: float) -> Iterator[threading.Event]:
    """Shut the connection's socket at the deadline, whatever it is waiting for; the event
    yielded is set when it did (what was read by then is cut short and must not be used)."""
    fired = threading.Event()

    def expire() -> None:
        fired.set()
        sock = connection.sock
        if sock is not None:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(max(0.0, deadline - time.monotonic()), expire)
    timer.daemon = True
    timer.start()
    try:
        yield fired
    finally:
        timer.cancel()
