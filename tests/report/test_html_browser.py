"""The HTML brief opens in a real browser (headless Chromium) and shows its charts.

CI installs Debian's chromium (.ci/run); the test fails, rather than skips, when it is absent.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tariffscope.report.build import brief_from_sources
from tariffscope.report.html import render_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED = Path(__file__).resolve().parents[2] / "examples" / "ishiba-bessent-2025-07-18.txt"


def _chromium() -> str:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return str(shutil.which(name))
    pytest.fail("headless Chromium is needed: apt-get install chromium (see .ci/run)")


def _rendered_dom(html: Path, profile: Path) -> str:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=20000",
        "--dump-dom",
        html.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_html_brief_shows_its_charts_in_chromium(tmp_path: Path) -> None:
    brief, texts = brief_from_sources([str(SEED)], draws=50)
    page = tmp_path / "brief.html"
    page.write_text(render_html(brief, texts), encoding="utf-8")
    dom = _rendered_dom(page, tmp_path / "profile")
    containers = re.findall(r'id="chart-([a-z]+)"', dom)
    assert {"duties", "sectors"} <= set(containers)
    # vega-embed replaces each container's content with an SVG of marks once rendered
    assert len(re.findall(r'<svg[^>]*class="marks"', dom)) >= len(containers)
    assert "chart failed:" not in dom.replace('"chart failed: " + err', "")
    assert "Shigeru Ishiba" in dom and "14 days" in dom
