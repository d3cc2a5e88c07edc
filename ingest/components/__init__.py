"""Our spaCy components, one job each. Importing this package registers their factories.

In pipeline order (`ingest.nlp.add_components` adds them after the model's NER):
newsgraph_headlines, newsgraph_quote_spans, newsgraph_names, newsgraph_name_types, newsgraph_described,
newsgraph_pronouns, newsgraph_coref, newsgraph_direct_quotes, newsgraph_indirect_quotes,
newsgraph_speakers, newsgraph_relations, newsgraph_modality, newsgraph_quote_links,
newsgraph_state_actors;
newsgraph_line_breaks runs before the parser.
"""

from . import (  # noqa: F401  (registers the factories)
    coref,
    described,
    direct_quotes,
    headlines,
    indirect_quotes,
    line_breaks,
    modality,
    name_types,
    names,
    pronouns,
    quote_links,
    quote_spans,
    relations,
    speakers,
    state_actors,
)
