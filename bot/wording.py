"""Question wording: words that only frame a question, and words derived from one another."""

from __future__ import annotations

from collections.abc import Callable, Iterable

# Words about asking or reporting rather than about the subject: "what did the inspector say about X"
# is answered by a sentence about X, which seldom repeats "inspector" or "say".
FRAMING = (
    "inspector inspectors inspectorate inspection inspections HMI HMIC HMICFRS Ofsted report reports "
    "reported say says said think thinks thought view views find finds found finding findings state stated "
    "mention mentioned describe described comment comments commented conclude concluded note noted tell told "
    "according document documents source sources "
    # question words the BM25 stop list keeps
    "what did does do how why when where which who were has have had can could should would about any its"
)
# Derivational endings the stemmer keeps: "partner" and "partnership" are the same subject.
SUFFIXES = frozenset(
    {"ship", "hood", "ment", "ness", "al", "ive", "or", "er", "ist", "ism", "ity", "ion", "ation", "ic"}
)
MIN_STEM = 5  # shorter stems make false kin ("car" and "career")


def derived(a: str, b: str) -> bool:
    """Whether one stem is the other plus a derivational suffix the stemmer keeps."""
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_STEM and long.startswith(short) and long[len(short) :] in SUFFIXES


def kin(token: str) -> list[str]:
    """Stems one derivational suffix away from the token, either way ("partner" <-> "partnership")."""
    longer = [token + s for s in SUFFIXES] if len(token) >= MIN_STEM else []
    shorter = [token[: -len(s)] for s in SUFFIXES if token.endswith(s) and len(token) - len(s) >= MIN_STEM]
    return sorted(set(longer + shorter))


def subject_terms(tokens: Iterable[str], framing: set[str], known: Callable[[str], bool]) -> list[str]:
    """The question's subject terms and their known kin; all its terms if it has nothing but framing."""
    tokens = list(dict.fromkeys(tokens))
    subject = [t for t in tokens if t not in framing] or tokens
    return list(dict.fromkeys(subject + [k for t in subject for k in kin(t) if known(k)]))
