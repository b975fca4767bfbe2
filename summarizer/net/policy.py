"""Which IP addresses Skim may connect to: the SSRF policy, kept apart from the HTTP code."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Checked in addition to `is_global`, which has been wrong before (e.g. 100.64/10 in old Pythons)
# and which does not know about transition prefixes that can smuggle an inner IPv4 address.
BLOCKED_NETWORKS: tuple[IPNetwork, ...] = tuple(
    ipaddress.ip_network(cidr)
    for cidr in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::1/128",
        "::/128",
        "::ffff:0:0/96",
        "fe80::/10",
        "fc00::/7",
        "ff00::/8",
        "64:ff9b::/96",
        "64:ff9b:1::/48",
        "2001::/32",
        "2002::/16",
        "2001:db8::/32",
    )
)

_NAT64_PREFIXES = (
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("64:ff9b:1::/48"),
)

# One part of an inet_aton-style IPv4 literal: decimal, 0x-hex or 0-octal.
_IPV4_PART = re.compile(r"^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$")


@dataclass(frozen=True)
class AddressVerdict:
    """Whether an address may be reached; `reason` completes "<address> is ..." when not."""

    address: IPAddress
    allowed: bool
    reason: str = ""


def parse_ip_literal(host: str) -> IPAddress | None:
    """Return the IP a host string spells, in any spelling a resolver would accept, else None.

    Covers dotted quads, bracketed or bare IPv6, and the inet_aton forms browsers and libc accept
    (`127.1`, `0x7f000001`, `2130706433`, `0177.0.0.1`), so none of them can dodge the policy.
    """
    candidate = host.strip().rstrip(".")
    if candidate.startswith("[") and candidate.endswith("]"):
        candidate = candidate[1:-1]
    if "%" in candidate:  # an IPv6 zone id never names a public host
        candidate = candidate.split("%", 1)[0]
    try:
        return ipaddress.ip_address(candidate)
    except ValueError:
        pass
    return _parse_inet_aton(candidate)


def _parse_inet_aton(text: str) -> ipaddress.IPv4Address | None:
    """Parse the legacy 1-to-4-part numeric IPv4 forms; None when the text is not one."""
    parts = text.split(".")
    if not 1 <= len(parts) <= 4 or not all(_IPV4_PART.match(part) for part in parts):
        return None
    numbers: list[int] = []
    for part in parts:
        if part[:2].lower() == "0x":
            numbers.append(int(part[2:] or "0", 16))
        elif len(part) > 1 and part.startswith("0"):
            numbers.append(int(part, 8))
        else:
            numbers.append(int(part))
    *leading, last = numbers
    if any(number > 0xFF for number in leading):
        return None
    if last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for index, number in enumerate(leading):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def embedded_addresses(address: IPAddress) -> list[IPAddress]:
    """Return the address and every IPv4 address wrapped inside it (mapped, 6to4, Teredo, NAT64)."""
    found: list[IPAddress] = [address]
    if isinstance(address, ipaddress.IPv4Address):
        return found
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        server, client = address.teredo
        found.extend((server, client))
    if any(address in prefix for prefix in _NAT64_PREFIXES):
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    # IPv4-compatible (::a.b.c.d, deprecated) still routes to the inner address on some stacks.
    if int(address) >> 32 == 0 and int(address) > 1:
        found.append(ipaddress.IPv4Address(int(address)))
    return found


def check_address(address: IPAddress, allowed_networks: Sequence[IPNetwork] = ()) -> AddressVerdict:
    """Decide whether Skim may connect to `address`; `allowed_networks` are operator exemptions."""
    # Inner addresses first: "wraps 10.0.0.1" says more than "is in 2002::/16".
    for form in reversed(embedded_addresses(address)):
        if _in_any(form, allowed_networks):
            continue
        blocked_by = next((net for net in BLOCKED_NETWORKS if form in net), None)
        if blocked_by is not None:
            return AddressVerdict(
                address,
                False,
                _describe(address, form, f"a private or reserved address ({blocked_by})"),
            )
        if not form.is_global:
            return AddressVerdict(address, False, _describe(address, form, "not a public address"))
    return AddressVerdict(address, True)


def check_addresses(
    addresses: Iterable[IPAddress], allowed_networks: Sequence[IPNetwork] = ()
) -> AddressVerdict | None:
    """Return the first refused verdict among `addresses`, or None when every one is allowed."""
    for address in addresses:
        verdict = check_address(address, allowed_networks)
        if not verdict.allowed:
            return verdict
    return None


def _in_any(address: IPAddress, networks: Sequence[IPNetwork]) -> bool:
    """Whether `address` lies in one of `networks` (of its own IP version)."""
    return any(address.version == net.version and address in net for net in networks)


def _describe(address: IPAddress, form: IPAddress, why: str) -> str:
    """The reason, phrased to follow "<address> is ..."."""
    if form == address:
        return why
    return f"an IPv6 form of {form}, {why}"
