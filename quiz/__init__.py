"""Walk Away self-check engine."""
