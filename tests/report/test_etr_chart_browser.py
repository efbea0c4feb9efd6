"""The HTML chart of ``tariffscope etr`` opens offline in headless Chromium and draws its lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_html_browser import _rendered_dom

from tariffscope.impact.etr import effective_rates
from tariffscope.report.etr_chart import write_etr_chart

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.issue(9)]


def test_the_etr_chart_renders_without_a_network(tmp_path: Path) -> None:
    frame = effective_rates("2025-03-01", "2025-05-31", partners=["ALL", "CHN", "EUN"])
    page = write_etr_chart(frame, tmp_path / "etr.html", warnings=frame.attrs["warnings"])
    dom = _rendered_dom(page, tmp_path / "profile")
    assert len(re.findall(r'<svg[^>]*class="marks"', dom)) == 1
    assert "chart failed:" not in dom.replace('"chart failed: " + err', "")
    # one line per partner and measure: 3 partners x before/after substitution
    assert len(re.findall(r'<path[^>]*aria-roledescription="line mark"', dom)) == 6
