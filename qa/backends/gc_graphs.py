"""Grammalecte's token graphs pruned for a run's options, and the parser that walks them
(qa.backends.grammalecte uses it)."""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from qa.model import caches


# --- pruned token graphs ----------------------------------------------------------------
#
# Grammalecte 2.1 checks a sentence in two ways. Its regex rules come in groups, one option
# per group, and a group whose option is off is skipped before any regex runs. Its token
# graphs (about 33,000 nodes in ten graphs, most of the time it spends) are walked token by
# token whatever the options: a rule's option is looked at only when a path reaches the
# rule. So with six options on, much of the walk leads to rules that then do nothing.
#
# qa therefore walks copies of the graphs without the paths that lead only to switched-off
# rules, built once per Grammalecte version and set of options and kept in the cache
# folder (pruned_graphs). A rule whose option is off does nothing at all where
# it stands (it neither reports, nor rewrites, nor sets the condition memo of the rules after
# it), so leaving it out changes nothing; rules without an option (rewriting, tagging,
# disambiguation) are never left out. One subtlety is kept: a node reached through a jump
# arc ("<>") decides, by whether any of its arcs matches, if the pointer that jumped stays
# put, so those nodes keep every arc. The walk also remembers which arcs a token takes at
# the nodes that look words up (see PrunedParser._getMatches). tests/test_grammalecte.py and
# bench/run.py compare the findings with the plain engine's.


def prune_graph(graph: Mapping[int, Any], live: Callable[[str], bool]) -> dict[int, Any]:
    """A copy of one of Grammalecte's token graphs where only the paths to a live rule remain.

    ``graph`` maps node ids to a node (a dict of arcs) or to a rule list (rule ids); ``live``
    tells whether a rule can act under the options of the run. Every node id stays, so any
    pointer the engine makes has a node to look at; a dead node is an empty one.
    """
    parents: dict[int, list[int]] = defaultdict(list)  # node → the nodes with an arc to it
    for i, node in graph.items():
        if type(node) is dict:
            for value in node.values():  # token arcs and the jump (ids), or sub-arcs and rules (dicts)
                for j in value.values() if type(value) is dict else (value,):
                    parents[j].append(i)
    alive = {i for i, node in graph.items() if isinstance(node, list) and any(map(live, node))}
    todo = list(alive)
    while todo:  # backwards from the live rule lists: a node is live if it reaches one
        for i in parents.get(todo.pop(), ()):
            if i not in alive:
                alive.add(i)
                todo.append(i)
    jumped: set[int] = set()
    todo = [node["<>"] for node in graph.values() if isinstance(node, dict) and "<>" in node]
    while todo:  # jump targets, and theirs: matched in "keep" mode, so every arc stays
        i = todo.pop()
        if i not in jumped:
            jumped.add(i)
            if "<>" in graph[i]:
                todo.append(graph[i]["<>"])
    out: dict[int, Any] = {}
    for i, node in graph.items():
        if isinstance(node, list):
            out[i] = [rule for rule in node if live(rule)]
        elif i in jumped:
            out[i] = node
        elif i not in alive:
            out[i] = {}
        else:
            kept: dict[str, Any] = {}
            for key, value in node.items():
                if isinstance(value, dict):
                    sub = {k: j for k, j in value.items() if j in alive}
                    if sub:
                        kept[key] = sub
                elif key == "<>" or value in alive:  # a jump is kept: see jumped
                    kept[key] = value
            out[i] = kept
    return out


# Pruning the ten graphs takes about 0.4 s of CPU, at every start of qa: the pruned graphs are
# kept in the cache folder, one file per Grammalecte version and set of options (they depend
# on nothing else: PRUNED_FORMAT changes when prune_graph does).
PRUNED_FORMAT = "1"
PRUNED_KIND = "grammalecte-graphs"


def pruned_key(version: str, options: Mapping[str, bool]) -> str:
    """The name of the file of the graphs pruned for this Grammalecte and these options."""
    from qa.knowledge import cache

    on = ",".join(sorted(name for name, value in options.items() if value))
    return cache.key("grammalecte-graphs", PRUNED_FORMAT, version, on)[:32] + ".pickle"


