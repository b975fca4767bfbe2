"""Turning a host name into IP addresses, with a timeout; injectable so tests never touch DNS."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from typing import Protocol

from summarizer.errors import FetchError, FetchTimeout
from summarizer.net.policy import IPAddress

log = logging.getLogger(__name__)


class Resolver(Protocol):
    """Anything that answers a host name with its addresses (the fetcher checks all of them)."""

    async def __call__(self, host: str, port: int) -> list[IPAddress]: ...


class SystemResolver:
    """The operating system's resolver (getaddrinfo in a thread), bounded by `timeout_s`."""

    def __init__(self, timeout_s: float = 5.0) -> None:
        self.timeout_s = timeout_s

    async def __call__(self, host: str, port: int) -> list[IPAddress]:
        """Return every distinct address `host` resolves to, in the resolver's order."""
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self.timeout_s):
                answers = await loop.getaddrinfo(
                    host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
                )
        except TimeoutError:
            raise FetchTimeout(f"looking up {host} took too long") from None
        except (socket.gaierror, UnicodeError) as exc:
            log.debug("lookup of %s failed: %s", host, exc)
            raise FetchError(f"could not find the server {host}") from None
        addresses: list[IPAddress] = []
        for _family, _type, _proto, _canonname, sockaddr in answers:
            address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
            if address not in addresses:
                addresses.append(address)
        if not addresses:
            raise FetchError(f"could not find the server {host}")
        return addresses
