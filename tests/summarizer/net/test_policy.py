"""The IP policy: every blocked range, wrapped forms and every spelling of an IP literal."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.net.policy import (
    BLOCKED_NETWORKS,
    check_address,
    check_addresses,
    embedded_addresses,
    parse_ip_literal,
)

ISSUE_LIST = [
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
    "fe80::/10",
    "fc00::/7",
    "ff00::/8",
    "64:ff9b::/96",
    "64:ff9b:1::/48",
    "2001::/32",
    "2002::/16",
    "2001:db8::/32",
]


def ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.ip_address(text)


@pytest.mark.parametrize("cidr", ISSUE_LIST)
def test_every_listed_network_is_refused(cidr: str) -> None:
    """First, last and a middle address of each network in the issue are refused."""
    network = ipaddress.ip_network(cidr)
    assert network in BLOCKED_NETWORKS
    for address in (network[0], network[network.num_addresses // 2], network[-1]):
        assert not check_address(address).allowed, address


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700::1111"])
def test_public_addresses_are_allowed(address: str) -> None:
    """Ordinary public addresses pass."""
    assert check_address(ip(address)).allowed


@pytest.mark.parametrize(
    ("wrapped", "inner"),
    [
        ("::ffff:10.0.0.1", "10.0.0.1"),  # IPv4-mapped
        ("2002:a9fe:a9fe::1", "169.254.169.254"),  # 6to4
        ("64:ff9b::7f00:1", "127.0.0.1"),  # NAT64 well-known prefix
        ("64:ff9b:1::c0a8:101", "192.168.1.1"),  # NAT64 local-use prefix
        ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "10.0.0.1"),  # Teredo: client is ~address
    ],
)
def test_wrapped_private_addresses_are_unwrapped_and_refused(wrapped: str, inner: str) -> None:
    """Transition forms hiding a private IPv4 address are refused, naming the inner address."""
    assert ip(inner) in embedded_addresses(ip(wrapped))
    verdict = check_address(ip(wrapped))
    assert not verdict.allowed
    assert inner in verdict.reason


@pytest.mark.parametrize(
    ("spelling", "address"),
    [
        ("127.1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0X7F.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("169.254.43518", "169.254.169.254"),
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1"),
        ("[::1]", "::1"),
        ("127.0.0.1.", "127.0.0.1"),
        ("fe80::1%eth0", "fe80::1"),
    ],
)
def test_ip_literal_spellings(spelling: str, address: str) -> None:
    """Every spelling libc or a browser would accept maps to the address it really names."""
    assert parse_ip_literal(spelling) == ip(address)


@pytest.mark.parametrize("host", ["example.com", "1.2.3.4.5", "256.256.256.256", "0x1g", "12a"])
def test_names_are_not_literals(host: str) -> None:
    """Host names (and invalid numbers) are left to the resolver, not guessed at."""
    assert parse_ip_literal(host) is None


def test_allow_list_exempts_only_its_networks() -> None:
    """127.0.0.0/8 on the allow-list lets loopback in and nothing else."""
    allowed = [ipaddress.ip_network("127.0.0.0/8")]
    assert check_address(ip("127.0.0.1"), allowed).allowed
    assert not check_address(ip("10.0.0.1"), allowed).allowed
    assert not check_address(ip("::1"), allowed).allowed
    refused = check_addresses([ip("127.0.0.1"), ip("10.0.0.1")], allowed)
    assert refused is not None
    assert refused.address == ip("10.0.0.1")
    assert check_addresses([ip("127.0.0.1"), ip("8.8.8.8")], allowed) is None


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_numeric_spellings_agree_with_the_dotted_quad(value: int) -> None:
    """Decimal, hex and dotted forms of one IPv4 address parse to the same address."""
    address = ipaddress.IPv4Address(value)
    assert parse_ip_literal(str(value)) == address
    assert parse_ip_literal(hex(value)) == address
    assert parse_ip_literal(str(address)) == address
    first, second = str(address).split(".")[:2]
    assert parse_ip_literal(f"{first}.{second}.{value & 0xFFFF}") == address


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_wrapped_forms_are_never_more_permissive(value: int) -> None:
    """Mapped, 6to4 and NAT64 forms of a.b.c.d are refused whenever a.b.c.d is (and they are
    refused anyway, being reserved prefixes themselves)."""
    v4 = ipaddress.IPv4Address(value)
    wrapped = [
        ipaddress.IPv6Address(f"::ffff:{v4}"),
        ipaddress.IPv6Address((0x2002 << 112) | (value << 80)),
        ipaddress.IPv6Address(f"64:ff9b::{v4}"),
    ]
    for form in wrapped:
        assert v4 in embedded_addresses(form)
        assert not check_address(form).allowed
