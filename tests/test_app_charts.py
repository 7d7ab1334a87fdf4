"""Charts aggregate in pandas first: on a 20,000-claim corpus every chart gets a small frame
(bounded by outlets, roles, speakers shown and time points, not by claims), loses no claim
in its totals, and carries tooltips."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from explorer import charts
from explorer.data import open_corpus, prepare

REPO = Path(__file__).resolve().parents[1]
N_CLAIMS = 20_000
# Rows any chart may hand to the browser: top outlets (+1 "other") x roles x anonymity is the largest.
MAX_CHART_ROWS = (charts.TOP_OUTLETS + 1) * 7 * 2


@pytest.fixture(scope="module", autouse=True)
def own_store(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLAIMSCOPE_STORE", str(tmp_path_factory.mktemp("store")))
        yield


@pytest.fixture(scope="module")
def big_claims() -> pd.DataFrame:
    """20,000 claims resampled from the seed claims, spread over 60 outlets, 1,500
    speakers, 4,000 claim groups and four years of dates."""
    seeds = open_corpus([str(REPO / "data")])
    rng = np.random.default_rng(7)
    claims = seeds.claims.sample(N_CLAIMS, replace=True, random_state=7).reset_index(drop=True)
    claims["outlet"] = [f"Outlet {i}" for i in rng.integers(0, 60, N_CLAIMS)]
    claims["speaker_canonical"] = [f"Speaker {i}" for i in rng.integers(0, 1500, N_CLAIMS)]
    claims["claim_id"] = [f"c{i}" for i in rng.integers(0, 4000, N_CLAIMS)]
    claims["carried_by"] = claims.groupby("claim_id")["outlet"].transform("nunique")
    claims["carried_by_independent"] = claims["carried_by"]
    days = pd.Timestamp("2017-01-01") + pd.to_timedelta(rng.integers(0, 4 * 365, N_CLAIMS), unit="D")
    claims["date"] = np.where(rng.random(N_CLAIMS) < 0.8, days.strftime("%Y-%m-%d"), None)
    return prepare(seeds.articles, claims).claims


def chart_rows(chart) -> int:
    spec = chart.to_dict()
    return sum(len(values) for values in spec.get("datasets", {}).values())


def test_every_chart_is_small_on_20000_claims(big_claims):
    built = {
        "role_anonymity": charts.role_anonymity_by_outlet(big_claims),
        "anonymous_share": charts.anonymous_share_by_outlet(big_claims),
        "top_speakers": charts.top_speakers_by_outlet(big_claims),
        "carriage": charts.claims_by_carriage(big_claims),
        "over_time": charts.claims_over_time(big_claims),
    }
    for name, frame in built.items():
        assert 0 < len(frame) <= MAX_CHART_ROWS, (name, len(frame))
    # Nothing lost in the folding: the totals are the corpus'.
    assert built["role_anonymity"]["claims"].sum() == N_CLAIMS
    assert built["anonymous_share"]["claims"].sum() == N_CLAIMS
    assert built["anonymous_share"]["outlet"].nunique() == charts.TOP_OUTLETS + 1
    assert built["over_time"]["claims"].sum() == big_claims["day"].notna().sum()
    assert len(built["over_time"]) <= charts.MAX_TIME_POINTS * 2
    assert built["top_speakers"]["speaker"].nunique() == charts.TOP_SPEAKERS
    assert len(built["carriage"]) == charts.TOP_CLAIMS
    assert built["carriage"]["outlets"].is_monotonic_decreasing

    specs = [
        charts.role_anonymity_chart(built["role_anonymity"]),
        charts.role_anonymity_chart(built["role_anonymity"], normalise=True),
        charts.anonymous_share_chart(built["anonymous_share"]),
        charts.top_speakers_chart(built["top_speakers"]),
        charts.carriage_chart(built["carriage"]),
        charts.time_chart(built["over_time"]),
    ]
    for chart in specs:
        assert 0 < chart_rows(chart) <= MAX_CHART_ROWS
        assert "tooltip" in json.dumps(chart.to_dict()["encoding"])


def test_shares_add_up_per_outlet(big_claims):
    counts = charts.role_anonymity_by_outlet(big_claims)
    assert np.allclose(counts.groupby("outlet")["share"].sum(), 1.0, atol=0.01)
    shares = charts.anonymous_share_by_outlet(big_claims)
    expected = big_claims["anonymity"].eq("anonymous").mean()
    assert shares["anonymous"].sum() / shares["claims"].sum() == pytest.approx(expected)


def test_time_chart_folds_days_into_weeks_or_months(big_claims):
    span = charts.claims_over_time(big_claims)
    assert span["period"].nunique() <= charts.MAX_TIME_POINTS
    few = charts.claims_over_time(big_claims[big_claims["day"] < pd.Timestamp("2017-02-01")])
    assert few["period"].nunique() > 20  # a month of dates stays per day


def test_time_chart_shows_every_period_in_order_with_gaps_at_zero():
    claims = pd.DataFrame({"date": ["2020-01-03", "2020-01-03", "2020-01-06", None],
                           "kind": ["direct", "indirect", "direct", "direct"]})
    days = charts.claims_over_time(claims)
    assert days["label"].drop_duplicates().tolist() == ["Jan 3, 2020", "Jan 4, 2020", "Jan 5, 2020", "Jan 6, 2020"]
    assert days.groupby("label", sort=False)["claims"].sum().tolist() == [2, 0, 0, 1]
    assert days["claims"].sum() == 3    # the undated claim is left out, nothing else
    spec = charts.time_chart(days).to_dict()
    assert spec["encoding"]["x"]["type"] == "ordinal"
    assert spec["encoding"]["x"]["sort"] == days["label"].drop_duplicates().tolist()
    years = charts.claims_over_time(pd.DataFrame({"date": ["2001-05-01", "2020-01-01"], "kind": ["direct"] * 2}))
    assert years["label"].tolist()[:2] == ["2001", "2002"] and len(years) == 20


def test_speaker_type_legend_lists_the_types_present_and_fits_the_chart():
    claims = pd.DataFrame({"outlet": ["A", "A", "B"], "anonymity": ["named", "anonymous", "named"],
                           "role": ["official", "analyst", "media"]})
    counts = charts.role_anonymity_by_outlet(claims)
    spec = charts.role_anonymity_chart(counts).to_dict()
    legend = spec["encoding"]["color"]["legend"]["values"]
    assert legend == ["named official", "anonymous analyst", "named media"]   # the scale's order
    assert spec["encoding"]["color"]["scale"]["domain"][:2] == ["named official", "anonymous official"]
    # Two outlets' bars are shorter than three legend entries: the legend sets the height.
    assert spec["height"] >= charts.LEGEND_ROW * 3 + charts.LEGEND_TITLE > charts.BAR_STEP * 2


def test_app_charts_ship_aggregates_only():
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    charts_drawn = at.get("vega_lite_chart")
    assert len(charts_drawn) >= 5
    for chart in charts_drawn:
        spec = json.loads(chart.proto.spec)
        assert "tooltip" in json.dumps(spec), spec.get("encoding")
        inline = sum(len(d.get("values", [])) for d in spec.get("datasets", {}).values()) if "datasets" in spec else 0
        assert inline <= MAX_CHART_ROWS
        for dataset in chart.proto.datasets:
            assert len(dataset.data.data) < 200_000  # Arrow bytes of an aggregate, not a claims table
