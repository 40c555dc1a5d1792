"""Reading and writing .minutes files, atomically."""
