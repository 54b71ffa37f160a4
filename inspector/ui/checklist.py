"""Checklist entry: sections on the left, item cards on the right, saved as you go.

This is the view; what the user's keys mean for the database is decided by
`ChecklistController` (Qt-free, on the session). There is no Save button.
Every verdict, count, photo and note change is written at once (one small
transaction, the score cache refreshed in it) — a note on every change of
its text, so killing the app loses nothing already shown. The write's
`Changes` reach the other views through the session's changed signal; this
view refreshes for changes made elsewhere (an import, a resolved conflict,
photos attached by the worker).

Keyboard: Tab / Shift+Tab (like ↑ / ↓) move between items from anywhere in
the checklist and never walk into a note; N or F2 opens the current item's
note, Esc goes back to the item.

Team split: each laptop can tick the sections it is doing; with "only my
sections" the others are hidden. The choice is kept per campaign.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.core.forms import Form
from inspector.core.scoring import Verdict, star_text
from inspector.store.session import (
    ANSWERS,
    ATTACHMENTS,
    INSPECTIONS,
    PROBLEMS,
    SELF_ANSWERS,
    Changes,
    Session,
)
from inspector.ui.changes import session_of, signals_of
from inspector.ui.checklist_controller import (
    ChecklistController,
    ProblemOffer,
    attach_photos,
    my_sections_key,
)
from inspector.ui.errors import show_error
from inspector.ui.item_card import ItemCard
from inspector.ui.item_problem_dialog import ItemProblemDialog
from inspector.ui.section_list import SectionDelegate

SectionIdRole = Qt.ItemDataRole.UserRole + 1
_DIGIT = re.compile(r"\d")

__all__ = ["ChecklistWidget", "my_sections_key"]


class ScoreLabel(QLabel):
    """The header's score: a new text repaints the label, and lays out nothing.

    A label whose text changes asks its layout to be redone, and the request
    climbs to the tab widget, which then repaints the whole checklist: on a
    province that was most of a key press. A label of fixed size asks
    nothing, so the label is fixed to its largest text yet; it grows (once
    laid out again) only when a text needs more room.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._fitted: set[str] = set()  # texts (digits as 0) known to fit the fixed size

    def show_text(self, text: str) -> None:
        if self.text() == text:
            return
        self.setText(text)
        shape = _DIGIT.sub("0", text)  # digits are as wide as each other in the UI fonts
        if shape in self._fitted:  # measuring rich text costs a millisecond and more
            return
        hint = self.sizeHint()
        if hint.width() > self.minimumWidth() or hint.height() != self.minimumHeight():
            self._fitted.clear()
            self.setFixedSize(max(hint.width(), self.minimumWidth()), hint.height())
        self._fitted.add(shape)


