"""Where webhooks may go: https to public addresses, checked on saving and again on connecting.

An administrator's URL is checked when it is saved: its shape, its scheme and every address its
host resolves to. Every delivery checks again, inside the connection itself: the transport
resolves the host, refuses when any address is forbidden, and connects to the address it checked
(TLS still verifies the certificate against the host name). A DNS answer that changes between
saving and sending, or between the check and the connection, cannot steer a POST into the
internal network. Redirects are never followed and proxies from the environment are ignored.

Forbidden: loopback, private, shared (CGNAT), link-local (cloud metadata at 169.254.169.254),
multicast, reserved, unspecified and other non-global addresses, IPv4 and IPv6, including IPv4
addresses wrapped in IPv6 (mapped, 6to4, Teredo, NAT64). ``KEFU_WEBHOOK_ALLOWED_HOSTS`` lists the
host names and networks that may be reached anyway, over http too.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import typing
from dataclasses import dataclass, field

import httpcore
import httpx

from kefu.channels.webhooks.errors import (
    BadWebhookUrl,
    ForbiddenWebhookAddress,
    InsecureWebhookUrl,
    UnresolvableWebhookHost,
)
from kefu.config import Settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


@dataclass(frozen=True)
class OutboundPolicy:
    allow_http: bool = False
    hosts: frozenset[str] = frozenset()
    networks: tuple[Network, ...] = field(default=())

    @classmethod
    def from_settings(cls, settings: Settings) -> OutboundPolicy:
        hosts: set[str] = set()
        networks: list[Network] = []
        for entry in settings.webhook_allowed_hosts.split(","):
            entry = entry.strip().lower()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                hosts.add(entry.rstrip("."))
        return cls(settings.webhook_allow_http, frozenset(hosts), tuple(networks))

    def names(self, host: str) -> bool:
        """The host is allowed by name, or is a literal address inside an allowed network."""
        host = host.lower().rstrip(".")
        if host in self.hosts:
            return True
        address = _literal(host)
        return address is not None and self._inside(address)

    def reaches(self, address: Address) -> bool:
        return not forbidden(address) or self._inside(address)

    def _inside(self, address: Address) -> bool:
        candidates = [address, *_embedded(address)]
        return any(
            candidate in network
            for candidate in candidates
            for network in self.networks
            if candidate.version == network.version
        )


def _embedded(address: Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries (and would reach through a gateway)."""
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    found = [address.ipv4_mapped, address.sixtofour]
    if address.teredo is not None:
        found.append(address.teredo[1])
    if address in _NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return [candidate for candidate in found if candidate is not None]


def forbidden(address: Address) -> bool:
    """Loopback, private, link-local, multicast, reserved, unspecified or otherwise not global."""
    return any(
        a.is_loopback
        or a.is_private
        or a.is_link_local
        or a.is_multicast
        or a.is_reserved
        or a.is_unspecified
        or not a.is_global
        for a in (address, *_embedded(address))
    )


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int


def parse(url: str, policy: OutboundPolicy) -> Target:
    """The URL's shape and scheme, read by the same parser the HTTP client uses."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise BadWebhookUrl(reason="it is not a URL") from None
    scheme = parsed.scheme
    if scheme not in ("http", "https"):
        raise BadWebhookUrl(reason="it must start with https://")
    if not parsed.host:
        raise BadWebhookUrl(reason="it has no host")
    if parsed.userinfo:
        raise BadWebhookUrl(reason="it must not carry a user name or password")
    if scheme == "http" and not (policy.allow_http or policy.names(parsed.host)):
        raise InsecureWebhookUrl()
    return Target(scheme, parsed.host, parsed.port or (443 if scheme == "https" else 80))


def resolve(host: str, port: int, policy: OutboundPolicy) -> list[Address]:
    """Every address of ``host``, refused when any of them is forbidden and not allowed."""
    literal = _literal(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            raise UnresolvableWebhookHost(host=host) from None
        addresses = list(
            dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos)
        )
        if not addresses:
            raise UnresolvableWebhookHost(host=host)
    if host.lower().rstrip(".") in policy.hosts:
        return addresses
    for address in addresses:
        if not policy.reaches(address):
            raise ForbiddenWebhookAddress(host=host, address=str(address))
    return addresses


def check_url(url: str, policy: OutboundPolicy) -> Target:
    """Refuse a URL webhooks may not use (on saving it; deliveries check in the transport)."""
    target = parse(url, policy)
    resolve(target.host, target.port, policy)
    return target


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses the policy allows, the ones it has just checked."""

    def __init__(self, policy: OutboundPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        error: httpcore.ConnectError | None = None
        for address in resolve(host, port, self.policy):
            try:
                return super().connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                error = exc
        assert error is not None
        raise error


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """Built once: loading the CA bundle takes tens of milliseconds."""
    return httpx.create_ssl_context(trust_env=False)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with the guarded connection backend."""

    def __init__(self, policy: OutboundPolicy) -> None:
        super().__init__(verify=_ssl_context(), trust_env=False)
        # httpx has no parameter for the network backend; this is the pool it builds, with ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=1,
            network_backend=_GuardedBackend(policy),
        )


def client(policy: OutboundPolicy, timeout: float) -> httpx.Client:
    return httpx.Client(
        transport=GuardedTransport(policy),
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        trust_env=False,
    )
