"""The intermediate form between the report model and every output."""
