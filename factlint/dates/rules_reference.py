"""TimeML reference tokens: "now" is PRESENT_REF, "recently" PAST_REF, "soon" FUTURE_REF.

Registered before every other rule: "the past" must not read as "the past <unit>".
"""

from __future__ import annotations

import re
from datetime import date

from factlint.dates.grammar import Context, Parsed, rule

_PLURAL_UNITS = r"(?:days|weeks|months|quarters|years|decades|times|seasons)"
REFERENCES = {
    "PRESENT_REF": (
        r"now|right now|just now|for now|as of now|by now|until now|currently|current|the current"
        r"|at present|presently|the present|at the moment|at this time|at this point|these days"
        r"|nowadays"
    ),
    "PAST_REF": (
        r"recently|more recently|most recently|lately|recent|the past|in the past|previously"
        r"|formerly|earlier|some time ago|long ago|a while ago|not long ago|years ago"
        rf"|(?:in )?(?:recent|past) {_PLURAL_UNITS}(?: and {_PLURAL_UNITS})?"
        rf"|(?:the )?past (?:several|many) {_PLURAL_UNITS}"
    ),
    "FUTURE_REF": (
        r"(?:in )?(?:the )?(?:near |foreseeable |distant |immediate )?future|soon|very soon"
        r"|shortly|as soon as possible|someday|some day|(?:a )?later date"
        r"|(?:in |over )?(?:the )?(?:near|short|long|longer|medium) term"
        rf"|(?:in |over )?(?:the )?(?:coming|upcoming|future) {_PLURAL_UNITS}"
        rf"|(?:in )?(?:the )?{_PLURAL_UNITS} (?:to come|ahead)"
    ),
}
_REFERENCE_PATTERN = "|".join(f"(?P<{token}>{words})" for token, words in REFERENCES.items())
REFERENCE = re.compile(_REFERENCE_PATTERN)


@rule(_REFERENCE_PATTERN)
def reference(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return Parsed(token=m.lastgroup, relative=True)
