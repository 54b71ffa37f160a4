"""Row ids.

Rows that have a natural key get a UUID5 made from it, so two laptops that
create "the same" township, form or inspection offline end with one row after
a merge instead of two. Everything else gets a random UUID4.
"""

from __future__ import annotations

import uuid
from typing import NewType

CountyId = NewType("CountyId", str)
TownshipId = NewType("TownshipId", str)
FormRowId = NewType("FormRowId", str)
CampaignId = NewType("CampaignId", str)
InspectionId = NewType("InspectionId", str)
AnswerId = NewType("AnswerId", str)
SelfAnswerId = NewType("SelfAnswerId", str)
ProblemId = NewType("ProblemId", str)
NoticeId = NewType("NoticeId", str)
AttachmentId = NewType("AttachmentId", str)

# Fixed forever: changing it would give every natural-key row a new id.
NAMESPACE = uuid.UUID("6f1d2c0e-5b7a-4c1e-9a43-2d1f0b8e7c55")


def _natural(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def random_id() -> str:
    return str(uuid.uuid4())


def county_id(code: str | None, name: str) -> CountyId:
    return CountyId(_natural(f"county:{code}" if code else f"county-name:{name}"))


def township_id(code: str | None, county: CountyId, name: str) -> TownshipId:
    """From the division code; a township without one from its county and name."""
    if code:
        return TownshipId(_natural(f"township:{code}"))
    return TownshipId(_natural(f"township:{county}:{name}"))


def form_row_id(form_id: str, version: str) -> FormRowId:
    return FormRowId(_natural(f"form:{form_id}:{version}"))


def inspection_id(campaign: CampaignId | str, township: TownshipId | str) -> InspectionId:
    return InspectionId(_natural(f"inspection:{campaign}:{township}"))


def answer_id(inspection: InspectionId | str, item_id: str) -> AnswerId:
    return AnswerId(_natural(f"answer:{inspection}:{item_id}"))


def project_id(county: CountyId | str, name: str) -> TownshipId:
    """A project site from its county and name, in a namespace of its own: 某某项目 and a
    township of the same name in one county stay two rows. Project sites share the
    townships table (their inspections, problems and notices refer to it), so the
    id is typed as a township's. A project's code is a label, not its identity."""
    return TownshipId(_natural(f"project:{county}:{name}"))


def self_answer_id(
    campaign: CampaignId | str, township: TownshipId | str, item_id: str
) -> SelfAnswerId:
    """A township's own answer to an item: one per campaign, whoever imports the sheet."""
    return SelfAnswerId(_natural(f"self-answer:{campaign}:{township}:{item_id}"))