def pruned_graphs(
    version: str, options: Mapping[str, bool], build: Callable[[], dict[str, dict[int, Any]]]
) -> dict[str, dict[int, Any]]:
    """build() (graph name → pruned graph), read from the cache folder when it was stored
    for this version and these options, else built and stored there."""
    import pickle

    from qa.knowledge import cache

    name = pruned_key(version, options)
    data = cache.read_derived(PRUNED_KIND, name)
    if data is not None:
        try:
            found = pickle.loads(data)
            if isinstance(found, dict):
                return found
        except Exception:  # noqa: BLE001 - truncated or from another Python: built again
            pass
    graphs = build()
    cache.write_derived(PRUNED_KIND, name, pickle.dumps(graphs, protocol=pickle.HIGHEST_PROTOCOL))
    return graphs


_ABSENT = object()
_PROBE = "Il a dit qu’il viendrons le 31 avril, à pieds."  # errors of several types: both parsers must agree
_LOOKUPS = frozenset({"<re_value>", "<re_morph>", "<morph>", "<lemmas>", "<phonet>"})
_MEMO = 100_000  # answers remembered per set of options (about 40 MB; cleared when full)


def fast_parser(engine: Any, options: Mapping[str, bool]) -> Callable[[str], Iterable[dict[str, Any]]] | None:
    """engine.parse(text, dOptions=options), on token graphs pruned for options; None when
    this Grammalecte is not laid out as 2.1 is (then the plain engine runs)."""
    try:
        module = importlib.import_module(engine.__name__ + ".gc_engine")
        rules = importlib.import_module(engine.__name__ + ".gc_rules_graph")
        base: Any = module.TextParser
        table: Mapping[str, Sequence[Any]] = rules.dRule

        def live(rule: str) -> bool:
            option = table[rule][1]
            return not option or bool(options.get(option, False))

        version = str(getattr(engine, "version", "?"))
        pruned = pruned_graphs(version, options, lambda: {
            name: prune_graph(graph, live) for name, graph in rules.dAllGraph.items()})
        graphs = {id(rules.dAllGraph[name]): graph for name, graph in pruned.items()}
    except Exception:  # noqa: BLE001 - another layout of Grammalecte's internals
        return None

    # The nodes worth remembering: the roots, met by every token, and those with lookups
    # (regexes, morphologies, lemmas, phonetics). Other nodes are plain dict lookups.
    heavy = {id(node) for graph in graphs.values() for i, node in graph.items()
             if isinstance(node, dict) and (i == 0 or not _LOOKUPS.isdisjoint(node))}
    memo: dict[tuple[Any, ...], list[Any]] = {}
    # A server empties it when it outgrows the texts being edited (qa.model.caches).
    caches.register(f"{__name__}.memo[{pruned_key(version, options)}]", memo.__len__, memo.clear)
    plain_matches = base._getMatches

    class PrunedParser(base):  # type: ignore[misc, valid-type]
        def parseGraph(self, dGraph: Any, *args: Any, **kwargs: Any) -> Any:  # Grammalecte's names
            return super().parseGraph(graphs.get(id(dGraph), dGraph), *args, **kwargs)

        def _getMatches(self, dGraph: Any, dToken: Any, dNode: Any, bKeep: bool = False) -> Any:
            # Which arcs of a node a token takes depends only on the token's value, type,
            # morphologies and tags. Every token meets the root of every graph (up to 800
            # lemmas and 29 regexes there), and words recur: the answer is remembered.
            if id(dNode) not in heavy:
                return plain_matches(self, dGraph, dToken, dNode, bKeep)
            morph = dToken.get("lMorph", _ABSENT)
            tags = dToken.get("aTags")
            key = (id(dNode), bKeep, dToken["sValue"], dToken["sType"],
                   tuple(morph) if morph and morph is not _ABSENT else morph is _ABSENT,
                   frozenset(tags) if tags else None)
            found = memo.get(key)
            if found is None:
                if len(memo) >= _MEMO:
                    memo.clear()
                found = memo[key] = list(plain_matches(self, dGraph, dToken, dNode, bKeep))
            return found

    opts = dict(options)

    def parse(text: str) -> Iterable[dict[str, Any]]:
        return PrunedParser(text).parse(sCountry="FR", dOptions=opts)

    try:  # a Grammalecte whose parser works otherwise gets its own engine
        if list(parse(_PROBE)) != list(engine.parse(_PROBE, "FR", dOptions=opts)):
            return None
    except Exception:  # noqa: BLE001
        return None
    return parse
