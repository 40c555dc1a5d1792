"""Writing together: the report as a Yjs document (pycrdt), the relay that serves rooms, and headless clients.

Nothing here imports Qt; see docs/collaboration.md for the document's layout and the relay.
"""
