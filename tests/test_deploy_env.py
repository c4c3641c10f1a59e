"""deploy/env.example names every environment variable production reads, so an
administrator filling in /etc/thai-foundation-cms/env sees every choice there is."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV_EXAMPLE = ROOT / "deploy" / "env.example"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
# Settings files production never loads.
NOT_PRODUCTION = {ROOT / "config" / "settings" / "dev.py", ROOT / "config" / "settings" / "test.py"}
# os.environ.get("X"), os.environ["X"], env_bool("X"), env_list("X"), _value(environ, "X").
READS = re.compile(
    r"(?:environ\.get\(|environ\[|env_bool\(|env_list\(|_value\(environ,\s*)"
    r"""\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def production_sources():
    apps = [path.parent for path in ROOT.glob("*/apps.py")] + [ROOT / "config"]
    for app in apps:
        for path in app.rglob("*.py"):
            if "migrations" in path.parts or "tests" in path.parts or path in NOT_PRODUCTION:
                continue
            yield path
    yield GUNICORN_CONF


def test_every_variable_production_reads_is_in_env_example():
    read = {name for path in production_sources() for name in READS.findall(path.read_text())}
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", ENV_EXAMPLE.read_text(), re.MULTILINE))
    assert {"SECRET_KEY", "DATABASE_URL", "GUNICORN_WORKERS"} <= listed
    assert sorted(read - listed) == []


def test_env_example_fills_in_what_production_requires():
    production = (ROOT / "config" / "settings" / "production.py").read_text()
    required = ast.literal_eval(re.search(r"^REQUIRED = (\(.*?\))$", production, re.M).group(1))
    assert "SECRET_KEY" in required
    text = ENV_EXAMPLE.read_text()
    for name in required:
        assert re.search(rf"^{name}=", text, re.MULTILINE), f"{name} is commented out"
