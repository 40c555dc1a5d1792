"""The desktop window (PySide6); the only package that imports Qt."""
