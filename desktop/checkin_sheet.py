"""A printable PDF sheet of 签到 QR codes, for people without a phone: 3 × 4 on each A4 page,
each with the name and masked phone beneath, cut apart and handed out at the door."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import segno
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

COLUMNS, ROWS = 3, 4
DPI = 300


@dataclass(frozen=True)
class Card:
    name: str
    phone: str  # masked
    code: str


def write_sheet(path: Path, title: str, cards: Sequence[Card]) -> int:
    """Write the PDF; the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    painter = QPainter(writer)
    area = painter.viewport()
    header = area.height() * 0.05
    cell_w = area.width() / COLUMNS
    cell_h = (area.height() - header) / ROWS
    per_page = COLUMNS * ROWS
    pages = max(1, -(-len(cards) // per_page))
    for page in range(pages):
        if page:
            writer.newPage()
        painter.setFont(QFont("sans-serif", 12, QFont.Weight.Bold))
        painter.drawText(
            QRectF(0, 0, area.width(), header),
            Qt.AlignmentFlag.AlignCenter,
            QCoreApplication.translate(
                "CheckinSheet", "{title} · 签到码（第 {n}/{total} 页）"
            ).format(title=title, n=page + 1, total=pages),
        )
        for i, card in enumerate(cards[page * per_page : (page + 1) * per_page]):
            column, row = i % COLUMNS, i // COLUMNS
            cell = QRectF(column * cell_w, header + row * cell_h, cell_w, cell_h)
            _draw_card(painter, cell, card)
    painter.end()
    return pages


def _draw_card(painter: QPainter, cell: QRectF, card: Card) -> None:
    painter.setPen(QColor("#bbbbbb"))
    painter.drawRect(cell.adjusted(4, 4, -4, -4))  # a cutting line
    text_h = cell.height() * 0.18
    side = min(cell.width(), cell.height() - text_h) * 0.86
    left = cell.left() + (cell.width() - side) / 2
    top = cell.top() + cell.height() * 0.05
    _draw_qr(painter, QRectF(left, top, side, side), card.code)
    painter.setPen(QColor("#000000"))
    painter.setFont(QFont("sans-serif", 11, QFont.Weight.Bold))
    below = QRectF(cell.left(), top + side, cell.width(), text_h)
    painter.drawText(below, Qt.AlignmentFlag.AlignCenter, f"{card.name}\n{card.phone}")


def _draw_qr(painter: QPainter, square: QRectF, code: str) -> None:
    """The code's modules as filled squares (with the 4-module quiet zone QR readers need)."""
    qr = segno.make(code, error="m", micro=False)
    matrix = list(qr.matrix)
    border = 4
    count = len(matrix) + 2 * border
    module = square.width() / count
    painter.fillRect(square, QColor("#ffffff"))
    black = QColor("#000000")
    for y, line in enumerate(matrix):
        for x, dark in enumerate(line):
            if dark:
                painter.fillRect(
                    QRectF(
                        square.left() + (x + border) * module,
                        square.top() + (y + border) * module,
                        module + 0.5,  # overlap a hair: no white seams between modules
                        module + 0.5,
                    ),
                    black,
                )
