"""What plancheck generates from its own sources: rule pages, the README's rule
and settings tables, and the JSON Schemas in ``schemas/``."""
