"""What the graph state keeps of each block key (graph/resolve.py `_Aggregate.encode`): folding
the stored aggregate with new rows resolves as folding all the rows, in any order."""

from __future__ import annotations

from newsgraph.graph.article_rows import EntityRow
from newsgraph.graph.resolve import EntityLinker
from newsgraph.model.graph import EntityType

P, O, G = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GOVERNMENT


def row(article: str, name: str, *, votes: dict, fixed: bool = False, aliases=(), mentions: int = 1,
        given: str | None = None, gender: str | None = None, roles=()) -> EntityRow:
    return EntityRow(article_id=article, block_key=f"name|{name.lower()}", name=name, type=max(votes, key=votes.get),
                     kind="name", fixed=fixed, votes=votes, aliases=tuple(aliases), surname=name.split()[-1],
                     mentions=mentions, given_name=given, gender=gender, roles=tuple(roles))


ROWS = [
    row("a1", "Mirela Vantongeren", votes={P: 1.0}, given="mirela", gender="f", roles=("minister",)),
    row("a2", "Vantongeren", votes={P: 0.5, O: 0.7}, mentions=2),
    row("a3", "Harbour Trust", votes={O: 1.0}, fixed=True, aliases=("HT",)),
    row("a4", "Harbour Trust", votes={G: 1.0}, fixed=True),
    row("a5", "Mirela Vantongeren", votes={P: 0.3, O: 0.1}, mentions=4, roles=("senator",)),
]


def resolved(linker: EntityLinker) -> list[tuple]:
    resolution = linker.resolve()
    return sorted((k, e.id, e.name, e.type, e.aliases, e.mention_count)
                  for k, i in resolution.key_entities().items() for e in [resolution.entities[i]])


def test_an_encoded_aggregate_decodes_to_the_same_aggregate():
    linker = EntityLinker()
    linker.add(ROWS)
    again = EntityLinker()
    again.add_aggregates(linker.aggregates())
    assert again.aggregates() == linker.aggregates()
    assert again.buckets() == linker.buckets()


def test_stored_aggregates_with_new_rows_resolve_as_all_rows_in_any_order():
    everything = EntityLinker()
    everything.add(ROWS)
    for cut in range(1, len(ROWS)):
        stored = EntityLinker()
        stored.add(ROWS[cut:])  # the later articles were stored first
        grown = EntityLinker()
        grown.add_aggregates(stored.aggregates())
        grown.add(ROWS[:cut])
        assert resolved(grown) == resolved(everything), cut
        assert grown.buckets() == everything.buckets(), cut


def test_a_tie_between_curated_types_goes_the_same_way_whatever_came_first():
    forward, backward = EntityLinker(), EntityLinker()
    forward.add(ROWS[2:4])
    backward.add(ROWS[3:1:-1])
    assert resolved(forward) == resolved(backward)
    assert resolved(forward)[0][3] is O  # the earlier type of the tie order
