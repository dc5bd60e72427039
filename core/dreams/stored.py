"""Mapping between an analysis result and its database row (and back, for re-delivery)."""

from __future__ import annotations

from typing import Any

from core.billing.credits import Balance
from core.db.models import Dream, DreamAnalysis
from core.dreams.analyzer import AnalysisResult
from core.dreams.report import AnalysisReport
from core.interpret.types import LunarContext, SymbolHit


def _symbol_dict(hit: SymbolHit) -> dict[str, Any]:
    return {
        "key": hit.key,
        "label": hit.label,
        "meaning": hit.meaning,
        "archetypes": list(hit.archetypes),
        "span": list(hit.span),
        "evidence": hit.evidence,
    }


def _symbol_from(data: dict[str, Any]) -> SymbolHit:
    return SymbolHit(
        key=data["key"],
        label=data["label"],
        meaning=data["meaning"],
        archetypes=tuple(data.get("archetypes", ())),
        span=(int(data["span"][0]), int(data["span"][1])),
        evidence=data["evidence"],
    )


def lunar_dict(lunar: LunarContext | None) -> dict[str, Any] | None:
    """The lunar context as stored in an analysis's ``hvdc["lunar"]``."""
    if lunar is None:
        return None
    return {
        "lunar_day": lunar.lunar_day,
        "phase_name": lunar.phase_name,
        "phase_key": lunar.phase_key,
        "illumination": lunar.illumination,
        "sign": lunar.sign,
        "folklore_note": lunar.folklore_note,
    }


def row_values(result: AnalysisResult) -> dict[str, Any]:
    """Column values of a ``DreamAnalysis`` for a fresh result."""
    ctx, answer = result.context, result.interpretation
    card_with_spans = [
        {"category": c.category, "code": c.code, "span": list(c.span) if c.span else None}
        for c in ctx.coding.codes
    ]
    return {
        "summary": answer.summary,
        "interpretation": answer.text,
        "archetypes": list(answer.archetypes),
        "symbols": [hit.key for hit in ctx.symbols],
        "hvdc": {
            "card": ctx.coding.card(),
            "codes": card_with_spans,
            "supported": ctx.coding.supported,
            # the dreamer's sex as the dream's grammar shows it («я побежала»): F, M or ""
            "dreamer_sex": ctx.coding.dreamer_sex,
            "highlights": list(ctx.highlights),
            "symbol_hits": [_symbol_dict(hit) for hit in ctx.symbols],
            "lunar": lunar_dict(ctx.lunar),
            "similar": [
                {"dream_id": s.dream_id, "similarity": round(s.similarity, 3)} for s in ctx.similar
            ],
        },
        "mood": answer.mood or ctx.mood,
        "lunar_day": ctx.lunar.lunar_day if ctx.lunar else None,
        "lunar_effect": ctx.lunar.folklore_note if ctx.lunar else "",
        "confidence": answer.confidence,
        "sources": list(answer.sources),
        "model_used": answer.model_used,
        "tokens_used": answer.tokens_used,
        "cost_usd": answer.cost_usd,
        "latency_ms": answer.latency_ms,
        "llm_cache_key": answer.cache_key,
    }


def report_from_row(row: DreamAnalysis, dream: Dream, balance: Balance) -> AnalysisReport:
    details: dict[str, Any] = row.hvdc or {}
    lunar = details.get("lunar")
    return AnalysisReport(
        dream_id=str(dream.id),
        summary=row.summary,
        interpretation=row.interpretation,
        highlights=tuple(details.get("highlights", ())),
        symbols=tuple(_symbol_from(d) for d in details.get("symbol_hits", ())),
        archetypes=tuple(row.archetypes or ()),
        mood=row.mood,
        lunar=LunarContext(**lunar) if lunar else None,
        lunar_effect=row.lunar_effect,
        similar=(),
        confidence=row.confidence,
        model_used=row.model_used,
        balance=balance,
    )
