"""The rules layer: rule files (`loader`, `model`), the kinds that implement them (`kinds`,
registered by name in `registry`) and what kinds share (`base`, `linking`, `suppressed`)."""
