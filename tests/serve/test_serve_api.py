"""The JSON API: answers, the error envelope, tokens, limits and strict JSON."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from _service_helpers import AUTH, TOKEN, fixed_today, wait_for_job
from fastapi.testclient import TestClient

from tariffscope.serve import ServiceConfig, create_app
from tariffscope.serve._json import StrictJSONResponse

pytestmark = pytest.mark.issue(11)


def assert_error(response, status: int, words: str) -> None:
    """One envelope for every error: ok false, the status, a message naming the problem."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False
    assert body["error"]["status"] == status
    assert words in body["error"]["message"]
    assert isinstance(body["error"]["errors"], list)


def test_health_and_schema(client: TestClient) -> None:
    health = client.get("/health").json()
    assert health["ok"] is True and health["articles"] == 0
    schema = client.get("/openapi.json").json()
    for path in ("/health", "/api/rate", "/api/negotiations", "/api/ingest", "/api/jobs/{job_id}"):
        assert path in schema["paths"], path


def test_writes_need_the_token(client: TestClient) -> None:
    body = {"stories": [{"text": "A story."}]}
    assert_error(client.post("/api/ingest", json=body), 401, "Authorization: Bearer")
    wrong = {"Authorization": "Bearer nope"}
    assert_error(client.post("/api/ingest", json=body, headers=wrong), 401, "Bearer")
    assert client.get("/api/jobs").json() == {"jobs": []}


def test_reads_need_the_token_beyond_loopback(tmp_path: Path) -> None:
    config = ServiceConfig(db=tmp_path / "s.duckdb", token=TOKEN, host="0.0.0.0")
    with TestClient(create_app(config)) as shared:
        assert_error(shared.get("/api/negotiations"), 401, "Bearer")
        assert shared.get("/api/negotiations", headers=AUTH).status_code == 200
        assert shared.get("/", follow_redirects=False).status_code == 401


@pytest.mark.slow
def test_a_pasted_story_reaches_the_board(seeded: TestClient) -> None:
    board = seeded.get("/api/negotiations").json()
    [row] = board["negotiations"]
    assert row["pair"] == ["USA", "JPN"]
    assert row["n_sources"] == 1
    assert row["next_deadline"]["date"] == "2025-08-01"
    assert row["next_deadline"]["days_from_today"] == 14
    assert row["latest_event"] is not None
    state = seeded.get("/api/negotiations/USA-JPN", params={"as_of": "2025-07-18"}).json()
    assert "Shigeru Ishiba" in {a["name"] for a in state["actors"]}
    timeline = seeded.get("/api/negotiations/JPN-USA/timeline").json()
    assert timeline["parties"] == ["JPN", "USA"] and timeline["events"]


@pytest.mark.slow
def test_a_job_reports_each_input(seeded: TestClient) -> None:
    text = Path(__file__).resolve().parents[2] / "examples" / "ishiba-bessent-2025-07-18.txt"
    # binary: more control characters than the two strays a scraped page may carry (round 16b)
    binary = "\x00\x01\x02\x03\x04\x05 not a story"
    stories = [{"text": text.read_text(encoding="utf-8")}, {"text": binary}]
    job = seeded.post("/api/ingest", json={"stories": stories}, headers=AUTH).json()
    done = wait_for_job(seeded, job["id"])
    assert [r["status"] for r in done["results"]] == ["duplicate", "failed"]
    assert done["status"] == "done" and done["total"] == 2
    assert "/tmp" not in str(done) and str(Path.home()) not in str(done)  # no server paths


def test_the_law(client: TestClient) -> None:
    params = {"hts": "8703.23.01", "origin": "KOR", "date": "2025-07-25"}
    duty = client.get("/api/rate", params=params).json()
    assert math.isclose(duty["total_pct"], sum(c["rate_pct"] for c in duty["components"]))
    assert all("citation" in c for c in duty["components"])
    changes = client.get("/api/history", params={"hts": "8703.23.01", "origin": "KOR"}).json()
    assert len(changes) >= 2 and {"date", "total_pct"} <= set(changes[0])
    catalog = client.get("/api/measures", params={"origin": "KOR", "on": "2025-07-25"}).json()
    assert catalog["measures"] and all("citation" in m for m in catalog["measures"])


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"hts": "8703.23.01", "origin": "XXX", "date": "2025-07-25"}, 400, "XXX"),
        ({"hts": "8703.23.01", "origin": "KOR", "date": "2025-13-01"}, 422, "date"),
        ({"hts": "8703.23.01", "origin": "DEU"}, 422, "date"),
        ({"hts": "abc", "origin": "MEX", "date": "2025-07-25"}, 422, "hts"),
        (
            {"hts": "8703.23.01", "origin": "GBR", "date": "2025-07-25", "metal_share": "nan"},
            422,
            "metal_share",
        ),
    ],
)
def test_bad_input_is_a_4xx_naming_it(client: TestClient, params, status, words) -> None:
    assert_error(client.get("/api/rate", params=params), status, words)


