"""The headline charts: each one aggregates in pandas first and hands Altair a frame whose
size depends on the number of outlets, roles and days shown, never on the claim count
(`st.altair_chart` ships every row it gets to the browser on every rerun)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from extract.schema import ANONYMITY, ROLES

from .filters import speaker_column

TOP_OUTLETS = 20
TOP_SPEAKERS = 15
TOP_CLAIMS = 20
MAX_TIME_POINTS = 120
OTHER_OUTLETS = "(other outlets)"
LABEL_CHARS = 80


def _top_outlets(claims: pd.DataFrame, limit: int = TOP_OUTLETS) -> pd.Series:
    """Outlet per claim, outlets past the `limit` most frequent folded into one bar."""
    keep = claims["outlet"].value_counts().index[:limit]
    return claims["outlet"].where(claims["outlet"].isin(keep), OTHER_OUTLETS)


# --- aggregates ---------------------------------------------------------------------------

def role_anonymity_by_outlet(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per outlet x role x anonymity, with each cell's share of its outlet."""
    frame = pd.DataFrame({"outlet": _top_outlets(claims), "role": claims["role"].fillna("other"),
                          "anonymity": claims["anonymity"].fillna("anonymous")})
    counts = frame.groupby(["outlet", "role", "anonymity"]).size().reset_index(name="claims")
    counts["share"] = (counts["claims"] / counts.groupby("outlet")["claims"].transform("sum")).round(4)
    counts["source type"] = counts["anonymity"] + " " + counts["role"]
    return counts


