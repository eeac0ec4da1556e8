"""A page not built yet: says what it will hold, so cadres know what is coming."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, texts: Callable[[], tuple[str, str]], *, parent: QWidget | None = None):
        """`texts()` returns (heading, what the page will hold), already translated."""
        super().__init__(parent)
        self._texts = texts
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold; color: #333;")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setStyleSheet("font-size: 14px; color: #555;")
        self.body.setFixedWidth(560)
        self.body.setMinimumHeight(60)
        self.note = QLabel()
        self.note.setStyleSheet("color: #999;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.heading, self.body, self.note):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        heading, body = self._texts()
        self.heading.setText(heading)
        self.body.setText(body)
        self.note.setText(self.tr("此功能正在建设中，将在后续版本中提供。"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
