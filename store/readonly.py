"""Is a Cypher statement one read, and nothing else? A check on its tokens, before any store runs it.

A read-only database connection does not make a statement read-only: LadybugDB
opened read-only still runs `COPY (...) TO 'file'`, `LOAD FROM 'file'`,
`INSTALL` (a download), and `CHECKPOINT`, which leaves the file needing recovery;
Neo4j's read transactions still run `LOAD CSV`. LadybugDB has no option that
keeps a connection away from files (its `FILE_SEARCH_PATH` and `HOME_DIRECTORY`
only resolve relative paths), so this check is what keeps `run(write=False)` a
read, for both stores and every caller (the `cypher` command, named queries,
notebooks).

The statement is split into tokens as the databases do (strings with backslash
escapes, backquoted names, `//` and `/* */` comments, `$parameters`), then:

- exactly one statement: `;` outside strings, names and comments separates two;
- it starts with a read clause: MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL;
- every bare word is a read keyword (`READ_KEYWORDS`), a name (a property after
  `.`, a label or type after `:`, a map key before `:`), a function called with `(`,
  or a variable the statement binds (in a pattern, after AS or YIELD, before `=`,
  `IN` or `->`); so a clause this check does not know is refused, not let through;
- a word of the writing, file and administration vocabulary (`REFUSED_WORDS`) is
  refused wherever it stands outside names;
- CALL runs a subquery (`CALL { ... }`, `CALL (x) { ... }`) or a procedure of the
  store's read-only list (`READ_PROCEDURES`), and no function of `WRITING_FUNCTIONS`
  is called.

With `write=True` only the one-statement rule applies.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from .base import Dialect, QueryError

READ_STARTERS = frozenset({"MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CALL"})
READ_KEYWORDS = READ_STARTERS | frozenset({
    "WHERE", "ORDER", "BY", "SKIP", "LIMIT", "OFFSET", "ASC", "ASCENDING", "DESC", "DESCENDING",
    "DISTINCT", "AS", "AND", "OR", "XOR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "STARTS", "ENDS",
    "CONTAINS", "CASE", "WHEN", "THEN", "ELSE", "END", "UNION", "ALL", "ANY", "NONE", "SINGLE",
    "EXISTS", "COUNT", "COLLECT", "YIELD", "SHORTEST", "TRAIL", "ACYCLIC",
})
REFUSED_WORDS = frozenset({
    "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "ALTER", "RENAME", "FOREACH",
    "COPY", "LOAD", "EXPORT", "IMPORT", "CHECKPOINT", "INSTALL", "UNINSTALL", "UPDATE", "ATTACH", "USE",
    "BEGIN", "COMMIT", "ROLLBACK", "TRANSACTION", "TRANSACTIONS", "EXPLAIN", "PROFILE", "SHOW", "GRANT",
    "DENY", "REVOKE", "START", "STOP", "TERMINATE", "FINISH", "INSERT", "COMMENT", "MACRO", "PROJECT",
})
READ_PROCEDURES: dict[Dialect, frozenset[str]] = {
    "ladybug": frozenset({
        "current_setting", "db_version", "show_tables", "show_connection", "show_attached_databases",
        "show_functions", "show_warnings", "table_info", "show_official_extensions",
        "show_loaded_extensions", "show_indexes", "show_projected_graphs", "projected_graph_info",
    }),
    "neo4j": frozenset({
        "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
        "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "dbms.components",
    }),
}
WRITING_FUNCTIONS = frozenset({"nextval"})  # LadybugDB: advances a sequence

_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<comment>//[^\n]*|/\*.*?\*/)
      | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<quoted>`(?:[^`]|``)*`)
      | (?P<param>\$(?:\w+|`(?:[^`]|``)*`))
      | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
      | (?P<word>[^\W\d]\w*)
      | (?P<symbol>->|<-|::|\.\.|<>|<=|>=|=~|!=|\+=|\|\||.)""",
    re.VERBOSE | re.DOTALL,
)
_OPENERS = {"(": ")", "[": "]", "{": "}"}  # unbalanced ones are left to the database's parser
_LABEL_MARKS = frozenset({".", ":", "::", "|", "&", "!", "%"})  # a word after one of these is a name
_BINDING_BEFORE = frozenset({"=", "->"})  # `p = (...)`, `acc = 0` in reduce, `x -> ...` (lambda)
_BINDING_AFTER = frozenset({"(", "["})  # pattern variables; a function's first argument too
_QUOTED = {"'": "string", '"': "string", "`": "quoted name"}


