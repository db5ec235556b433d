"""Built-in rule kinds, one module each. Every module here is imported by the registry."""
