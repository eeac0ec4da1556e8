"""上报材料: the 统计 page's figures as a PDF (through Qt: QTextDocument printed on a QPdfWriter,
its fonts embedded; charts as images) and as an Excel workbook. Both are made from the same
`stats_tables` rows as the page, so the numbers match what is on screen."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSize, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
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


def _cell(value: object) -> str:
    """A cell; numbers, rates and dates stay on one line (a name may wrap)."""
    text = str(value)
    nowrap = " nowrap" if len(text) <= 10 else ""
    return f"<td{nowrap}>{html.escape(text)}</td>"


def _table(sheet: excel.Sheet, limit: int | None = PDF_ROWS) -> str:
    rows = sheet.rows if limit is None else sheet.rows[:limit]
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in sheet.headers)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    more = ""
    if len(rows) < len(sheet.rows):
        more = (
            "<p class='note'>"
            + html.escape(
                translate(
                    "StatsReport", "前 {n} 行，共 {total} 行；完整表格见同名 Excel 文件。"
                ).format(n=len(rows), total=len(sheet.rows))
            )
            + "</p>"
        )
    if not rows:
        more = "<p class='note'>" + html.escape(translate("StatsReport", "本期无数据。")) + "</p>"
    return (
        "<table class='grid' width='100%' border='1' cellspacing='0' cellpadding='3'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"
    )


def build_document(report: Report) -> QTextDocument:
    document = QTextDocument()
    font = QFont(QGuiApplication.font())  # the app's font: Simplified Chinese shapes first
    font.setPointSize(9)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(
        "h1 { font-size: 18pt; color: #c8161d; } h2 { font-size: 13pt; margin-top: 14px; }"
        " table.grid { border-color: #bbbbbb; border-style: solid; border-collapse: collapse; }"
        " td, th { font-size: 8pt; } th { background-color: #eeeeee; }"
        " .note { color: #666666; font-size: 8pt; }"
    )
    parts = [
        f"<h1>{html.escape(report.title)}</h1><p>{html.escape(report.subtitle)}</p>",
        "<h2>" + html.escape(translate("StatsReport", "主要数字")) + "</h2>",
        _table(
            excel.Sheet(
                "",
                [translate("StatsReport", "项目"), translate("StatsReport", "数值")],
                report.summary,
            ),
            None,
        ),
        "<h2>" + html.escape(report.targets.title) + "</h2>",
        _table(report.targets, None)
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
        parts.append(_table(dataset.sheet, PDF_ROWS if dataset.bars is not None else None))
    document.setHtml("".join(parts))
    document.setPageSize(TEXT_AREA)
    return document


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
    """The report of what `page` shows now (charts drawn here, on the UI thread)."""
    from desktop.pages.stats_panel import render_chart

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
        charts=[render_chart(d, CHART_SIZE) for d in page.datasets],
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
