"""Type votes: an entity's type is the weighted majority of its mentions' votes.

One rule for every place that decides a type from votes: a mention, an entity inside an
article, an entity across the corpus. Ties go to the earlier type of `TYPE_TIE_ORDER`.
"""

from __future__ import annotations

from collections.abc import Mapping

from .graph import EntityType

TYPE_TIE_ORDER = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GOVERNMENT, EntityType.OUTLET, EntityType.LOCATION)


def leading_type(votes: Mapping[EntityType, float]) -> EntityType:
    """The type with the most weight; on a tie (and with no votes at all) the earlier in
    `TYPE_TIE_ORDER`.

    >>> leading_type({EntityType.ORGANIZATION: 1.0, EntityType.PERSON: 1.0})
    <EntityType.PERSON: 'Person'>
    """
    return max(TYPE_TIE_ORDER, key=lambda t: (votes.get(t, 0.0), -TYPE_TIE_ORDER.index(t)))


def votes_for_person(votes: Mapping[EntityType, float]) -> bool:
    """Some weight for Person, and none more for another type: "person-like"."""
    person = votes.get(EntityType.PERSON, 0.0)
    return person > 0 and person >= max(votes.values())
