"""Coarse event types of English event words, so "the fall of X", "X's removal" and "brought
an end to X's rule" are recognised as one kind of event while "the intervention" is another.

A small, general lexicon (in the spirit of FrameNet frames), not a list of any story's facts.
"""

from __future__ import annotations

EVENT_CLASSES: dict[str, frozenset[str]] = {
    "end-of-rule": frozenset(
        [
            "fall",
            "collapse",
            "ouster",
            "oust",
            "ousting",
            "overthrow",
            "topple",
            "toppling",
            "removal",
            "remove",
            "downfall",
            "demise",
            "depose",
            "deposition",
            "end",
            "ending",
            "overthrown",
            "resignation",
            "resign",
            "abdication",
            "abdicate",
            "flee",
            "exile",
        ]
    ),
    "start-of-rule": frozenset(
        [
            "inauguration",
            "inaugurate",
            "swear",
            "sworn",
            "accession",
            "ascend",
            "ascension",
            "coronation",
            "takeover",
            "seize",
            "seizure",
            "coup",
        ]
    ),
    "intervention": frozenset(
        ["intervention", "intervene", "invasion", "invade", "incursion", "deployment", "deploy"]
    ),
    "meeting": frozenset(
        ["meeting", "meet", "encounter", "summit", "talk", "talks", "visit", "session"]
    ),
    "call": frozenset(["call", "phone", "conversation", "telephone"]),
    "death": frozenset(
        ["die", "death", "dead", "kill", "killing", "murder", "slay", "slaying", "funeral"]
    ),
    "birth": frozenset(["bear", "birth", "born"]),
    "election": frozenset(
        ["election", "elect", "vote", "ballot", "poll", "runoff", "referendum", "victory"]
    ),
    "arrest": frozenset(["arrest", "detain", "detention", "custody", "capture"]),
    "charge": frozenset(["charge", "indict", "indictment", "prosecute"]),
    "trial": frozenset(["trial", "verdict", "convict", "conviction", "sentence", "acquit"]),
    "attack": frozenset(
        [
            "attack",
            "bombing",
            "bomb",
            "explosion",
            "blast",
            "shooting",
            "shoot",
            "assault",
            "raid",
            "strike",
        ]
    ),
    "disaster": frozenset(
        [
            "earthquake",
            "quake",
            "tremor",
            "flood",
            "fire",
            "blaze",
            "storm",
            "hurricane",
            "eruption",
        ]
    ),
    "agreement": frozenset(
        ["agreement", "agree", "deal", "treaty", "accord", "sign", "signing", "contract", "pact"]
    ),
    "appointment": frozenset(
        ["appoint", "appointment", "hire", "name", "nominate", "nomination", "promote"]
    ),
    "departure": frozenset(
        [
            "fire",
            "dismiss",
            "dismissal",
            "sack",
            "quit",
            "leave",
            "departure",
            "retire",
            "retirement",
        ]
    ),
    "release": frozenset(
        ["release", "free", "launch", "premiere", "publish", "debut", "open", "opening"]
    ),
    "award": frozenset(["award", "win", "prize", "ceremony", "host", "oscar", "honor", "honour"]),
    "rehab": frozenset(["rehab", "rehabilitation", "treatment", "admit", "check"]),
    "founding": frozenset(
        [
            "found",
            "founding",
            "foundation",
            "establish",
            "establishment",
            "incorporate",
            "incorporation",
            "form",
            "formation",
        ]
    ),
    "launch": frozenset(
        ["launch", "liftoff", "lift", "flight", "maiden", "takeoff", "blastoff", "rocket"]
    ),
    "listing": frozenset(["list", "listing", "ipo", "flotation", "float", "public"]),
    "start": frozenset(["begin", "start", "commence", "beginning", "launch", "kick"]),
    "completion": frozenset(
        ["complete", "completion", "finish", "reopen", "reopening", "inaugurate", "test"]
    ),
    "delivery": frozenset(["deliver", "delivery", "ship", "shipment"]),
    "crash": frozenset(["crash", "plunge", "slump"]),
    "deadline": frozenset(["deadline"]),
    "bid": frozenset(["bid", "offer", "proposal", "approach"]),
    "acquisition": frozenset(
        ["buy", "purchase", "acquire", "acquisition", "merger", "merge", "sell", "sale"]
    ),
}

_BY_WORD: dict[str, tuple[str, ...]] = {}
for _name, _words in sorted(EVENT_CLASSES.items()):
    for _word in _words:
        _BY_WORD[_word] = (*_BY_WORD.get(_word, ()), _name)


def classes_of(words: list[str]) -> list[str]:
    """The event classes any of these lemmas belongs to, sorted."""
    return sorted({name for word in words for name in _BY_WORD.get(word, ())})
