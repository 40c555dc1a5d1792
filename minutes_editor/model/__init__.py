"""The report model: plain data, no Qt, no output format."""