def test_nan_and_unknown_fields_in_bodies_are_refused(client: TestClient) -> None:
    raw = b'{"partner": "VNM", "date": "2025-08-07", "draws": NaN}'
    response = client.post(
        "/api/simulate", content=raw, headers={"content-type": "application/json"}
    )
    assert_error(response, 422, "draws")
    response = client.post("/api/simulate", json={"partner": "VNM", "date": "2025-08-07", "x": 1})
    assert_error(response, 422, "x")
    response = client.post(
        "/api/simulate", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422


def test_bodies_over_the_cap_are_refused(tmp_path: Path) -> None:
    config = ServiceConfig(db=tmp_path / "s.duckdb", token=TOKEN, max_body=1000)
    with TestClient(create_app(config)) as small:
        body = {"stories": [{"text": "x" * 2000}]}
        assert_error(small.post("/api/ingest", json=body, headers=AUTH), 413, "over 1000 bytes")

        def chunks():
            yield b'{"stories": [{"text": "'
            yield b"x" * 2000
            yield b'"}]}'

        response = small.post(
            "/api/ingest", content=chunks(), headers={**AUTH, "content-type": "application/json"}
        )
        assert_error(response, 413, "over 1000 bytes")


def test_time_limit_is_an_error_answer(tmp_path: Path) -> None:
    config = ServiceConfig(db=tmp_path / "s.duckdb", token=TOKEN, time_limit=0.001)
    with TestClient(create_app(config)) as hurried:
        response = hurried.get("/api/etr", params={"from": "2025-01-01", "to": "2025-12-31"})
        assert_error(response, 503, "longer than")


def test_limits_on_work(client: TestClient) -> None:
    assert_error(
        client.get("/api/etr", params={"from": "2020-01-01", "to": "2025-12-31"}), 400, "days"
    )
    assert_error(
        client.get("/api/etr", params={"from": "2025-02-01", "to": "2025-01-01"}), 400, "before"
    )
    body = {"partner": "BRA", "date": "2025-08-07", "draws": 10**9}
    assert_error(client.post("/api/simulate", json=body), 422, "draws")


def test_unknown_things_are_404(client: TestClient) -> None:
    assert_error(client.get("/api/jobs/nope"), 404, "nope")
    assert_error(client.get("/api/nothing"), 404, "Not Found")


def test_a_pair_that_is_not_one(client: TestClient) -> None:
    assert_error(client.get("/api/negotiations/USA"), 400, "USA")
    assert client.get("/pair/%3Cscript%3E").status_code == 400


def test_responses_are_strict_json() -> None:
    body = StrictJSONResponse({"a": float("nan"), "b": [float("inf"), 1.5]}).body
    assert body == b'{"a": null, "b": [null, 1.5]}'


@pytest.mark.slow
def test_simulate_and_compare(client: TestClient) -> None:
    one = client.post("/api/simulate", json={"partner": "KOR", "date": "2025-08-07", "draws": 20})
    assert one.status_code == 200, one.text
    metrics = {row["metric"] for row in one.json()["headline"]}
    assert "imports_focus_change_pct" in metrics
    cases = {"partner": "KOR", "date": "2025-07-25", "draws": 0}
    many = client.post("/api/compare", json=cases).json()
    assert len(many["cases"]) >= 2


def test_the_dashboard_escapes_story_text(client: TestClient) -> None:
    response = client.get(
        "/lookup", params={"hts": "<b>x</b>", "origin": "CHE", "date": "2025-07-25"}
    )
    assert "<b>x</b>" not in response.text and "&lt;b&gt;x&lt;/b&gt;" in response.text
    assert response.status_code == 400
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_days_left_count_from_today() -> None:
    assert fixed_today().isoformat() == "2025-07-18"
