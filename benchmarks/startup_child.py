"""The start-up children of bench_gui.py: a bare PySide6 window, and the editor on a report.

Each imports only what its own start needs; this file imports nothing else at
the top. The bare window is then what the issue compares with: a process that
imports PySide6.QtWidgets and shows an empty window (bench_gui.py's own
imports, statistics and subprocess among them, would add 10 ms to both).

Each child writes ``shown`` once its first paint is over (a zero timer fires
when the paint, its children's and the flush are done), then ``peak_mb=N``.
The editor then writes ``ready complete=True|False`` once the rest of the
window is built and the first preview shown, when every part answers;
``editor-shown`` stops at the first paint (for counting instructions).
"""

import os
import sys


def _write(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_window() -> None:
    """Import PySide6.QtWidgets, show an empty window, report its first paint."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class BareWindow(QWidget):
        """An empty window that reports once its first paint is done, as the editor's window does."""

        painted = False

        def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
            super().paintEvent(event)  # type: ignore[arg-type]
            if not self.painted:
                self.painted = True
                QTimer.singleShot(0, shown)

    def shown() -> None:
        _write("shown")
        _write(f"peak_mb={_peak_mb():.1f}")
        os._exit(0)

    app = QApplication(sys.argv[:1])
    window = BareWindow()
    window.resize(1300, 820)
    window.show()
    app.exec()


def editor_window(path: str, *, only_shown: bool = False) -> None:
    """Start the editor on ``path`` exactly as ``minutes-editor REPORT`` does; report the first paint, then readiness.

    The command is the console script ``minutes_editor.cli:main`` (pyproject.toml): its argument parsing
    and everything else run as for a person typing ``minutes-editor REPORT``. The hooks that report the
    first paint go in once the command has prepared the start (``prepare_start``, before PySide6), where
    the command imports the window anyway.

    With ``only_shown`` (counting instructions under valgrind, 30 times slower), stop at the first paint,
    and keep the window's fallback for a window never painted from building the rest before it.
    """
    import minutes_editor.gui

    prepare_start = minutes_editor.gui.prepare_start

    def prepare_start_and_hook() -> None:
        prepare_start()
        from PySide6.QtCore import QTimer

        from minutes_editor.gui import main_window
        from minutes_editor.gui.main_window import MainWindow

        if only_shown:
            main_window.FIRST_PAINT_WAIT_MS = 3_600_000
        show = MainWindow.show

        def shown() -> None:
            _write("shown")
            _write(f"peak_mb={_peak_mb():.1f}")
            if only_shown:
                os._exit(0)

        def show_and_report(window: MainWindow) -> None:
            window.first_painted.connect(lambda: QTimer.singleShot(0, shown))
            window.preview_refreshed.connect(lambda: (_write(f"ready complete={window.is_complete}"), os._exit(0)))
            show(window)

        MainWindow.show = show_and_report  # type: ignore[method-assign]

    minutes_editor.gui.prepare_start = prepare_start_and_hook
    # What the console script minutes-editor does, with the report as its one argument.
    sys.argv = ["minutes-editor", path]
    from minutes_editor.cli import main

    sys.exit(main())


if __name__ == "__main__":
    if sys.argv[1:2] == ["bare"]:
        bare_window()
    elif sys.argv[1:2] == ["editor"] and len(sys.argv) == 3:
        editor_window(sys.argv[2])
    elif sys.argv[1:2] == ["editor-shown"] and len(sys.argv) == 3:
        editor_window(sys.argv[2], only_shown=True)
    else:
        sys.exit("usage: startup_child.py bare | editor REPORT | editor-shown REPORT")
