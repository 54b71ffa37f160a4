"""The list of issued notices as the notice list shows it: one row per notice with
its township, how many problems it gathers, whether its PDF is archived, whether it
was voided (作废) and what it replaces, and the township's report-back (整改报告)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


def notice_rows(
    db: Database, campaign_id: str | None = None, township_id: str | None = None
) -> list[dict[str, Any]]:
    """Newest first. A notice's PDF is archived when the notice points at an attachment
    or an attachment row is owned by the notice."""
    return list(
        db.query(
            "SELECT n.id, n.doc_number, n.year, n.seq, n.addressee, n.deadline, n.issued_on, "
            "n.issued_by, n.campaign_id, n.township_id, n.attachment_id, "
            "n.voided_on, n.voided_by, n.void_reason, n.replaces_id, "
            "n.report_received_on, n.report_received_by, n.report_attachment_id, "
            "(SELECT r.doc_number FROM notices r WHERE r.id = n.replaces_id) AS replaces, "
            "t.name AS township, c.name AS county, "
            "json_array_length(n.problem_ids) AS problem_count, "
            "(n.attachment_id IS NOT NULL OR EXISTS (SELECT 1 FROM attachments a "
            " WHERE a.owner_table = 'notices' AND a.owner_id = n.id AND a.deleted = 0"
            " AND a.id IS NOT n.report_attachment_id AND a.caption != '整改报告')) AS has_pdf "
            "FROM notices n JOIN townships t ON t.id = n.township_id "
            "JOIN counties c ON c.id = t.county_id "
            "WHERE n.deleted = 0 AND (:campaign IS NULL OR n.campaign_id = :campaign) "
            "AND (:township IS NULL OR n.township_id = :township) "
            "ORDER BY n.issued_on DESC, n.year DESC, n.seq DESC",
            {"campaign": campaign_id, "township": township_id},
        )
    )
