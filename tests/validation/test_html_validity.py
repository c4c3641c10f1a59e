"""The Nu HTML Checker (vnu.jar from npm, run with Java) finds no error on any page."""

import json
import subprocess

import pytest

from .conftest import NODE_MODULES, require_tool

VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = [pytest.mark.validation, pytest.mark.xdist_group("served-site")]


def test_every_page_is_valid_html(served_site, checked_pages, tmp_path):
    java = require_tool("java", "install a Java runtime (apt-get install default-jre-headless)")
    require_tool(VNU_JAR, "run `npm ci` (make test does) to install vnu-jar")
    files = {}
    for number, page in enumerate(checked_pages):
        response = served_site.fetch(page)
        assert response.status == page.status, f"{page.name}: {page.url} gave {response.status}"
        path = tmp_path / f"page-{number:03d}.html"
        path.write_text(response.text, encoding="utf-8")
        files[path.name] = page

    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            *(str(path) for path in sorted(tmp_path.glob("page-*.html"))),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{files[message['url'].rsplit('/', 1)[-1]].name} <{files[message['url'].rsplit('/', 1)[-1]].url}> "
        f"line {message.get('lastLine', '?')}: {message['message']}\n    {message.get('extract', '').strip()}"
        for message in messages
        if message["type"] in {"error", "non-document-error"}
    ]
    assert len(files) == len(checked_pages)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
