"""nginx in front of Streamlit on loopback: a password proxy for the staff app (config), and a load
balancer with sticky sessions for the public app's processes (public_config)."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import subprocess
from pathlib import Path

from bot.errors import BotError

_LISTEN = re.compile(r"^(?:(?P<host>\[[0-9a-fA-F:.]+\]|[\w.-]+):)?(?P<port>\d{1,5})$")
_TEMPLATE = """\
# Written by python -m serve.staff proxy; changes are overwritten at the next start.
worker_processes 1;
{user}
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server_tokens off;
    client_max_body_size 2m;
    # Streamlit talks over a websocket: pass the upgrade through.
    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    server {{
        listen {listen};
        {tls}
        auth_basic "Feedback review (staff)";
        auth_basic_user_file {htpasswd};
        location / {{
            proxy_pass http://127.0.0.1:{port};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            # Host with its port: Streamlit compares the websocket's Origin with it.
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 1d;
            proxy_buffering off;
        }}
    }}
}}
"""

# The public app's processes behind one nginx (python -m serve.public). Streamlit keeps a session's state
# in the process that holds its websocket, so a visitor must keep reaching the same process: the first
# response sets a random route cookie, and every later request of that browser (the websocket and its
# reconnections included) is hashed on it. A request without a valid cookie is hashed on its own random
# request id: cookie-less clients are spread, and a browser's first page lands where its cookie will point.
_PUBLIC_TEMPLATE = """\
# Written by python -m serve.public; changes are overwritten at the next start.
worker_processes {workers};
{user}
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    log_format routed '$time_local "$request" $status route=$bot_route upstream=$upstream_addr';
    access_log {prefix}/access.log routed;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server_tokens off;
    client_max_body_size 2m;
    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    map $cookie_{cookie} $bot_route {{ "~^[0-9a-f]{{32}}$" $cookie_{cookie}; default $request_id; }}
    map $cookie_{cookie} $bot_route_cookie {{
        "~^[0-9a-f]{{32}}$" "";
        default "{cookie}=$request_id; Path=/; HttpOnly; SameSite=Lax";
    }}
    upstream app {{
        hash $bot_route consistent;
{servers}
    }}
    server {{
        listen {listen};
        add_header Set-Cookie $bot_route_cookie always;
        location / {{
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            # Host with its port: Streamlit compares the websocket's Origin with it.
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            proxy_buffering off;
        }}
    }}
}}
"""
ROUTE_COOKIE = "bot_route"


def public_config(listen: str, ports: list[int], prefix: Path, workers: int = 1) -> str:
    """nginx spreading visitors over the app processes on 127.0.0.1:ports, each visitor kept on one."""
    host, public_port = parse_listen(listen, "BOT_SERVE_LISTEN")
    if not ports:
        raise BotError("no app process to send visitors to")
    servers = "\n".join(f"        server 127.0.0.1:{port};" for port in ports)
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    return _PUBLIC_TEMPLATE.format(
        workers=max(1, workers), user=user, prefix=prefix, listen=f"{host}:{public_port}",
        servers=servers, cookie=ROUTE_COOKIE,
    )  # fmt: skip


def binary() -> str | None:
    """The nginx executable (Debian puts it in /usr/sbin, often not on an ordinary user's PATH)."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def parse_listen(text: str, variable: str = "BOT_STAFF_PROXY_LISTEN") -> tuple[str, int]:
    """'0.0.0.0:8503', '[::]:8503' or '8503' as (host, port); a clear error naming variable otherwise."""
    match = _LISTEN.match(text.strip())
    port = int(match["port"]) if match else 0
    if not match or not 0 < port < 65536:
        raise BotError(f"{variable}={text!r} is not valid: use ADDRESS:PORT, e.g. 0.0.0.0:8503")
    return match["host"] or "0.0.0.0", port


def config(listen: str, port: int, htpasswd: Path, prefix: Path, tls: tuple[str, str] | None = None) -> str:
    """The nginx configuration: listen (with TLS when given), ask for a password, forward to port."""
    host, public_port = parse_listen(listen)
    ssl = " ssl" if tls else ""
    tls_lines = f"ssl_certificate {tls[0]};\n        ssl_certificate_key {tls[1]};" if tls else ""
    # Run as root, nginx would drop its workers to 'nobody', who cannot read the password file.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    return _TEMPLATE.format(
        user=user, prefix=prefix, listen=f"{host}:{public_port}{ssl}", tls=tls_lines,
        htpasswd=htpasswd.resolve(), port=port,
    )  # fmt: skip


def check_password_file(path: Path) -> None:
    """Refuse a missing or empty password file: nginx would then let nobody in, or fail late."""
    try:
        users = [line for line in path.read_text(encoding="utf-8").splitlines() if ":" in line]
    except OSError:
        users = []
    if not users:
        raise BotError(
            f"no staff passwords in {path} (BOT_STAFF_HTPASSWD): "
            "add one with make staff-password STAFF_USER=name"
        )


def start(conf: str, prefix: Path) -> subprocess.Popen:
    """Write the configuration under prefix, test it, and run nginx in the foreground."""
    nginx = binary()
    if nginx is None:
        raise BotError("nginx is not installed: apt-get install nginx-light (make proxy)")
    prefix.mkdir(parents=True, exist_ok=True)
    path = prefix / "nginx.conf"
    path.write_text(conf, encoding="utf-8")
    command = [nginx, "-p", str(prefix), "-c", str(path), "-e", str(prefix / "error.log")]
    checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    if checked.returncode != 0:
        problem = (checked.stderr.strip().splitlines() or ["no detail"])[-1]
        raise BotError(f"nginx refused its configuration {path}: {problem}")
    return subprocess.Popen([*command, "-g", "daemon off;"])