class ChecklistWidget(QWidget):
    """Fills in one inspection. `load(campaign, township)` first; `changed` after writes
    (what changed also goes to every view through the session's signal)."""

    changed = Signal()

    def __init__(self, session: Session | Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session_of(session)
        self.controller = ChecklistController(self.session)
        self.form: Form | None = None
        self.cards: dict[str, ItemCard] = {}
        self.section_headers: dict[str, QLabel] = {}
        self.problem_dialog: ItemProblemDialog | None = None
        self._current: ItemCard | None = None
        self._photo_jobs: list[Any] = []
        self._build()
        self._connect_signals()
        signals_of(self.session).changed.connect(self._on_changed)

    @property
    def campaign_id(self) -> str | None:
        return self.controller.campaign_id

    @property
    def township_id(self) -> str | None:
        return self.controller.township_id

    @property
    def inspection(self) -> dict[str, Any] | None:
        return self.controller.inspection

    @inspection.setter
    def inspection(self, value: dict[str, Any] | None) -> None:
        self.controller.inspection = value

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.score_label = ScoreLabel(self)
        self.finish_button = QPushButton(self)
        self.finish_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.only_mine = QCheckBox(self.tr("Only my sections"), self)
        self.only_mine.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.only_mine.setToolTip(
            self.tr(
                "Tick the sections this laptop is doing in the list "
                "on the left; the others are hidden."
            )
        )
        # The score on a line of its own under the title: side by side they asked for
        # some 760 px, and a window 800 px wide squeezed the township tree to its icons.
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.only_mine)
        top.addWidget(self.finish_button)
        header = QVBoxLayout()
        header.setSpacing(2)
        header.addLayout(top)
        header.addWidget(self.score_label)
        self.readonly_label = QLabel(
            self.tr("This inspection is finished and read-only. Reopen it to change answers."), self
        )
        self.readonly_label.setStyleSheet("background: #fdebd0; padding: 4px;")
        self.readonly_label.setWordWrap(True)  # a narrow window keeps room for the tree
        self.readonly_label.setVisible(False)

        self.section_list = QListWidget(self)
        self.section_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.section_list.setWordWrap(True)
        self.section_list.setSpacing(2)
        self.section_delegate = SectionDelegate(self.section_list)
        self.section_list.setItemDelegate(self.section_delegate)
        self.items_host = QWidget(self)
        self.items_host.setAutoFillBackground(True)
        self.items_layout = QVBoxLayout(self.items_host)
        self.items_layout.setSpacing(8)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.items_host)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.section_list)
        self.splitter.addWidget(self.scroll_area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        hint = QLabel(
            self.tr(
                "Keys: 1 meets · 2 partly meets · 3 does not meet · "
                "4 not applicable · 0 clear · ↑↓ or Tab to move · "
                "N note (Esc back)"
            ),
            self,
        )
        hint.setStyleSheet("color: #707b7c;")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.readonly_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(hint)

    def _connect_signals(self) -> None:
        self.finish_button.clicked.connect(self._on_finish_clicked)
        self.only_mine.toggled.connect(self._on_only_mine)
        self.section_list.itemClicked.connect(self._on_section_clicked)
        self.section_list.itemChanged.connect(self._on_section_checked)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _build_cards(self, form: Form) -> None:
        while self.items_layout.count():
            old = self.items_layout.takeAt(0)
            if old is not None and (widget := old.widget()) is not None:
                widget.deleteLater()
        self.cards.clear()
        self.section_headers.clear()
        for section in form.sections:
            label = QLabel(f"<b>{section.title}</b>", self.items_host)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.items_layout.addWidget(label)
            self.section_headers[section.id] = label
            for item in section.items:
                card = ItemCard(item, self.session.db, self.items_host)
                self._connect_card(card)
                self.items_layout.addWidget(card)
                self.cards[item.id] = card
        self.items_layout.addStretch(1)

    def _connect_card(self, card: ItemCard) -> None:
        card.verdict_chosen.connect(self._on_verdict)
        card.number_changed.connect(self._on_number)
        card.number_finished.connect(self._on_number_finished)
        card.note_edited.connect(self._on_note_edited)
        card.photos_requested.connect(self._on_photos_requested)
        card.files_dropped.connect(self._on_files_dropped)
        card.move_requested.connect(self._on_move)
        card.problem_requested.connect(self._on_problem_requested)

    # -- loading -------------------------------------------------------------------------
    def load(self, campaign_id: str, township_id: str) -> bool:
        """Show the township's inspection; False if it has not been started."""
        opened = self.controller.open(campaign_id, township_id)
        if opened is None:
            return False
        if self.form is None or opened.form.sha256 != self.form.sha256:
            self.form = opened.form
            self._build_cards(opened.form)
        self.title_label.setText(self.tr("{0} — checklist").format(opened.township["name"]))
        for item_id, card in self.cards.items():
            card.show_answer(opened.answers.get(item_id))
            card.photos.set_attachments(opened.photos.get(item_id, []))
            card.show_problems(opened.problem_counts.get(item_id, 0))
            card.show_self_answer(opened.self_answers.get(item_id))
        self._fill_sections()
        self._show_status()
        self._show_score()
        return True

    def reload(self) -> None:
        if self.campaign_id and self.township_id:
            self.load(self.campaign_id, self.township_id)

    def _on_changed(self, changes: Changes) -> None:
        """Re-read what another view, the worker or an import changed in this inspection;
        this view's own edits are on screen already."""
        iid = self.controller.inspection_id
        if (
            iid is not None
            and not changes.everything
            and changes.touches(SELF_ANSWERS)
            and changes.concerns_township(self.controller.township_id)
        ):
            self.reload()  # the township's own sheet came in: its 自评 beside each item
            return
        if iid is None or not changes.concerns_inspection(iid):
            return
        mine = changes.source is self
        if changes.everything or (not mine and changes.touches(ANSWERS, PROBLEMS)):
            self.reload()
            return
        if changes.touches(ATTACHMENTS):
            photos = self.controller.photos()
            for card in self.cards.values():
                card.photos.set_attachments(photos.get(card.item.id, []))
        if not mine and changes.touches(INSPECTIONS):
            self.controller.reread_inspection()
            self._show_status()

    def _fill_sections(self) -> None:
        assert self.form is not None
        mine = self.controller.my_sections()
        self.section_list.blockSignals(True)
        self.section_list.clear()
        self.section_delegate.forget()
        for section in self.form.sections:
            entry = QListWidgetItem(section.title)
            entry.setData(SectionIdRole, section.id)
            entry.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            entry.setCheckState(
                Qt.CheckState.Checked
                if mine is None or section.id in mine
                else Qt.CheckState.Unchecked
            )
            entry.setToolTip(self.tr("Ticked: this laptop is doing this section"))
            self.section_list.addItem(entry)
        self.section_list.blockSignals(False)
        self.only_mine.blockSignals(True)
        self.only_mine.setChecked(self.controller.only_mine)
        self.only_mine.blockSignals(False)
        self._apply_visibility()

    def _show_status(self) -> None:
        finished = self.controller.finished
        self.finish_button.setText(self.tr("Reopen") if finished else self.tr("Finish inspection"))
        self.readonly_label.setVisible(finished)
        for card in self.cards.values():
            card.set_read_only(finished)

    def _show_score(self) -> None:
        if not self.inspection or self.form is None:
            return
        cache = self.controller.score()
        if cache is None:
            return
        if cache["answered"] and cache["applicable"]:
            score = f"{cache['score']:.1f}"
            stars = star_text(cache["stars"], self.form.rating.max_stars)
        else:  # nothing scored yet: no score to show, not a score of 0
            score = stars = "—"
        veto = ""
        if cache["veto_failed"]:
            veto = " &nbsp;<span style='color:#c0392b'>{}</span>".format(
                self.tr("veto failed: {0}").format(", ".join(cache["veto_failed"]))
            )
        text = (
            self.tr(
                "Score <b>{0}</b> &nbsp; <span style='color:#d4ac0d'>{1}</span> &nbsp; "
                "{2}/{3} answered"
            ).format(score, stars, cache["answered"], cache["items"])
            + veto
        )
        self.score_label.show_text(text)
        by_id = {s["id"]: s for s in cache["sections"]}
        titles = {s.id: s.title for s in self.form.sections}
        resized = False
        sections, delegate = self.section_list, self.section_delegate
        for row in range(sections.count()):
            entry = sections.item(row)
            sec = by_id.get(entry.data(SectionIdRole))
            if sec is None:
                continue
            score = "—" if sec["score"] is None else f"{sec['score']:.1f}"
            text = self.tr("{0}\n{1}/{2} answered · score {3}").format(
                titles[sec["id"]], sec["answered"], sec["items"], score
            )
            index = sections.indexFromItem(entry)
            if delegate.text(index) != text and not delegate.show(sections, index, text):
                resized = True
        if resized:  # a line more or less: lay the list out again (it repaints whole)
            sections.doItemsLayout()

    # -- moving --------------------------------------------------------------------------
    def visible_cards(self) -> list[ItemCard]:
        return [c for c in self.cards.values() if not c.isHidden()]

    def focus_item(self, item_id: str) -> None:
        card = self.cards[item_id]
        card.setFocus(Qt.FocusReason.TabFocusReason)
        if card.spin is not None:
            card.spin.selectAll()  # typing replaces the count, as after Tab
        self._set_current(card)

    def focus_first_open(self) -> None:
        """Put the keyboard on the first unanswered item of my sections."""
        cards = self.visible_cards()
        if not cards:
            return
        first = self.controller.first_open(c.item.id for c in cards) if self.inspection else None
        self.focus_item(first or cards[0].item.id)

    def current_item(self) -> str | None:
        return self._current.item.id if self._current else None

    def _on_move(self, card: ItemCard, delta: int) -> None:
        cards = self.visible_cards()
        if card not in cards:
            return
        index = cards.index(card) + delta
        if 0 <= index < len(cards):
            self.focus_item(cards[index].item.id)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab / Shift+Tab anywhere in the checklist: the next / previous item.

        Qt hands Tab from any child (a card, its note, its count box) up to
        here, so Tab never walks into a note or through buttons.
        """
        card = self._card_of(QApplication.focusWidget()) or self._current
        cards = self.visible_cards()
        if card is None or card not in cards:
            if not cards:
                return super().focusNextPrevChild(forward)
            self.focus_item(cards[0 if forward else -1].item.id)
            return True
        self._on_move(card, 1 if forward else -1)
        return True

    def _card_of(self, widget: QWidget | None) -> ItemCard | None:
        while widget is not None and not isinstance(widget, ItemCard):
            widget = widget.parentWidget()
        if widget is not None and self.cards.get(widget.item.id) is widget:
            return widget
        return None

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        card = self._card_of(new)
        if card is not None:
            self._set_current(card)

    def _set_current(self, card: ItemCard) -> None:
        if self._current is card:
            return
        if self._current is not None and self._current in self.cards.values():
            self._current.set_current(False)
        self._current = card
        card.set_current(True)
        self._bring_into_view(card)

    def _bring_into_view(self, card: ItemCard) -> None:
        """Scroll only when the card is not wholly in view, and then by a page.

        Stepping down the list with the minimal scroll moves the view by one card
        on every key press, and a scrolled view is painted whole; putting a card
        that left the view at the top shows the next few items below it, so the
        following presses scroll nothing and the inspector reads ahead.
        """
        bar = self.scroll_area.verticalScrollBar()
        view = self.scroll_area.viewport().height()
        top = card.mapTo(self.items_host, card.rect().topLeft()).y()
        bottom = top + card.height()
        margin = 20
        if top >= bar.value() and bottom <= bar.value() + view:
            return
        if top < bar.value() or card.height() + margin > view:
            bar.setValue(max(0, top - margin))  # a card above, or taller than the view
        else:
            bar.setValue(min(bar.maximum(), top - margin))

    # -- writing -------------------------------------------------------------------------
    def _write(self, item_id: str, **values: Any) -> bool:
        """One answer change in one transaction; the score header follows."""
        if not self.inspection:
            return False
        try:
            self.controller.write(item_id, source=self, **values)
        except Exception as exc:
            show_error(self, exc, self.tr("Not saved"))
            self.reload()
            return False
        self._show_score()
        self.changed.emit()
        return True

    def _on_verdict(self, item_id: str, verdict: Verdict | None) -> None:
        if self._write(item_id, verdict=verdict):
            self._offer_withdrawal(item_id, verdict)
            self._offer_problem(self.controller.offer_for_verdict(item_id, verdict))

    def _on_number(self, item_id: str, value: float | None) -> None:
        self._write(item_id, number=value)

    def _on_number_finished(self, item_id: str) -> None:
        self._offer_problem(
            self.controller.offer_for_number(item_id, self.cards[item_id].number_value())
        )

    def _on_note_edited(self, item_id: str, text: str) -> None:
        """Every change of a note is written at once (one small transaction)."""
        self._write(item_id, note=text)

    # -- problems ------------------------------------------------------------------------
    def _offer_withdrawal(self, item_id: str, verdict: Verdict | None) -> None:
        """A verdict changed away from 不符合: its open problem may have been a mistake."""
        problems = self.controller.withdrawable(item_id, verdict)
        if not problems:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw problem"),
            self.tr(
                "Item {0} no longer fails. Withdraw the %n problem(s) recorded for it?",
                "",
                len(problems),
            ).format(item_id),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.controller.withdraw(item_id, problems, source=self)
        except Exception as exc:
            show_error(self, exc, self.tr("Problem not withdrawn"))
            return
        self.cards[item_id].show_problems(self.controller.problem_counts.get(item_id, 0))
        self.changed.emit()

    def _on_problem_requested(self, item_id: str) -> None:
        self._offer_problem(self.controller.offer_again(item_id))

    def _offer_problem(self, offer: ProblemOffer | None) -> None:
        if offer is None or self.problem_dialog:
            return
        dialog = ItemProblemDialog(offer.item, offer.text, offer.unit, offer.deadline, self)
        dialog.finished.connect(lambda result: self._on_problem_dialog_done(dialog, result))
        self.problem_dialog = dialog
        dialog.open()

    def _on_problem_dialog_done(self, dialog: ItemProblemDialog, result: int) -> None:
        self.problem_dialog = None
        dialog.deleteLater()
        if result != ItemProblemDialog.DialogCode.Accepted or not self.inspection:
            if self.inspection and dialog.item.id in self.cards:  # skipped: offer it again
                self.cards[dialog.item.id].show_problems(0, offer=True)
            return
        item_id = dialog.item.id
        try:
            self.controller.add_problem(
                item_id, dialog.problem_text(), dialog.deadline(), dialog.unit(), source=self
            )
        except Exception as exc:
            show_error(self, exc, self.tr("Not saved"))
            return
        self.cards[item_id].show_problems(self.controller.problem_counts[item_id])
        self.changed.emit()

    # -- photos --------------------------------------------------------------------------
    def _on_photos_requested(self, item_id: str) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos to {0}").format(item_id),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff);;All files (*)"),
        )
        if paths:
            self.add_photos(item_id, paths)

    def _on_files_dropped(self, item_id: str, paths: list[str]) -> None:
        self.add_photos(item_id, paths)

    def add_photos(self, item_id: str, paths: list[str]) -> int:
        """Store the files content-addressed and attach them to the item's answer.

        The downscaling runs in the worker, on its own session, behind a progress
        dialog; the photos show when its changes come back through the session's
        signal. Returns how many files were handed over.
        """
        iid = self.controller.inspection_id
        if iid is None:
            return 0
        path = self.session.path
        if not path:  # an in-memory database has no file for the worker to open
            try:
                self.session.answers.attach_files(iid, item_id, paths, source=self)
            except Exception as exc:
                show_error(self, exc, self.tr("Photos not added"))
                return 0
            self.changed.emit()
            return len(paths)
        from inspector.ui.worker import run_job

        title = self.tr("Photos not added")

        def arrived(changes: Changes) -> None:
            self.session.announce(changes, source=self)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            show_error(self, exc, title)

        job = run_job(
            self,
            self.tr("Adding photos…"),
            attach_photos,
            path,
            iid,
            item_id,
            list(paths),
            on_success=arrived,
            on_failure=failed,
        )
        self._photo_jobs.append(job)
        job.signals.done.connect(lambda: self._photo_jobs.remove(job))
        return len(paths)

    # -- finishing and the team split ----------------------------------------------------
    def _on_finish_clicked(self) -> None:
        if not self.inspection:
            return
        from inspector.ui.finish_question import ask_before_finishing

        if not self.controller.finished and not ask_before_finishing(
            self, self.session, self.inspection
        ):
            return
        self.set_finished(not self.controller.finished)

    def set_finished(self, finished: bool) -> None:
        """Finish (read-only) or reopen, audited like any edit."""
        if not self.inspection:
            return
        self.controller.set_finished(finished, source=self)
        self._show_status()
        self.changed.emit()

    def _on_section_clicked(self, entry: QListWidgetItem) -> None:
        section_id = entry.data(SectionIdRole)
        header = self.section_headers.get(section_id)
        if header is None or self.form is None:
            return
        self.scroll_area.verticalScrollBar().setValue(header.y())
        section = next(s for s in self.form.sections if s.id == section_id)
        visible = [i.id for i in section.items if not self.cards[i.id].isHidden()]
        if visible:
            self.focus_item(visible[0])

    def _on_section_checked(self, _entry: QListWidgetItem) -> None:
        if not self.campaign_id:
            return
        mine = [
            self.section_list.item(r).data(SectionIdRole)
            for r in range(self.section_list.count())
            if self.section_list.item(r).checkState() == Qt.CheckState.Checked
        ]
        self.controller.set_my_sections(mine, self.section_list.count())
        self._apply_visibility()

    def _on_only_mine(self, checked: bool) -> None:
        self.controller.set_only_mine(checked)
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        if self.form is None:
            return
        mine = self.controller.my_sections()
        only = self.only_mine.isChecked()
        for section in self.form.sections:
            show = not only or mine is None or section.id in mine
            self.section_headers[section.id].setVisible(show)
            for item in section.items:
                self.cards[item.id].setVisible(show)
