"""The sidebar's filters: one state, read from and written to the URL, applied to frames.

The state is a plain dataclass kept in a non-widget session key (widget keys disappear
when a page without the widget runs) and mirrored to `st.query_params`, so the address
bar always holds the exact view and a copied URL restores it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from typing import Mapping

import pandas as pd

# URL parameter for each filter; lists repeat the parameter (?outlet=A&outlet=B).
LIST_PARAMS = {"anonymity": "anon", "role": "role", "outlet": "outlet", "speaker": "speaker", "kind": "kind"}
SCALAR_PARAMS = {"date_from": "from", "date_to": "to", "search": "q"}
ALL_PARAMS = tuple(LIST_PARAMS.values()) + tuple(SCALAR_PARAMS.values())


@dataclass
class Filters:
    anonymity: list[str] = field(default_factory=list)
    role: list[str] = field(default_factory=list)
    outlet: list[str] = field(default_factory=list)
    speaker: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    search: str = ""

    @property
    def active(self) -> bool:
        return self != Filters()

    def copy(self) -> "Filters":
        return Filters(**{f.name: (list(v) if isinstance(v := getattr(self, f.name), list) else v)
                          for f in fields(self)})


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def from_query_params(params: Mapping) -> Filters:
    """Filters from st.query_params (or any mapping of name -> str | list[str]); unknown
    or malformed values are ignored rather than failing the page."""
    def values(name: str) -> list[str]:
        if hasattr(params, "get_all"):
            raw = params.get_all(name)
        else:
            raw = params.get(name, [])
            raw = [raw] if isinstance(raw, str) else list(raw)
        return [v for v in raw if isinstance(v, str) and v != ""]

    def scalar(name: str) -> str | None:
        found = values(name)
        return found[-1] if found else None

    state = Filters(**{attr: list(dict.fromkeys(values(name))) for attr, name in LIST_PARAMS.items()})
    state.date_from = _parse_date(scalar("from"))
    state.date_to = _parse_date(scalar("to"))
    state.search = (scalar("q") or "")[:500]
    return state


def to_query_params(state: Filters) -> dict[str, str | list[str]]:
    """Only the filters that are set, so an unfiltered view has a clean address."""
    out: dict[str, str | list[str]] = {}
    for attr, name in LIST_PARAMS.items():
        value = getattr(state, attr)
        if value:
            out[name] = list(value)
    if state.date_from:
        out["from"] = state.date_from.isoformat()
    if state.date_to:
        out["to"] = state.date_to.isoformat()
    if state.search:
        out["q"] = state.search
    return out


def speaker_column(claims: pd.DataFrame) -> pd.Series:
    """The speaker as the app names it: the corpus-wide name, else the resolved one."""
    if "speaker_canonical" in claims.columns:
        return claims["speaker_canonical"].fillna(claims["speaker"])
    return claims["speaker"]


def claim_mask(claims: pd.DataFrame, state: Filters) -> pd.Series:
    mask = pd.Series(True, index=claims.index)
    for attr, column in (("anonymity", "anonymity"), ("role", "role"), ("outlet", "outlet"), ("kind", "kind")):
        chosen = getattr(state, attr)
        if chosen:
            mask &= claims[column].isin(chosen)
    if state.speaker:
        mask &= speaker_column(claims).isin(state.speaker)
    mask &= date_mask(claims, state)
    if state.search:
        mask &= claims["quote"].fillna("").str.contains(state.search, case=False, regex=False)
    return mask


def date_mask(frame: pd.DataFrame, state: Filters) -> pd.Series:
    """Rows inside the date range; undated rows drop out once a bound is set."""
    mask = pd.Series(True, index=frame.index)
    if state.date_from or state.date_to:
        day = frame["day"] if "day" in frame.columns else pd.to_datetime(frame["date"], errors="coerce", format="mixed")
        mask &= day.notna()
        if state.date_from:
            mask &= day >= pd.Timestamp(state.date_from)
        if state.date_to:
            mask &= day <= pd.Timestamp(state.date_to)
    return mask


def apply_filters(claims: pd.DataFrame, state: Filters) -> pd.DataFrame:
    """The claims in view: every sidebar filter at once."""
    return claims[claim_mask(claims, state)]


def filter_articles(articles: pd.DataFrame, state: Filters) -> pd.DataFrame:
    """Articles under the filters that describe articles (outlet and date)."""
    mask = date_mask(articles, state)
    if state.outlet:
        mask &= articles["outlet"].isin(state.outlet)
    return articles[mask]


def describe(state: Filters) -> str:
    parts = []
    for key, value in asdict(state).items():
        if value:
            shown = ", ".join(value) if isinstance(value, list) else str(value)
            parts.append(f"{key.replace('_', ' ')}: {shown}")
    return "; ".join(parts)
