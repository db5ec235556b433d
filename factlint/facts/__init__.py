"""The facts layer: the FactSet model (`model`), how a spaCy pass becomes facts (`extract`,
`pieces`) and where that pass runs (`executors`, `cluster`)."""
