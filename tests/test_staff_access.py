"""Who may open the staff app (pure rules), and the proxy's listen address and configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import BotError
from bot.staff_access import admits, allowed_emails, decide, is_loopback, oidc_configured
from serve import nginx

OIDC = {
    "redirect_uri": "https://staff.example.org/oauth2callback", "cookie_secret": "c" * 40,
    "client_id": "id", "client_secret": "secret",
    "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}  # fmt: skip


@pytest.mark.parametrize("address", ["127.0.0.1", "127.5.0.9", "::1", "[::1]", "localhost", " LOCALHOST "])
def test_loopback_addresses(address):
    assert is_loopback(address)


@pytest.mark.parametrize(
    "address", ["", None, "0.0.0.0", "::", "10.0.0.4", "staff.example.org", "127.0.0.1x"]
)
def test_addresses_others_can_reach(address):
    assert not is_loopback(address)


def test_oidc_needs_every_key_streamlit_needs():
    assert oidc_configured({"auth": OIDC})
    for key in OIDC:
        assert not oidc_configured({"auth": {k: v for k, v in OIDC.items() if k != key}}), key
    assert not oidc_configured({}) and not oidc_configured({"auth": "yes"})


def test_staff_list_is_case_and_space_insensitive():
    assert allowed_emails(" A@x.org,b@X.org ,, ") == {"a@x.org", "b@x.org"}


def test_decisions():
    assert decide("127.0.0.1", {}, "").mode == "local"
    refused = decide("0.0.0.0", {}, "a@x.org")
    assert refused.mode == "refused" and "without credentials" in refused.reason
    assert decide("", {}, "").mode == "refused", "Streamlit's empty address means every interface"
    assert decide("0.0.0.0", {"auth": OIDC}, "").mode == "refused", "a login nobody may pass is a mistake"
    login = decide("0.0.0.0", {"auth": OIDC}, "a@x.org")
    assert login.mode == "login" and login.emails == {"a@x.org"}
    assert decide("127.0.0.1", {"auth": OIDC}, "a@x.org").mode == "login", "configured login always applies"


def test_who_is_admitted():
    login = decide("0.0.0.0", {"auth": OIDC}, "a@x.org")
    assert admits(login, True, "A@X.org") and not admits(login, False, "a@x.org")
    assert not admits(login, True, "b@x.org") and not admits(login, True, None)
    assert admits(decide("::1", {}, ""), False, None)
    assert not admits(decide("0.0.0.0", {}, ""), True, "a@x.org")


@pytest.mark.parametrize(
    "text, expected",
    [("0.0.0.0:8503", ("0.0.0.0", 8503)), ("[::]:443", ("[::]", 443)), ("8080", ("0.0.0.0", 8080)),
     ("staff.example.org:80", ("staff.example.org", 80))],
)  # fmt: skip
def test_proxy_listen_addresses(text, expected):
    assert nginx.parse_listen(text) == expected


@pytest.mark.parametrize("text", ["", "host:", "1.2.3.4:70000", "a b:80", "0.0.0.0:80; evil"])
def test_bad_proxy_listen_addresses_are_one_line_errors(text):
    with pytest.raises(BotError, match="BOT_STAFF_PROXY_LISTEN"):
        nginx.parse_listen(text)


def test_proxy_configuration_asks_for_a_password_and_passes_websockets(tmp_path: Path):
    conf = nginx.config("127.0.0.1:8503", 8502, tmp_path / "htpasswd", tmp_path)
    assert "listen 127.0.0.1:8503;" in conf and "proxy_pass http://127.0.0.1:8502;" in conf
    assert f"auth_basic_user_file {tmp_path / 'htpasswd'};" in conf and "ssl" not in conf
    assert "proxy_set_header Upgrade $http_upgrade;" in conf
    tls = nginx.config("0.0.0.0:443", 8502, tmp_path / "h", tmp_path, ("/c.pem", "/k.pem"))
    assert "listen 0.0.0.0:443 ssl;" in tls and "ssl_certificate_key /k.pem;" in tls


def test_password_file_must_name_a_user(tmp_path: Path):
    path = tmp_path / "htpasswd"
    for content in (None, "", "\n# nobody\n"):
        if content is not None:
            path.write_text(content)
        with pytest.raises(BotError, match="staff-password"):
            nginx.check_password_file(path)
    path.write_text("alice:$6$salt$hash\n")
    nginx.check_password_file(path)
