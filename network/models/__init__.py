"""The network's tables: partners and what they are linked by (partners.py), and
the stories partners send in through the public form (stories.py)."""

from .partners import (
    PartnerIndexPage,
    PartnerLink,
    PartnerOrganisation,
    Programme,
    Province,
    SluggedSnippet,
    Topic,
    TopicLink,
)
from .stories import StoryFormPage, StorySubmission, StorySubmissionFile

__all__ = [
    "PartnerIndexPage",
    "PartnerLink",
    "PartnerOrganisation",
    "Programme",
    "Province",
    "SluggedSnippet",
    "StoryFormPage",
    "StorySubmission",
    "StorySubmissionFile",
    "Topic",
    "TopicLink",
]
