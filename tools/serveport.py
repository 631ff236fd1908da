"""Can `make serve` listen on HOST:PORT? ``python -m tools.serveport --host H --port P``.

`make serve` runs this before anything else. MkDocs' own server finds a busy port only after the
generator and a whole site build have run, and then ends in an ``OSError`` traceback; this says in
one line what is wrong and what to type instead, and exits 2 (a usage error, as the generator's
command line does). Exit 0 means the address could be bound and listened on a moment ago.

The check binds and listens the way MkDocs' server does (``SO_REUSEADDR``, so a port left in
TIME_WAIT by a server just stopped counts as free, and the address family MkDocs picks for the
host), then lets the port go. Another program could take the port before MkDocs binds it, after
the generator's and MkDocs' builds (seconds here, minutes for a large archive); MkDocs then fails
as it did before this check, which is rare enough for a preview server.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import socket
import sys

DEFAULT_HOST = "127.0.0.1"
SEARCH_AHEAD = 100  # how many ports above a busy one are tried for a free one to suggest


class AddressError(Exception):
    """HOST or PORT cannot be served on; the message says why and what to do."""


def parse_host(host: str) -> socket.AddressFamily:
    """The address family MkDocs' server uses for ``host``, which MkDocs accepts only as an IP
    address or ``localhost`` (mkdocs.config.config_options.IpAddress)."""
    if host == "localhost":
        return socket.AF_INET
    try:
        address = ipaddress.ip_address(host.removeprefix("[").removesuffix("]"))
    except ValueError:
        raise AddressError(f"HOST={host!r} is not an IP address: MkDocs serves on an address such as "
                           f"127.0.0.1 (this machine only), 0.0.0.0 (every interface) or localhost") from None
    return socket.AF_INET6 if address.version == 6 else socket.AF_INET


def parse_port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise AddressError(f"PORT={text!r} is not a port: give a number from 1 to 65535, e.g. make serve PORT=8001")
    return int(text)


def can_listen(family: socket.AddressFamily, host: str, port: int) -> OSError | None:
    """None when ``host:port`` can be bound and listened on; else the error binding raised."""
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), port))
            sock.listen()
        except OSError as error:
            return error
    return None


def free_port_after(family: socket.AddressFamily, host: str, port: int) -> int | None:
    for candidate in range(port + 1, min(port + SEARCH_AHEAD, 65535) + 1):
        if can_listen(family, host, candidate) is None:
            return candidate
    return None


def _make_serve(host: str, port: int | str) -> str:
    return f"make serve PORT={port}" + ("" if host == DEFAULT_HOST else f" HOST={host}")


def check(host: str, port_text: str) -> None:
    """Raise AddressError, with the message a user reads, unless ``host:port`` can be served on."""
    family, port = parse_host(host), parse_port(port_text)
    error = can_listen(family, host, port)
    if error is None:
        return
    if error.errno == errno.EADDRINUSE:
        other = free_port_after(family, host, port)
        instead = f"run {_make_serve(host, other)}" if other else f"run {_make_serve(host, 'N')} with a free port N"
        raise AddressError(f"port {port} is in use — {instead}, or stop the other server")
    if error.errno == errno.EACCES:
        raise AddressError(f"port {port} needs more rights than you have (ports below 1024 usually need root)"
                           f" — run {_make_serve(host, 8000)}")
    if error.errno == errno.EADDRNOTAVAIL:
        raise AddressError(f"HOST={host} is not an address of this machine — use {DEFAULT_HOST} (this machine"
                           f" only) or 0.0.0.0 (every interface)")
    raise AddressError(f"cannot listen on {host}:{port}: {error.strerror or error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Say whether `make serve` can listen on HOST:PORT (exit 0), "
                                     "or why not and what to type instead (exit 2).")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"the address to serve on (default {DEFAULT_HOST})")
    parser.add_argument("--port", default="8000", help="the port to serve on (default 8000)")
    args = parser.parse_args(argv)
    try:
        check(args.host, args.port)
    except AddressError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
