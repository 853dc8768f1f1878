"""Policing or children's services: the words that place a question, or a report, in one sector."""

from __future__ import annotations

import re

from bot.schema import Document

# Words that place a question in policing, or in children's services, when it names no organisation.
POLICE_WORDS = re.compile(
    r"\b(police|policing|forces?|force's|force’s|constabular(y|ies)|peel|hmicf?r?s?|chief constables?|"
    r"crime commissioners?)\b",
    re.I,
)
_CHILDREN_WORDS = re.compile(
    r"\b(ofsted|local authorit(y|ies)|councils?|children's services|children’s services|social work(ers?)?|"
    r"care leavers?|children in care|looked after|send)\b",
    re.I,
)
_POLICE_DOC = re.compile(r"\b(police|constabulary|hmic\w*|peel)\b", re.I)


def sector(question: str, everything: set[str], police: set[str], near: str = "") -> set[str]:
    """Police reports for a question in police words, the others for one in children's-services words; the
    words near the question's in meaning decide only when its own name no sector ("I suspect councils ..."
    is about councils, whatever "suspect" is near)."""
    for text in (question, near):
        if POLICE_WORDS.search(text) and police:
            return set(police)
        if _CHILDREN_WORDS.search(text) and everything - police:
            return everything - police
    return everything


def is_police(doc: Document) -> bool:
    """Whether a document is a police force's report."""
    meta = doc.metadata
    described = " ".join(meta.get(k, "") for k in ("organisation", "inspectorate", "document_type"))
    return bool(_POLICE_DOC.search(described or doc.title))
