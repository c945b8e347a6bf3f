"""Generated models: written by datamodel-code-generator from the schema, never edited by hand."""

__all__ = ["annotation", "registry"]
