"""The tables the pages show and export, built from the filtered claims.

A page shows a table and its download button exports the very same frame, so the export
is exactly the view; column names here are the export's stable contract.
"""
from __future__ import annotations

import pandas as pd

from extract.export import to_csv_bytes
from extract.matching import claim_outlet_matrix
from extract.schema import ROLES

from .filters import speaker_column

CLAIMS_TABLE_COLUMNS = ["claim_id", "quote", "speaker", "anonymity", "role", "descriptor", "kind", "cue",
                        "stance", "outlet", "date", "carried_by", "carried_by_independent", "article_id"]
SPEAKERS_TABLE_COLUMNS = ["speaker", "anonymity", "role", "descriptor", "claims", "articles", "outlets",
                          "outlet_names"]
OUTLET_ROLE_COLUMNS = [f"role_{r}" for r in ROLES]
OUTLETS_TABLE_COLUMNS = (["outlet", "articles", "claims", "direct", "indirect", "direct_share", "anonymous",
                          "anonymous_share"] + OUTLET_ROLE_COLUMNS + ["shared_claims", "exclusive_claims"])
MATRIX_LEAD_COLUMNS = ["claim_id", "claim_text", "speaker", "carried_by", "carried_by_independent"]


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The download of a table: the shared exporter (UTF-8 BOM, formulas neutralised)."""
    return to_csv_bytes(table)


def claims_table(claims: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame({
        "claim_id": claims["claim_id"],
        "quote": claims["quote"],
        "speaker": speaker_column(claims),
        "anonymity": claims["anonymity"],
        "role": claims["role"],
        "descriptor": claims["descriptor"],
        "kind": claims["kind"],
        "cue": claims["cue"],
        "stance": claims["stance"],
        "outlet": claims["outlet"],
        "date": claims["date"],
        "carried_by": claims["carried_by"],
        "carried_by_independent": claims["carried_by_independent"],
        "article_id": claims["article_id"],
    }, columns=CLAIMS_TABLE_COLUMNS)
    return out.reset_index(drop=True)


def _most_common(values: pd.Series):
    values = values.dropna()
    return values.mode().iloc[0] if len(values) else None


def speakers_table(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker (corpus-wide name): how often, where, and how they are typed."""
    frame = claims.assign(speaker=speaker_column(claims)).dropna(subset=["speaker"])
    if frame.empty:
        return pd.DataFrame(columns=SPEAKERS_TABLE_COLUMNS)
    grouped = frame.groupby("speaker", sort=False)
    out = pd.DataFrame({
        "claims": grouped.size(),
        "articles": grouped["article_id"].nunique(),
        "outlets": grouped["outlet"].nunique(),
    })
    # The most frequent label per speaker, without a Python call per group.
    for column in ("anonymity", "role", "descriptor"):
        counts = frame.groupby(["speaker", column]).size().reset_index(name="n")
        counts = counts.sort_values(["speaker", "n", column], ascending=[True, False, True])
        out[column] = counts.drop_duplicates("speaker").set_index("speaker")[column]
    names = frame[["speaker", "outlet"]].drop_duplicates().sort_values(["speaker", "outlet"])
    out["outlet_names"] = names.groupby("speaker")["outlet"].agg("; ".join)
    out = out.reset_index().sort_values(["claims", "speaker"], ascending=[False, True])
    return out[SPEAKERS_TABLE_COLUMNS].reset_index(drop=True)


def outlets_table(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Sourcing pattern per outlet: role mix, anonymous share, direct vs indirect, and how
    many of its claims other outlets carry too (shared) or only it carries (exclusive)."""
    outlets = sorted(set(claims["outlet"].dropna()) | set(articles["outlet"].dropna()))
    if not outlets:
        return pd.DataFrame(columns=OUTLETS_TABLE_COLUMNS)
    out = pd.DataFrame(index=pd.Index(outlets, name="outlet"))
    out["articles"] = articles.groupby("outlet")["article_id"].nunique()
    grouped = claims.groupby("outlet")
    out["claims"] = grouped.size()
    kinds = pd.crosstab(claims["outlet"], claims["kind"]) if len(claims) else pd.DataFrame()
    out["direct"] = kinds.get("direct", pd.Series(dtype="int64"))
    out["indirect"] = kinds.get("indirect", pd.Series(dtype="int64"))
    out["anonymous"] = grouped["anonymity"].agg(lambda s: int((s == "anonymous").sum())) if len(claims) else 0
    roles = pd.crosstab(claims["outlet"], claims["role"]) if len(claims) else pd.DataFrame()
    out = out.fillna(0)
    for column in ("articles", "claims", "direct", "indirect", "anonymous"):
        out[column] = out[column].astype("int64")
    total = out["claims"].where(out["claims"] > 0)
    out["direct_share"] = (out["direct"] / total).round(3)
    out["anonymous_share"] = (out["anonymous"] / total).round(3)
    for role in ROLES:
        counts = roles[role] if role in roles.columns else pd.Series(0, index=out.index)
        out[f"role_{role}"] = (counts.reindex(out.index).fillna(0) / total).round(3)
    distinct = claims.drop_duplicates(["outlet", "claim_id"])
    out["shared_claims"] = distinct[distinct["carried_by"] > 1].groupby("outlet").size()
    out["exclusive_claims"] = distinct[distinct["carried_by"] <= 1].groupby("outlet").size()
    out[["shared_claims", "exclusive_claims"]] = out[["shared_claims", "exclusive_claims"]].fillna(0).astype("int64")
    out = out.reset_index().sort_values(["claims", "outlet"], ascending=[False, True], kind="stable")
    return out[OUTLETS_TABLE_COLUMNS].reset_index(drop=True)


def matrix_table(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims x outlets (extract.matching.claim_outlet_matrix over the claims in view): how
    many of each outlet's articles carry each claim, most carried claims first."""
    matrix = claim_outlet_matrix(claims)
    if claims.empty:
        return pd.DataFrame(columns=MATRIX_LEAD_COLUMNS)
    speakers = claims.assign(speaker=speaker_column(claims)).drop_duplicates("claim_id").set_index("claim_id")["speaker"]
    out = matrix.reset_index()
    out.insert(2, "speaker", out["claim_id"].map(speakers))
    return out.reset_index(drop=True)


def versions_table(claims: pd.DataFrame, articles: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """Every occurrence of one claim: outlet, article, date, the words it carries."""
    rows = claims[claims["claim_id"] == claim_id]
    meta = articles.set_index("article_id")[["title", "copy_of"]]
    out = pd.DataFrame({
        "outlet": rows["outlet"],
        "article_id": rows["article_id"],
        "date": rows["date"],
        "title": rows["article_id"].map(meta["title"]),
        "copy_of": rows["article_id"].map(meta["copy_of"]),
        "speaker": speaker_column(rows),
        "quote": rows["quote"],
    })
    if "version" in rows.columns:
        out["version"] = rows["version"]
    return out.sort_values(["outlet", "article_id"]).reset_index(drop=True)
