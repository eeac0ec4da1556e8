"""上报材料: the 统计 page's figures as a PDF (through Qt: QTextDocument printed on a QPdfWriter,
its fonts embedded; charts as images) and as an Excel workbook. Both are made from the same
`stats_tables` rows as the page, so the numbers match what is on screen."""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSize, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextFrame,
    QTextTable,
)
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.pages import stats_tables as st
from sync.tools import excel

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # literal texts, so lupdate finds them

PDF_ROWS = 10  # rows of a ranking in the PDF (chart and table fit one page); Excel has all
CHART_SIZE = QSize(960, 400)  # pixels of a chart image, drawn the width of the text
# The text area of an A4 page with 15 mm margins, in points: the document is laid out on it,
# so a width in the HTML is a share of the page whatever the writer's resolution.
TEXT_AREA = QSizeF(180 / 25.4 * 72, 267 / 25.4 * 72)
CHART_WIDTH = 500  # points, of TEXT_AREA's 510


@dataclass(frozen=True)
class Report:
    """What the report says, every text already in the user's language."""

    title: str
    subtitle: str
    summary: list[tuple[str, str]]
    targets: excel.Sheet
    datasets: list[st.Dataset]
    charts: list[QImage]  # one per dataset, drawn on the UI thread


# A figure: a number, rate, date, month, period ("2026-01-01 — 2026-12-31") or "done / target",
# or "—" (not known). A figure never wraps, but for a period after its dash: a date broken at
# its hyphens reads as two numbers, and a dash alone on a line as nothing.
FIGURE = re.compile(r"[\d\s.,:/%+—-]*\d[\d\s.,:/%+—-]*|—")
PERIOD = " — "
# A column of text keeps at least this much a line (or its longest text, if shorter): a
# category or a status on one line, a heading such as 报名人数 on two, not a letter a line.
WRAPPED_MIN = "中" * 4
HEADING_MIN = "中" * 2
# A word of Latin letters or digits (the English texts, an "Excel" in a title): Chinese breaks
# between any two characters, a word only at its ends.
WORD = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")
BORDERS = 2 * 3 + 1  # cellpadding on both sides and a border, per column, in document units
# Text measured here (at the screen's resolution) lays out a little wider at the printer's 300
# dpi: a column exactly as wide as 实践实习 printed 实践实 over 习.
SLACK = 1.08
NOWRAP = "white-space: nowrap"  # Qt's HTML import ignores the nowrap attribute, not the style


def _figure(value: object) -> bool:
    return isinstance(value, int | float) or bool(FIGURE.fullmatch(str(value)))


def _cell(value: object) -> str:
    """A cell: figures on one line (a period may break after its dash), numbers right-aligned
    as on screen; texts wrap."""
    text = str(value)
    if isinstance(value, int | float):
        return f"<td style='{NOWRAP}' align='right'>{html.escape(text)}</td>"
    if _figure(value) and PERIOD in text:
        first, last = (
            f"<span style='{NOWRAP}'>{html.escape(t)}</span>" for t in text.split(PERIOD, 1)
        )
        return f"<td>{first}&nbsp;— {last}</td>"
    if _figure(value):
        return f"<td style='{NOWRAP}'>{html.escape(text)}</td>"
    return f"<td>{html.escape(text)}</td>"


def _extent(
    value: object, metrics: QFontMetricsF, wrapped_min: str = WRAPPED_MIN, *, words: bool = True
) -> tuple[float, float]:
    """(width on one line, the narrowest it may be) of a cell's text; with `words`, a text no
    narrower than its longest Latin word."""
    text = str(value)

    def width(part: str) -> float:
        return metrics.horizontalAdvance(part) * SLACK

    whole = width(text)
    if _figure(value) and PERIOD in text:
        first, last = text.split(PERIOD, 1)
        return whole, max(width(first + PERIOD), width(last))
    if _figure(value):
        return whole, whole
    longest = [width(word) for word in WORD.findall(text)] if words else []
    return whole, max([min(whole, width(wrapped_min)), *longest])


def _widths(headers: list[str], rows: list, fonts: tuple[QFont, QFont]) -> list[float]:
    """Each column's share of the table's width, in percent. Left to itself Qt shares the width
    by content: a column of periods broke them into date, dash and date while it had room, and
    one-line cells could push a table off the page. Here each column first gets its narrowest
    (one-line figures whole, text a few characters a line), then the rest of the width goes to
    the columns that can use it, in proportion to what they lack for one line each."""
    cell, bold = (QFontMetricsF(f) for f in fonts)
    available = TEXT_AREA.width() - BORDERS * len(headers) - 1
    # Headings keep their words whole when that fits; else (English, nine columns) they break
    # inside words rather than push the table off the page.
    for whole_words in (True, False):
        narrowest, natural = [], []
        for c, header in enumerate(headers):
            extents = [_extent(r[c], cell) for r in rows]
            extents.append(_extent(header, bold, HEADING_MIN, words=whole_words))
            natural.append(max(whole for whole, _ in extents))
            narrowest.append(max(least for _, least in extents))
        if sum(narrowest) <= available:
            break
    if sum(natural) <= available:
        widths = natural
    else:
        spare = max(available - sum(narrowest), 0.0)
        lack = [n - m for n, m in zip(natural, narrowest, strict=True)]
        widths = [
            m + (spare * s / sum(lack) if sum(lack) else 0.0)
            for m, s in zip(narrowest, lack, strict=True)
        ]
    # Qt takes a percentage of the whole table, a cell's padding and border included.
    cells = [w + BORDERS for w in widths]
    return [100 * w / sum(cells) for w in cells]