class RefusedStatement(QueryError):
    """A statement `run` will not send: not one statement, or not a read when reads only."""


@dataclass(frozen=True)
class Token:
    kind: str  # string, quoted, param, number, word, symbol
    text: str
    at: int

    @property
    def upper(self) -> str:
        return self.text.upper()

    def is_symbol(self, *texts: str) -> bool:
        return self.kind == "symbol" and self.text in texts


def check_statement(cypher: str, *, dialect: Dialect, write: bool) -> None:
    """Raise `RefusedStatement` unless `cypher` is one statement, and, unless `write`, one read.

    Parameters
    ----------
    cypher : str
        The statement as a user or a named query gives it.
    dialect : "ladybug" or "neo4j"
        Whose procedures count as read-only.
    write : bool
        True when the caller asked for writes (`cypher --write`): only the one-statement rule.

    Examples
    --------
    >>> check_statement("MATCH (p:Person) RETURN p.name AS name LIMIT 5", dialect="ladybug", write=False)
    >>> check_statement("COPY (MATCH (p) RETURN p.name) TO 'p.csv'", dialect="ladybug", write=False)
    Traceback (most recent call last):
    ...
    newsgraph.store.readonly.RefusedStatement: read-only: COPY is not allowed (only MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN and CALL of a read-only procedure; add --write to allow writes)
    """
    _checked(cypher, dialect, write)


@lru_cache(maxsize=512)
def _checked(cypher: str, dialect: Dialect, write: bool) -> None:
    """`check_statement`, remembered for the texts that pass (named queries run the same texts
    again and again; a refused one raises, and is not remembered)."""
    statements = _statements(tokenize(cypher))
    if not statements:
        raise RefusedStatement("the statement is empty")
    if len(statements) > 1:
        raise RefusedStatement(
            f"one statement at a time: this text holds {len(statements)}, separated by ';'"
        )
    if not write:
        _ReadCheck(statements[0], dialect).run()


def tokenize(cypher: str) -> list[Token]:
    """The tokens of `cypher`, without spaces and comments; an unterminated string, name or
    comment is refused (the database would not parse it either)."""
    tokens = []
    for match in _TOKEN.finditer(cypher):
        kind, text, at = match.lastgroup, match.group(), match.start()
        if kind == "symbol" and text in ("'", '"', "`"):
            raise RefusedStatement(f"cannot read the statement: unterminated {_QUOTED[text]} at character {at}")
        if kind == "symbol" and cypher.startswith("/*", at):
            raise RefusedStatement(f"cannot read the statement: unterminated comment at character {at}")
        if kind == "symbol" and text == "$":
            raise RefusedStatement(f"cannot read the statement: '$' without a name at character {at}")
        if kind not in ("space", "comment"):
            tokens.append(Token(str(kind), text, at))
    return tokens


def _statements(tokens: list[Token]) -> list[list[Token]]:
    statements: list[list[Token]] = [[]]
    for token in tokens:
        if token.is_symbol(";"):
            statements.append([])
        else:
            statements[-1].append(token)
    return [s for s in statements if s]


