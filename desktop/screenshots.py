"""`--screenshot DIR`: render every page and the main dialogs offscreen into PNG files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

SIZE = (1366, 800)  # a common office laptop screen


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _save(widget: QWidget, path: Path) -> Path:
    _settle()
    widget.grab().save(str(path))
    return path


def _wait(signal, start, timeout_ms: int = 30_000, paint_ms: int = 800) -> None:
    """Start something and wait until `signal` says it is done (or the timeout), then a moment
    more for the web view to paint."""
    loop = QEventLoop()

    def done(*_) -> None:
        QTimer.singleShot(paint_ms, loop.quit)

    signal.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)
    QTimer.singleShot(0, start)
    loop.exec()
    signal.disconnect(done)


def _show_stats(window, row: int) -> None:
    window.nav.setCurrentRow(row)
    window.stats_page.refresh()  # computes now, whether or not figures were shown before


def capture_all(window, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    window.resize(*SIZE)
    window.show()
    paths = []
    for row, key in enumerate(window.PAGE_KEYS):
        if key == "map":  # the web page loads and draws on its own time
            _wait(window.map_page.redrawn, lambda row=row: window.nav.setCurrentRow(row))
        if key == "stats" and window.stats_page.query() is not None:  # computed on a worker
            _wait(window.stats_page.figures_computed, lambda row=row: _show_stats(window, row))
        window.nav.setCurrentRow(row)
        paths.append(_save(window, out_dir / f"{row + 1:02d}-{key}.png"))
    paths.extend(_capture_review(window, out_dir))
    window.nav.setCurrentRow(0)
    page = window.activities_page
    page.table.selectRow(0)
    paths.extend(_capture_dialog(page, out_dir))
    paths.extend(_capture_followers(window, out_dir))
    paths.extend(_capture_checkin(window, out_dir))
    return paths


def _capture_checkin(window, out_dir: Path) -> list[Path]:
    """签到 on the activity whose door has events (the demo's past one), and its 志愿时长."""
    window.nav.setCurrentRow(window.PAGE_KEYS.index("checkin"))
    page = window.checkin_page
    combo = page.activity_combo
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        if page.book is not None and page.book.counts().arrived:
            break
    else:
        window.nav.setCurrentRow(0)
        return []
    shots = [_save(window, out_dir / "18-checkin-door.png")]
    dialog = page.open_hours()
    if dialog is not None:
        if dialog.rows:
            dialog.table.selectRow(0)
        shots.append(_save(dialog, out_dir / "19-checkin-hours.png"))
        dialog.reject()
    window.nav.setCurrentRow(0)
    return shots


def _capture_followers(window, out_dir: Path) -> list[Path]:
    """The 粉丝 page's growth and notice tabs, and its two dialogs over the page."""
    window.nav.setCurrentRow(window.PAGE_KEYS.index("followers"))
    page = window.followers_page
    shots = []
    for tab, name in ((1, "14-followers-growth.png"), (2, "15-followers-notices.png")):
        page.tabs.setCurrentIndex(tab)
        shots.append(_save(window, out_dir / name))
    page.tabs.setCurrentIndex(0)
    page.table.selectRow(0)

    def grab(name: str) -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        )
        if hasattr(dialog, "title_edit"):
            dialog.title_edit.setText("周末志愿服务集合时间调整")
            dialog.body_edit.setPlainText("本周六上午八点在区团委门口集合，请穿志愿者马甲。")
            dialog.audience_combo.setCurrentIndex(min(1, dialog.audience_combo.count() - 1))
        shots.append(_save(dialog, out_dir / name))
        dialog.reject()

    QTimer.singleShot(0, lambda: grab("16-notice-dialog.png"))
    page.write_notice()
    QTimer.singleShot(0, lambda: grab("17-tag-dialog.png"))
    page.edit_tags(removing=False)
    window.nav.setCurrentRow(0)
    return shots


def _capture_dialog(page, out_dir: Path) -> list[Path]:
    """The activity dialog: once as opened, once after saving with empty required fields."""
    shots: list[Path] = []

    def grab_and_close() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        )
        shots.append(_save(dialog, out_dir / "08-activity-dialog.png"))
        dialog.title_edit.clear()
        dialog.location_edit.clear()
        dialog.lon_edit.setText("121.47")
        dialog.lat_edit.setText("31.23")
        dialog.accept()  # refused: shows the problems beside the fields
        shots.append(_save(dialog, out_dir / "09-activity-dialog-errors.png"))
        dialog.reject()

    QTimer.singleShot(0, grab_and_close)
    page.duplicate_selected()
    return shots


def _capture_review(window, out_dir: Path) -> list[Path]:
    """报名审核 on the activity with the most pending registrations, a row selected, and the
    reject dialog over it."""
    from desktop.dialogs.reject_dialog import RejectDialog
    from sync.client.store import registration_queries as rq

    page = window.registrations_page
    window.nav.setCurrentRow(window.PAGE_KEYS.index("registrations"))
    choices = window.store.read(rq.activity_choices)
    if not choices:
        return []
    busiest = max(choices, key=lambda c: c["pending_count"])
    page.set_activity(busiest["id"])
    page.next_pending()
    shots = [_save(window, out_dir / "10-registrations-review.png")]

    def grab_and_close() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, RejectDialog) and w.isVisible()
        )
        dialog.reasons.setCurrentRow(1)
        shots.append(_save(dialog, out_dir / "11-reject-dialog.png"))
        dialog.reject()

    QTimer.singleShot(0, grab_and_close)
    page.decide("reject")
    return shots
