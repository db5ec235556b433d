"""What happens to findings after the rules: selection and inline suppressions (`filters`),
baselines, fixes, fingerprints for CI tools and JSONL record names (`records`). The Finding
model itself is `factlint.diagnostics`, below every layer that makes or reads findings."""
