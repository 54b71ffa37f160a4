"""Names and titles from outside are text in the PDFs, not reportlab paragraph markup.

reportlab's Paragraph reads `<b>`, `<font size=…>` and `&` as markup: a
campaign named `专项督查 <b>&<` stopped the summary with a parse error,
and a well-formed tag would have restyled the report.
"""

from __future__ import annotations

import pytest

from inspector.reports.problem_list import problems_pdf
from inspector.reports.star import star_report_pdf
from inspector.reports.summary import summary_pdf
from inspector.store import settings
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import flat, pdftotext

MARKUP = "<b>&<font size=60>大"


@pytest.fixture
def marked_up(sample_db, sample_campaign):
    sample_db.execute("UPDATE campaigns SET name = name || ?", [MARKUP])
    # the form's frozen text: its title and every item's text (veto items are named in the report)
    sample_db.execute(
        "UPDATE forms SET source = replace(replace(source, 'title = \"', ?), 'text = \"', ?)",
        ['title = "' + MARKUP, 'text = "' + MARKUP],
    )
    settings.put(sample_db, "issuing_body", "中共舟山市委组织部" + MARKUP)
    sample_db.conn.commit()
    from inspector.store.catalog import _parse_cached

    _parse_cached.cache_clear()
    return sample_db


def _township(db, campaign_id):
    return db.execute(
        "SELECT township_id FROM inspections WHERE campaign_id = ? LIMIT 1", [campaign_id]
    ).fetchone()[0]


@pytest.mark.parametrize("which", ["summary", "problems", "star"])
def test_markup_in_names_is_printed_as_text(marked_up, sample_campaign, tmp_path, which):
    cid = sample_campaign["id"]
    if which == "summary":
        pdf = summary_pdf(marked_up, cid, SAMPLE_DATE)
    elif which == "problems":
        pdf = problems_pdf(marked_up, cid, SAMPLE_DATE)
    else:
        pdf = star_report_pdf(marked_up, cid, _township(marked_up, cid), SAMPLE_DATE)
    assert pdf.startswith(b"%PDF")
    assert flat(MARKUP) in flat(pdftotext(pdf, tmp_path))