class _Tables:
    """The report's tables as HTML, each cut into pieces before the rows in `breaks`
    (table number → body rows), a piece after a cut starting a page under the same heading row;
    `pieces` lists (table number, first body row) in the document's order, as Qt's tables."""

    def __init__(self, fonts: tuple[QFont, QFont], breaks: dict[int, set[int]]):
        self.fonts = fonts
        self.breaks = breaks
        self.pieces: list[tuple[int, int]] = []
        self.count = 0

    def html(self, sheet: excel.Sheet, limit: int | None = PDF_ROWS) -> str:
        number, self.count = self.count, self.count + 1
        rows = sheet.rows if limit is None else sheet.rows[:limit]
        headers = [str(h) for h in sheet.headers]
        head = "".join(
            f"<th width='{width:.1f}%'>{html.escape(h)}</th>"
            for h, width in zip(headers, _widths(headers, rows, self.fonts), strict=True)
        )
        cut_before = self.breaks.get(number, set())
        cuts = [0, *sorted(r for r in cut_before if 0 < r < len(rows))]
        tables = []
        for first, end in zip(cuts, [*cuts[1:], len(rows)], strict=True):
            self.pieces.append((number, first))
            body = "".join(
                "<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows[first:end]
            )
            style = " style='page-break-before: always'" if first or 0 in cut_before else ""
            tables.append(
                f"<table class='grid'{style} width='100%' border='1' cellspacing='0'"
                f" cellpadding='3'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            )
        return "".join(tables) + _table_note(len(rows), len(sheet.rows))


def _table_note(shown: int, total: int) -> str:
    if not total:
        return "<p class='note'>" + html.escape(translate("StatsReport", "本期无数据。")) + "</p>"
    if shown < total:
        text = translate(
            "StatsReport", "前 {n} 行，共 {total} 行；完整表格见同名 Excel 文件。"
        ).format(n=shown, total=total)
        return f"<p class='note'>{html.escape(text)}</p>"
    return ""


def _rows_across_pages(document: QTextDocument) -> list[tuple[int, int]]:
    """(table, row) of the first row of each Qt table that runs from one page onto the next:
    Qt moves the lines that do not fit to the next page cell by cell, which cuts a row in
    two. Tables in the document's order; row 0 is the heading."""
    layout = document.documentLayout()
    page = document.pageSize().height()
    tables: list[QTextTable] = []

    def collect(frame: QTextFrame) -> None:
        for child in frame.childFrames():
            if isinstance(child, QTextTable):
                tables.append(child)
            collect(child)

    collect(document.rootFrame())
    found = []
    for number, table in enumerate(tables):
        for row in range(1, table.rows()):
            cells = [table.cellAt(row, c) for c in range(table.columns())]
            top = min(
                layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells
            )
            bottom = max(
                layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells
            )
            if int(top // page) != int((bottom - 0.5) // page):
                found.append((number, row))
                break
    return found


def build_document(report: Report) -> QTextDocument:
    """The report laid out on the A4 text area. A table row that would run across a page
    starts the next page instead (one layout pass per row moved; a report has a few)."""
    breaks: dict[int, set[int]] = {}
    while True:
        document, tables = _document(report, breaks)
        moved = False
        for piece, row in _rows_across_pages(document):
            number, first = tables.pieces[piece]
            cut = first + row - 1  # before the body row that runs across (0: the whole table)
            if cut not in breaks.setdefault(number, set()):  # else it starts a page already
                breaks[number].add(cut)
                moved = True
        if not moved:
            return document


def _document(report: Report, breaks: dict[int, set[int]]) -> tuple[QTextDocument, _Tables]:
    document = QTextDocument()
    font = QFont(QGuiApplication.font())  # the app's font: Simplified Chinese shapes first
    font.setPointSize(9)
    document.setDefaultFont(font)
    cell_font = QFont(font)
    cell_font.setPointSize(8)  # as the style sheet's td, th
    header_font = QFont(cell_font)
    header_font.setBold(True)
    tables = _Tables((cell_font, header_font), breaks)
    document.setDefaultStyleSheet(
        "h1 { font-size: 18pt; color: #c8161d; } h2 { font-size: 13pt; margin-top: 14px; }"
        " table.grid { border-color: #bbbbbb; border-style: solid; border-collapse: collapse; }"
        " td, th { font-size: 8pt; } th { background-color: #eeeeee; }"
        " .note { color: #666666; font-size: 8pt; }"
    )
    parts = [
        f"<h1>{html.escape(report.title)}</h1><p>{html.escape(report.subtitle)}</p>",
        "<h2>" + html.escape(translate("StatsReport", "主要数字")) + "</h2>",
        tables.html(
            excel.Sheet(
                "",
                [translate("StatsReport", "项目"), translate("StatsReport", "数值")],
                report.summary,
            ),
            None,
        ),
        "<h2>" + html.escape(report.targets.title) + "</h2>",
        tables.html(report.targets, None)
        if report.targets.rows
        else "<p class='note'>"
        + html.escape(translate("StatsReport", "本组织及下级暂无考核目标。"))
        + "</p>",
    ]
    for i, (dataset, image) in enumerate(zip(report.datasets, report.charts, strict=True)):
        name = f"chart{i}.png"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        # each figure starts a page: its heading, chart and table stay together
        parts.append(f"<h2 style='page-break-before: always'>{html.escape(dataset.title)}</h2>")
        height = round(CHART_WIDTH * CHART_SIZE.height() / CHART_SIZE.width())
        parts.append(f"<p><img src='{name}' width='{CHART_WIDTH}' height='{height}'></p>")
        parts.append(tables.html(dataset.sheet, PDF_ROWS if dataset.bars is not None else None))
    document.setHtml("".join(parts))
    document.setPageSize(TEXT_AREA)
    return document, tables


def write_pdf(path: Path, report: Report) -> None:
    """A4 portrait, 15 mm margins; written to a temporary file first."""
    temporary = path.with_name(f".{path.name}.part")
    writer = QPdfWriter(str(temporary))
    writer.setTitle(report.title)
    writer.setCreator("苏青U+ 工作台")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = build_document(report)
    document.print_(writer)
    del writer  # closes the file
    try:
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise excel.ExcelFileError("cannot_write", path=str(path), error=str(error)) from error


def excel_sheets(report: Report) -> list[excel.Sheet]:
    summary = excel.Sheet(
        translate("StatsReport", "主要数字"),
        [translate("StatsReport", "项目"), translate("StatsReport", "数值")],
        report.summary,
    )
    return [summary, report.targets, *(d.sheet for d in report.datasets)]


def write_report(pdf_path: Path, report: Report) -> Path:
    """The PDF at `pdf_path` and the workbook beside it (same name, .xlsx); the workbook's path."""
    xlsx_path = pdf_path.with_suffix(".xlsx")
    write_pdf(pdf_path, report)
    excel.export_sheets(xlsx_path, excel_sheets(report))
    log.info("report written to %s and %s", pdf_path, xlsx_path)
    return xlsx_path


def page_report(page) -> Report | None:
    """The report of what `page` shows now: its figures as computed for the page, its charts
    drawn here, on the UI thread, once per computation."""
    if page.result is None:
        return None
    stats = page.result["stats"]
    query = stats.query
    org_name = page.org_combo.currentText().strip()
    scope = (
        translate("StatsReport", "含下级组织")
        if query.subordinates
        else translate("StatsReport", "仅本组织")
    )
    made_on: date = page.today()
    subtitle = translate(
        "StatsReport", "统计期间：{start} 至 {end}（{scope}）　生成日期：{day}"
    ).format(
        start=f"{query.start:%Y-%m-%d}",
        end=f"{query.end:%Y-%m-%d}",
        scope=scope,
        day=f"{made_on:%Y-%m-%d}",
    )
    return Report(
        title=translate("StatsReport", "{org}统计与考核报告").format(org=org_name),
        subtitle=subtitle,
        summary=st.summary_items(stats),
        targets=st.targets_sheet(page.result["targets"]),
        datasets=list(page.datasets),
        charts=[panel.image(CHART_SIZE) for panel in page.panels],
    )


def make_report_interactive(page) -> Path | None:
    from desktop.workers import run_with_progress

    report = page_report(page)
    if report is None:
        return None
    suggested = f"{report.title}-{page.today():%Y%m%d}.pdf"
    path, _ = QFileDialog.getSaveFileName(
        page,
        translate("StatsReport", "生成上报材料"),
        suggested,
        translate("StatsReport", "PDF 文件 (*.pdf)"),
    )
    if not path:
        return None
    pdf = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
    try:
        xlsx = run_with_progress(
            lambda _p, _c: write_report(pdf, report),
            translate("StatsReport", "正在生成上报材料…"),
            parent=page,
            cancellable=False,
        )
    except excel.ExcelFileError as error:
        from desktop.dialogs.import_dialog import file_error_text

        QMessageBox.warning(
            page, translate("StatsReport", "生成失败"), file_error_text(error.code, error.params)
        )
        return None
    page.window().statusBar().showMessage(
        translate("StatsReport", "已生成 {pdf} 和 {xlsx}").format(pdf=pdf.name, xlsx=xlsx.name),
        10_000,
    )
    return pdf
