"""pytest plugin: collects `*.cases.yaml` rule cases (being built)."""
