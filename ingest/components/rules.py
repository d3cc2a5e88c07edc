"""The ids of the extractor's rules: every quote and relation says which rule found it.

Quote and attribution rules are `QuoteRule`; a quote's QUOTED_BY relation carries the quote
rule's `quoted_by.` id, an attribution to an outlet `CITES_ATTRIBUTION`; relation patterns
have the ids of `data/relation_patterns.jsonl`. `rule_ids()` lists them all.
"""

from __future__ import annotations

from enum import StrEnum


class QuoteRule(StrEnum):
    # direct quotes: how the cue was found
    VERB_ABOVE = "quote.verb_above"  # the reporting verb above the quote in the parse
    REPORT_NOUN = "quote.report_noun"  # "a statement that …"
    VERB_BELOW = "quote.verb_below"  # a reporting verb hanging from the quote
    VERB_AFTER = "quote.verb_after"  # `"…," the senator said` right after the quote
    ACCORDING_TO = "quote.according_to"
    COLON_INTRO = "quote.colon_intro"  # `X said:` before the quote
    DASH_SIGNATURE = "quote.dash_signature"  # `"…" — Jo Roe, 34, Tucson`: a dash, then the name
    NEAREST_VERB = "quote.nearest_verb"  # the nearest reporting verb around the quote
    CONTINUATION = "quote.continuation"  # a cue-less quote going on from the previous one
    PREVIOUS_SUBJECT = "quote.previous_subject"  # the subject of the sentence before
    UNATTRIBUTED = "quote.unattributed"  # speech with no speaker found
    # indirect attributions
    SPEECH = "indirect.speech"  # "X said (that) …"
    BELIEF = "indirect.belief"  # "X believes …"
    ATTITUDE = "indirect.attitude"  # "X criticized …"
    SPEECH_AFTER = "indirect.speech_after"  # "…, X said"
    BELIEF_AFTER = "indirect.belief_after"
    ATTITUDE_AFTER = "indirect.attitude_after"
    SPEECH_PARENTHETICAL = "indirect.speech_parenthetical"  # "The goal, he said, is …"
    BELIEF_PARENTHETICAL = "indirect.belief_parenthetical"
    ATTITUDE_PARENTHETICAL = "indirect.attitude_parenthetical"
    SPEECH_AGENTLESS = "indirect.speech_agentless"  # "is said to be …"
    BELIEF_AGENTLESS = "indirect.belief_agentless"  # "is expected to …"
    IN_POLL = "indirect.in_poll"
    INDIRECT_ACCORDING_TO = "indirect.according_to"
    COLON_SOURCE = "indirect.colon_source"  # "FALLIN: I think …"


AFTER = {QuoteRule.SPEECH: QuoteRule.SPEECH_AFTER, QuoteRule.BELIEF: QuoteRule.BELIEF_AFTER,
         QuoteRule.ATTITUDE: QuoteRule.ATTITUDE_AFTER}
PARENTHETICAL = {QuoteRule.SPEECH: QuoteRule.SPEECH_PARENTHETICAL, QuoteRule.BELIEF: QuoteRule.BELIEF_PARENTHETICAL,
                 QuoteRule.ATTITUDE: QuoteRule.ATTITUDE_PARENTHETICAL}
QUOTED_BY = {rule: f"quoted_by.{rule.value}" for rule in QuoteRule}  # the speaker QUOTED_BY an outlet
CITES_ATTRIBUTION = "cites.attribution"  # an article CITES the outlet it attributes words to


def rule_ids(pattern_ids: tuple[str, ...]) -> frozenset[str]:
    """Every rule id an extraction can carry, given the relation patterns' ids."""
    return frozenset({*QuoteRule, *QUOTED_BY.values(), CITES_ATTRIBUTION, *pattern_ids})