def anonymous_share_by_outlet(claims: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame({"outlet": _top_outlets(claims), "anonymous": claims["anonymity"].eq("anonymous")})
    out = frame.groupby("outlet").agg(claims=("anonymous", "size"), anonymous=("anonymous", "sum")).reset_index()
    out["anonymous"] = out["anonymous"].astype("int64")
    out["anonymous_share"] = (out["anonymous"] / out["claims"]).round(4)
    return out.sort_values("anonymous_share", ascending=False).reset_index(drop=True)


def top_speakers_by_outlet(claims: pd.DataFrame, limit: int = TOP_SPEAKERS) -> pd.DataFrame:
    frame = pd.DataFrame({"speaker": speaker_column(claims), "outlet": _top_outlets(claims)}).dropna(subset=["speaker"])
    top = frame["speaker"].value_counts().index[:limit]
    frame = frame[frame["speaker"].isin(top)]
    out = frame.groupby(["speaker", "outlet"]).size().reset_index(name="claims")
    out["speaker_total"] = out.groupby("speaker")["claims"].transform("sum")
    return out


def claims_by_carriage(claims: pd.DataFrame, limit: int = TOP_CLAIMS) -> pd.DataFrame:
    """The claims carried by the most outlets, with their canonical words."""
    first = claims.drop_duplicates("claim_id")
    top = first.sort_values(["carried_by", "claim_id"], ascending=[False, True]).head(limit)
    occurrences = claims[claims["claim_id"].isin(top["claim_id"])].groupby("claim_id").size()
    out = pd.DataFrame({
        "claim_id": top["claim_id"],
        "claim": top["claim_text"].fillna("").str.slice(0, LABEL_CHARS),
        "speaker": speaker_column(top),
        "outlets": top["carried_by"].astype("int64"),
        "independent_outlets": top["carried_by_independent"].astype("int64"),
        "articles": top["claim_id"].map(occurrences).astype("int64"),
    })
    return out.reset_index(drop=True)


def claims_over_time(claims: pd.DataFrame, max_points: int = MAX_TIME_POINTS) -> pd.DataFrame:
    """Claims per day and kind (per week, month or year when days would be too many bars):
    every period from the first date to the last, the empty ones at zero so that gaps in
    coverage show, each with its start (`period`) and a readable `label`."""
    day = claims["day"] if "day" in claims.columns else pd.to_datetime(claims["date"], errors="coerce")
    dated = pd.DataFrame({"day": day, "kind": claims["kind"]}).dropna(subset=["day"])
    if dated.empty:
        return pd.DataFrame(columns=["period", "label", "kind", "claims"])
    span_days = (dated["day"].max() - dated["day"].min()).days + 1
    grain = ("day" if span_days <= max_points else "week" if span_days <= max_points * 7
             else "month" if span_days <= max_points * 31 else "year")
    periods = dated["day"].dt.to_period(_PERIOD_FREQ[grain])
    every = pd.period_range(periods.min(), periods.max(), freq=_PERIOD_FREQ[grain])
    counts = pd.crosstab(periods.to_numpy(), dated["kind"].to_numpy()).reindex(every, fill_value=0)
    out = counts.rename_axis(index="period", columns="kind").stack().rename("claims").reset_index()
    starts = pd.PeriodIndex(out["period"]).start_time
    out["period"] = starts
    out["label"] = [_period_label(start, grain) for start in starts]
    return out[["period", "label", "kind", "claims"]]


_PERIOD_FREQ = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _period_label(start: pd.Timestamp, grain: str) -> str:
    if grain == "year":
        return str(start.year)
    if grain == "month":
        return f"{start:%b} {start.year}"
    label = f"{start:%b} {start.day}, {start.year}"
    return "week of " + label if grain == "week" else label


# --- charts -------------------------------------------------------------------------------

def _source_type_scale() -> alt.Scale:
    """One hue per role, dark for named and light for anonymous speakers (tableau20 pairs)."""
    domain = [f"{a} {r}" for r in ROLES for a in ANONYMITY]
    return alt.Scale(domain=domain, scheme="tableau20")


# Outlets and speakers are bars along the y axis: their names stay readable, however long.
BAR_STEP = 22
# Height of a legend entry and of the legend's title, in pixels, as Vega-Lite draws them.
LEGEND_ROW = 18
LEGEND_TITLE = 30
NAME_LABEL_LIMIT = 220


def role_anonymity_chart(counts: pd.DataFrame, normalise: bool = False) -> alt.Chart:
    x = alt.X("claims:Q", stack="normalize" if normalise else "zero",
              title="share of the outlet's claims" if normalise else "claims",
              axis=alt.Axis(format="%") if normalise else alt.Axis(format="d", tickMinStep=1))
    # The legend lists the speaker types present (their colours fixed by the scale) and the
    # chart is at least as tall as it: a few outlets' bars would otherwise clip it.
    present = [t for t in _source_type_scale().domain if t in set(counts["source type"])]
    height = max(BAR_STEP * counts["outlet"].nunique(), LEGEND_ROW * len(present) + LEGEND_TITLE)
    return alt.Chart(counts).mark_bar().encode(
        y=alt.Y("outlet:N", sort="-x", title=None, axis=alt.Axis(labelLimit=NAME_LABEL_LIMIT)),
        x=x,
        color=alt.Color("source type:N", title="speaker type", scale=_source_type_scale(),
                        legend=alt.Legend(values=present)),
        tooltip=["outlet", "anonymity", "role", "claims", alt.Tooltip("share:Q", format=".0%")],
    ).add_params(alt.selection_point(name="outlet_pick", fields=["outlet"])).properties(height=height)


def anonymous_share_chart(shares: pd.DataFrame) -> alt.Chart:
    return alt.Chart(shares).mark_bar().encode(
        y=alt.Y("outlet:N", sort="-x", title=None, axis=alt.Axis(labelLimit=NAME_LABEL_LIMIT)),
        x=alt.X("anonymous_share:Q", title="share of claims from anonymous speakers",
                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        tooltip=["outlet", "claims", alt.Tooltip("anonymous:Q", title="anonymous claims"),
                 alt.Tooltip("anonymous_share:Q", title="anonymous share", format=".0%")],
    ).add_params(alt.selection_point(name="outlet_pick", fields=["outlet"])).properties(
        height=alt.Step(BAR_STEP))


def top_speakers_chart(counts: pd.DataFrame) -> alt.Chart:
    return alt.Chart(counts).mark_bar().encode(
        y=alt.Y("speaker:N", sort=alt.EncodingSortField("speaker_total", order="descending"), title=None,
                axis=alt.Axis(labelLimit=NAME_LABEL_LIMIT)),
        x=alt.X("claims:Q", title="claims", axis=alt.Axis(format="d", tickMinStep=1)),
        color=alt.Color("outlet:N"),
        tooltip=["speaker", "outlet", "claims", alt.Tooltip("speaker_total:Q", title="all outlets")],
    ).add_params(alt.selection_point(name="speaker_pick", fields=["speaker"])).properties(
        height=alt.Step(BAR_STEP))


def carriage_chart(top: pd.DataFrame) -> alt.Chart:
    return alt.Chart(top).mark_bar().encode(
        y=alt.Y("claim:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("outlets:Q", title="outlets", axis=alt.Axis(format="d", tickMinStep=1)),
        tooltip=["claim", "speaker", "outlets", "independent_outlets", "articles"],
    )


def time_chart(counts: pd.DataFrame) -> alt.Chart:
    # An ordinal axis of the periods' labels, in time order: a temporal axis over a few days
    # draws hour ticks and bars a sliver wide.
    order = counts.drop_duplicates("label").sort_values("period")["label"].tolist()
    return alt.Chart(counts).mark_bar().encode(
        x=alt.X("label:O", title=None, sort=order,
                axis=alt.Axis(labelAngle=0 if len(order) <= 6 else -45, labelOverlap=True)),
        y=alt.Y("claims:Q", axis=alt.Axis(format="d", tickMinStep=1)),
        color=alt.Color("kind:N", title="kind of claim"),
        tooltip=[alt.Tooltip("label:N", title="period"), "kind", "claims"],
    )


def picked(event, name: str, field: str) -> list[str]:
    """Values a click selected in a chart drawn with on_select="rerun"."""
    try:
        points = event["selection"][name]
    except (KeyError, TypeError):
        return []
    if isinstance(points, dict):
        points = points.get(field, [])
        return [str(v) for v in points]
    return [str(p[field]) for p in points or [] if isinstance(p, dict) and field in p]
