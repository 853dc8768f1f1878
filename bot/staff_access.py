"""Who may open the staff review app: on this machine only, or after an OIDC login by a listed address."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


@dataclass(frozen=True)
class Access:
    """How the staff app admits people: 'local' (no login, loopback only), 'login' (OIDC) or 'refused'."""

    mode: str
    reason: str = ""
    emails: frozenset[str] = frozenset()


def is_loopback(address: str | None) -> bool:
    """True for addresses only this machine can reach; an empty address means every interface."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def oidc_configured(secrets: Mapping[str, Any]) -> bool:
    """True when secrets hold an [auth] section Streamlit's st.login() can use (its default provider)."""
    auth = secrets.get("auth")
    if not isinstance(auth, Mapping) or not auth.get("redirect_uri") or not auth.get("cookie_secret"):
        return False
    return all(auth.get(key) for key in _PROVIDER_KEYS)


def allowed_emails(raw: str) -> frozenset[str]:
    """The staff list from a comma-separated setting, compared without case."""
    return frozenset(e.strip().lower() for e in raw.split(",") if e.strip())


def decide(address: str | None, secrets: Mapping[str, Any], emails: str) -> Access:
    """How the staff app listening on address admits people, or why it must not start."""
    allowed = allowed_emails(emails)
    if oidc_configured(secrets):
        if not allowed:
            return Access("refused", "OIDC login is set up but BOT_STAFF_EMAILS names nobody who may log in.")
        return Access("login", emails=allowed)
    if is_loopback(address):
        return Access("local")
    where = address or "every network interface"
    return Access(
        "refused",
        f"The staff app would listen on {where} without credentials: keep it on 127.0.0.1 behind the "
        "password proxy (make staff-proxy) or set up OIDC login (README, Staff review).",
    )


def admits(access: Access, logged_in: bool, email: str | None) -> bool:
    """Whether this visitor may see feedback."""
    if access.mode == "local":
        return True
    return access.mode == "login" and logged_in and (email or "").strip().lower() in access.emails
