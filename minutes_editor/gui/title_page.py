"""The title block page of the editor pane: meeting, subtitle, date, times, time zone, location and status.

It is part of the window's first frame, so it sets enum properties by name
(gui/directions.py) and never uses PySide6's ``Qt`` namespace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QTime, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit, QTimeEdit, QWidget

from minutes_editor.gui.directions import follow_direction, set_enum_property
from minutes_editor.gui.forms import child, fill_with_form, set_combo_text, set_text
from minutes_editor.gui.shortcuts import UndoKeyFilter
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import Direction, TitleBlock

#: Time zones offered in the title block; any other can be typed.
TIME_ZONES = ("CET", "CEST", "UTC", "GMT", "EET", "EEST", "بتوقيت وسط أوروبا", "بتوقيت غرينتش")


class TitlePage(QWidget):
    """The title block form: meeting, subtitle, date, times, time zone, location and status."""

    def __init__(
        self,
        undo_filter: UndoKeyFilter,
        parent: QWidget | None = None,
        *,
        after_paint: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("title_page")
        #: Runs work the first sight of the page can do without (the window's run_after_first_paint).
        self.after_paint = after_paint or (lambda task: task())
        form = fill_with_form(self, "title_block")
        self.meeting = child(form, QLineEdit, "meeting")
        self.subtitle = child(form, QLineEdit, "subtitle")
        self.has_date = child(form, QCheckBox, "has_date")
        self.date = child(form, QDateEdit, "date")
        self.has_times = child(form, QCheckBox, "has_times")
        self.start_time = child(form, QTimeEdit, "start_time")
        self.end_time = child(form, QTimeEdit, "end_time")
        self.timezone = child(form, QComboBox, "timezone")
        self.location = child(form, QLineEdit, "location")
        self.status = child(form, QComboBox, "status")
        self.date_line = child(form, QLabel, "date_line")
        self.location_line = child(form, QLabel, "location_line")
        # The date and the times read left to right in every language. A date or time edit that is
        # right to left when its display format is set reverses the format's sections for good
        # ("14-10-2021" for 2021-10-14, "00:10" for 10:00), so title_block.ui makes them left to
        # right before it gives their format. Its date format has a left-to-right mark after the
        # year and the month: Arabic-Indic digits around a hyphen otherwise show day first.
        self.timezone.addItems(list(TIME_ZONES))
        self.timezone.setCurrentIndex(-1)
        self.date.setDate(QDate.currentDate())
        self.start_time.setTime(QTime(10, 0))
        self.end_time.setTime(QTime(13, 0))
        # After the first paint: a Python event filter makes every event of the first frame cross into
        # Python (and PySide6 build types for the event classes it meets), and no key is pressed before.
        fields = (self.meeting, self.subtitle, self.location, self.timezone.lineEdit(), self.status.lineEdit())

        def filter_keys() -> None:
            for field in fields:
                if field is not None:  # an editable combo box always has its line edit
                    field.installEventFilter(undo_filter)
            from minutes_editor.gui.fields import LocaleDigits

            # Digits typed in the locale's own (Arabic-Indic) digits: see LocaleDigits.
            LocaleDigits(self).watch(self.date, self.start_time, self.end_time)

        self.after_paint(filter_keys)
        self.text_fields: list[QWidget] = [self.meeting, self.subtitle, self.location, self.timezone, self.status]
        self._lines_of: tuple[TitleBlock, LanguagePreset] | None = None
        self._lines_timer = QTimer(self)
        self._lines_timer.setSingleShot(True)
        self._lines_timer.setInterval(0)
        self._lines_timer.timeout.connect(self.update_lines)

    def show_title(self, title: TitleBlock, preset: LanguagePreset) -> None:
        """Show the title block's values and the lines the report will print."""
        set_text(self.meeting, title.meeting)
        set_text(self.subtitle, title.subtitle)
        widgets = (self.has_date, self.date, self.has_times, self.start_time, self.end_time)
        for widget in widgets:
            widget.blockSignals(True)
        self.has_date.setChecked(title.date is not None)
        self.date.setEnabled(title.date is not None)
        if title.date is not None:
            self.date.setDate(QDate(title.date.year, title.date.month, title.date.day))
        has_times = title.start_time is not None or title.end_time is not None
        self.has_times.setChecked(has_times)
        self.start_time.setEnabled(has_times)
        self.end_time.setEnabled(has_times)
        if title.start_time is not None:
            self.start_time.setTime(QTime(title.start_time.hour, title.start_time.minute))
        if title.end_time is not None:
            self.end_time.setTime(QTime(title.end_time.hour, title.end_time.minute))
        for widget in widgets:
            widget.blockSignals(False)
        if self.status.count() != len(preset.status_words) or [
            self.status.itemText(i) for i in range(self.status.count())
        ] != list(preset.status_words):
            self.status.blockSignals(True)
            self.status.clear()
            self.status.addItems(list(preset.status_words))
            self.status.blockSignals(False)
        set_combo_text(self.timezone, title.timezone)
        set_combo_text(self.status, title.status)
        set_text(self.location, title.location)
        # Writing the date line loads the language's CLDR data (tens of ms the first time):
        # do it just after, so opening a report shows the window first.
        self._lines_of = (title, preset)
        self.after_paint(self._lines_timer.start)

    def update_lines(self) -> None:
        """Show the date and location lines as the report writes them."""
        if self._lines_of is None:
            return
        title, preset = self._lines_of
        self.date_line.setText(preset.date_line_text(title))
        self.location_line.setText(preset.location_line_text(title))

    def date_value(self) -> dt.date | None:
        """The date the form holds, or None when unticked."""
        if not self.has_date.isChecked():
            return None
        value = self.date.date()
        return dt.date(value.year(), value.month(), value.day())

    def time_values(self) -> tuple[dt.time | None, dt.time | None]:
        """Start and end times, or None when unticked."""
        if not self.has_times.isChecked():
            return None, None
        start, end = self.start_time.time(), self.end_time.time()
        return dt.time(start.hour(), start.minute()), dt.time(end.hour(), end.minute())

    def set_direction(self, direction: Direction) -> None:
        """Text fields follow the report's direction."""
        for widget in self.text_fields:
            follow_direction(widget, direction)
        for label in (self.date_line, self.location_line):
            follow_direction(label, direction)
            set_enum_property(label, "alignment", "AlignLeft|AlignVCenter")