class _ReadCheck:
    """The read-only rules on one statement's tokens."""

    def __init__(self, tokens: list[Token], dialect: Dialect) -> None:
        self.tokens = tokens
        self.dialect = dialect

    def run(self) -> None:
        first = self.tokens[0]
        if first.kind != "word" or first.upper not in READ_STARTERS:
            raise _not_a_read(first.text)
        bound = self._bound_words()
        calls_table_function = False
        for index, token in enumerate(self.tokens):
            if token.kind != "word" or self._is_name(index):
                continue
            word = token.upper
            if word in REFUSED_WORDS:
                raise _not_a_read(token.text)
            if word == "CALL":
                calls_table_function |= self._check_call(index)
            elif self._is_function(index):
                if token.text.lower() in WRITING_FUNCTIONS:
                    raise RefusedStatement(f"read-only: {token.text}() writes (add --write to allow writes)")
            elif word not in READ_KEYWORDS and token.text not in bound and not calls_table_function:
                raise RefusedStatement(
                    f"read-only: cannot check '{token.text}' at character {token.at}: it is neither a read "
                    "clause nor a variable the statement binds (a name goes in backquotes; add --write to "
                    "allow writes)"
                )

    def _at(self, index: int) -> Token | None:
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def _prev_is(self, index: int, *symbols: str) -> bool:
        prev = self._at(index - 1)
        return prev is not None and prev.is_symbol(*symbols)

    def _next_is(self, index: int, *symbols: str) -> bool:
        following = self._at(index + 1)
        return following is not None and following.is_symbol(*symbols)

    def _word_at(self, index: int, *words: str) -> bool:
        token = self._at(index)
        return token is not None and token.kind == "word" and token.upper in words

    def _is_name(self, index: int) -> bool:
        """A property, a label or type, a map key, a later part of a dotted name: no clause
        can stand there."""
        return self._prev_is(index, *_LABEL_MARKS) or self._next_is(index, ":")

    def _dotted_end(self, index: int) -> int:
        """The index after the dotted name `a.b.c` that starts at `index`."""
        end = index + 1
        while self._next_is(end - 1, ".") and self._at(end + 1) is not None and self.tokens[end + 1].kind == "word":
            end += 2
        return end

    def _is_function(self, index: int) -> bool:
        after = self._at(self._dotted_end(index))
        return after is not None and after.is_symbol("(")

    def _check_call(self, index: int) -> bool:
        """CALL { subquery }, CALL (variables) { subquery }, or CALL of a read-only procedure
        (True: a table function, whose columns the statement may name without YIELD)."""
        target = self._at(index + 1)
        if target is not None and target.is_symbol("{"):
            return False
        if target is not None and target.is_symbol("("):
            after = self._at(self._closing(index + 1) + 1)
            if after is not None and after.is_symbol("{"):
                return False
        if target is not None and target.kind == "word":
            end = self._dotted_end(index + 1)
            name = "".join(t.text for t in self.tokens[index + 1 : end])
            after = self._at(end)
            if after is not None and after.is_symbol("(") and name.lower() in READ_PROCEDURES[self.dialect]:
                return True
            allowed = ", ".join(sorted(READ_PROCEDURES[self.dialect]))
            raise RefusedStatement(
                f"read-only: CALL {name} is not allowed (read-only procedures: {allowed}; "
                "add --write to allow writes)"
            )
        raise RefusedStatement("read-only: CALL takes a subquery in braces or a read-only procedure")

    def _closing(self, index: int) -> int:
        """The index of the bracket that closes the one at `index`."""
        depth = 0
        for position in range(index, len(self.tokens)):
            if self.tokens[position].is_symbol(*_OPENERS):
                depth += 1
            elif self.tokens[position].is_symbol(*_OPENERS.values()):
                depth -= 1
                if depth == 0:
                    return position
        return len(self.tokens)

    def _bound_words(self) -> set[str]:
        """Words in places only a variable takes: a pattern's or a function's first word, before
        `=` (a path, reduce's accumulator), `->` (a lambda) or IN (a list comprehension,
        a quantifier), after AS, and the list after YIELD."""
        bound: set[str] = set()
        in_yield = False
        for index, token in enumerate(self.tokens):
            if token.kind != "word":
                continue
            if token.upper in READ_KEYWORDS and token.upper != "AS":
                in_yield = token.upper == "YIELD"
                continue
            if (in_yield or self._prev_is(index, *_BINDING_AFTER) or self._next_is(index, *_BINDING_BEFORE)
                    or self._word_at(index - 1, "AS") or self._word_at(index + 1, "IN")):
                bound.add(token.text)
        return bound


def _not_a_read(word: str) -> RefusedStatement:
    return RefusedStatement(
        f"read-only: {word.upper()} is not allowed (only MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN and "
        "CALL of a read-only procedure; add --write to allow writes)"
    )
