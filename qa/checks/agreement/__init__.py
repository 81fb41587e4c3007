"""PA01-PA04: pronouns, participles, attributes and titles of address that do not agree with who or what they stand for."""

from qa.checks.agreement.pa01_pa02_pronouns import ParticipleAgreement, PronounAgreement
from qa.checks.agreement.pa03_title_gender import TitleGender
from qa.checks.agreement.pa04_subject_agreement import SubjectAgreement

__all__ = ["ParticipleAgreement", "PronounAgreement", "SubjectAgreement", "TitleGender"]
