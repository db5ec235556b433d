"""Coverage-guided fuzzing of the loaders and the date parsers with atheris (optional).

Not collected by pytest (the bounded hypothesis version, test_fuzz.py, runs in CI). Run:

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python tests/reliability/fuzz_loaders.py -max_total_time=60 -rss_limit_mb=4096

Any exception other than a one-line InputError for the file is a crash, and libFuzzer saves
the input that caused it (crash-<hash>) for replay: `python fuzz_loaders.py crash-<hash>`.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["factlint"]):
    from factlint.dates import normalise
    from factlint.dates.printed import parse_date_value
    from factlint.documents import load_documents
    from factlint.errors import InputError

SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".rst"]
FOLDER = Path(tempfile.mkdtemp(prefix="factlint-fuzz-"))


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[provider.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    anchor = date(1900, 1, 1) + timedelta(days=provider.ConsumeIntInRange(0, 73_000))
    payload = provider.ConsumeBytes(provider.remaining_bytes())

    path = FOLDER / f"input{suffix}"
    path.write_bytes(payload)
    errors: list[InputError] = []
    for document in load_documents([str(path)], on_error=errors.append):
        document.position(len(document.text))
    for error in errors:
        if "\n" in str(error) or not (error.location or "").startswith(str(path)):
            raise AssertionError(f"not a one-line error naming the file: {error!r}")

    text = payload.decode("utf-8", "replace")
    parse_date_value(text)
    normalise(text[:80], anchor)
    normalise(text[:80], None)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
