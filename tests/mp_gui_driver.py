"""The desktop app under load, driven from outside: used by tests/store/test_multiprocess.py.

Run as `python tests/mp_gui_driver.py DB SEED`. It opens the real MainWindow
offscreen on DB, starts the checklist of the first township of the first
campaign, and keeps editing notes through the checklist's own write path
(one transaction per edit, as a user typing). Every few edits it opens a
second connection the way the dialogs and the worker do (`open_db` on the
same file, in the worker thread and in the GUI thread), which is what used
to drop the main connection's file locks. After each commit it prints
`committed <answer id> <value>`; the test kills it with SIGKILL at a random
moment and checks that every reported commit is in the file.
"""

from __future__ import annotations

import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(db_path: str, seed: int) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inspector.core.ids import answer_id
    from inspector.store.catalog import find_township
    from inspector.store.db import open_db
    from inspector.ui.main_window import MainWindow
    from inspector.ui.worker import Job, start_job

    app = QApplication(sys.argv[:1])
    window = MainWindow(None, db_path)
    window.remember_state = False
    window.load()
    window.show()
    assert window.campaign_id, "the database needs a campaign"
    assert window.db is not None
    assert window.tree.select_township(find_township(window.db, "昌国街道")["id"])
    assert window.open_checklist()
    checklist = window.checklist
    assert checklist is not None and checklist.inspection is not None
    inspection = checklist.inspection["id"]
    items = list(checklist.cards)
    rng = random.Random(seed)
    state = {"seq": 0}
    jobs: list[Job] = []

    def second_connection(_progress: object, path: str) -> None:
        open_db(path).close()

    def edit() -> None:
        state["seq"] += 1
        seq = state["seq"]
        item = rng.choice(items)
        value = f"v{seq:06d}"
        checklist._on_note_edited(item, value)  # the checklist's own write path
        print(f"committed {answer_id(inspection, item)} {value}", flush=True)
        if seq % 7 == 0:
            jobs.append(start_job(Job(second_connection, db_path)))
        if seq % 11 == 0:
            open_db(db_path).close()  # a dialog opening its own connection

    timer = QTimer()
    timer.setInterval(15)
    timer.timeout.connect(edit)
    timer.start()
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
