"""deploy/nginx/thai-foundation-cms.conf rendered for a run on loopback, and an nginx.conf
around it as Debian's gives one; shared by tests/test_deploy_nginx.py and benchmarks/."""

import os
import pwd
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE_CONF = ROOT / "deploy" / "nginx" / "thai-foundation-cms.conf"


def render_site_conf(*, listen, upstream, static_root, media_root, documents_root, cache_root):
    """The site file with this run's paths, as an installer's sed would render it."""
    text = SITE_CONF.read_text()
    for placeholder, value in {
        "@SERVER_NAME@": "127.0.0.1 localhost",
        "@STATIC_ROOT@": str(static_root),
        "@MEDIA_ROOT@": str(media_root),
        "@DOCUMENTS_ROOT@": str(documents_root),
        "@PAGE_CACHE_ROOT@": str(cache_root),
    }.items():
        text = text.replace(placeholder, value)
    text, ipv6 = re.subn(r"^\s*listen \[::\]:80;\n", "", text, flags=re.MULTILINE)
    text, ipv4 = re.subn(r"\blisten 80;", f"listen {listen};", text)
    text, servers = re.subn(r"\bserver 127\.0\.0\.1:8000;", f"server {upstream};", text)
    if (ipv6, ipv4, servers) != (1, 1, 1):
        raise ValueError("the site file's listen or upstream lines changed")
    if re.search(r"@[A-Z_]+@", text):
        raise ValueError("a placeholder of the site file is not documented here")
    return text


def main_conf(prefix, site_conf, *, workers=1, access_log=True):
    """What Debian's /etc/nginx/nginx.conf gives the site file, with temp files in `prefix`."""
    prefix = Path(prefix)
    # As root (CI), nginx's workers would run as "nobody" and could not read the files.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {prefix / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    log = f"access_log {prefix / 'access.log'};" if access_log else "access_log off;"
    return f"""{user}
worker_processes {workers};
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    keepalive_requests 1000000;
    {log}
{temp}
    include {site_conf};
}}
"""


def write_conf(prefix, *, listen, upstream, static_root, media_root, documents_root, workers=1):
    """The rendered site file and its nginx.conf in `prefix`, pages cached under it; the
    nginx.conf's path."""
    prefix = Path(prefix)
    site_conf = prefix / "thai-foundation-cms.conf"
    site_conf.write_text(
        render_site_conf(
            listen=listen,
            upstream=upstream,
            static_root=static_root,
            media_root=media_root,
            documents_root=documents_root,
            cache_root=prefix / "page-cache",
        )
    )
    conf = prefix / "nginx.conf"
    conf.write_text(main_conf(prefix, site_conf, workers=workers))
    return conf


def command(nginx, prefix, conf):
    prefix = Path(prefix)
    return [
        nginx,
        "-p",
        str(prefix),
        "-e",
        str(prefix / "error.log"),
        "-c",
        str(conf),
        "-g",
        f"daemon off; pid {prefix / 'nginx.pid'};",
    ]
