"""Fuse the attention of an exported MiniLM/BERT ONNX graph into onnxruntime's MultiHeadAttention.

`torch.onnx.export` writes each layer's attention core as some twenty operators: reshapes and
transposes of the heads, the scaled scores, an additive mask rebuilt in every layer
(Where(mask, 0, -inf) over batch x tokens x tokens), Softmax, and an IsNaN/Where guard for rows
that mask every token (a pair always has [CLS], so there are none). onnxruntime runs them one by
one: on the matcher's pairs of the 50-article ECB+ story they took about 40% of its time. This
replaces them, layer by layer, by one `com.microsoft.MultiHeadAttention` node that reads the
projected query, key and value and the padding mask. The linear layers (int8) are untouched.

The result computes the same function. Layer by layer its attention outputs match to float
rounding (2e-7), but dynamic int8 quantization rounds each activation to a step set by its
batch, so a rounding that tips gives a step of difference, and the final logits move a little
(docs/matcher.md gives the figures).

    .venv-train/bin/python training/fuse_attention.py IN.onnx OUT.onnx [--heads 12]
"""

from __future__ import annotations

import argparse
from pathlib import Path

SCOPE = "/attention/self/"
MASK = "attention_mask_int32"


def attention_scopes(graph) -> list[str]:
    """Each layer's attention scope ('/inner/bert/encoder/layer.0/attention/self/'), in order."""
    scopes = [n.name[: n.name.index(SCOPE) + len(SCOPE)] for n in graph.node
              if n.op_type == "Softmax" and SCOPE in n.name]  # fmt: skip
    return sorted(set(scopes), key=scopes.index)


def fused_layer(scope: str, heads: int):
    """One MultiHeadAttention node in place of the scope's attention core."""
    from onnx import helper

    return helper.make_node(
        "MultiHeadAttention",
        [scope + "query/Add_output_0", scope + "key/Add_output_0", scope + "value/Add_output_0",
         "", MASK],
        [scope + "Reshape_4_output_0"],
        name=scope + "MultiHeadAttention",
        domain="com.microsoft",
        num_heads=heads,
    )  # fmt: skip


def topological(nodes: list, ready: set[str]) -> list:
    """The nodes ordered so that each comes after the nodes that make its inputs."""
    ordered, pending, ready = [], list(nodes), set(ready) | {""}
    while pending:
        waiting = []
        for node in pending:
            if all(name in ready for name in node.input):
                ordered.append(node)
                ready.update(node.output)
            else:
                waiting.append(node)
        if len(waiting) == len(pending):
            raise ValueError(f"inputs never made for {[n.name for n in waiting][:3]}")
        pending = waiting
    return ordered


def live_nodes(ordered: list, outputs: set[str]) -> list:
    """The nodes the graph's outputs need, in order."""
    needed, live = set(outputs), []
    for node in reversed(ordered):
        if needed & set(node.output):
            live.append(node)
            needed.update(name for name in node.input if name)
    return live[::-1]


def fuse_attention(source: Path, target: Path, heads: int = 12) -> int:
    """Write `source` with its attention cores fused to `target`; the number of layers fused."""
    import onnx
    from onnx import TensorProto, helper

    model = onnx.load(str(source))
    graph = model.graph
    scopes = attention_scopes(graph)
    if not scopes:
        raise ValueError(f"{source}: no attention layer to fuse")
    made = {name for node in graph.node for name in node.output}
    fused = [fused_layer(scope, heads) for scope in scopes]
    for node in fused:
        names = (*node.input, *node.output)
        missing = [name for name in names if name not in made and name not in ("", MASK)]
        if missing:
            raise ValueError(f"{source}: {node.name} expects {missing}, not in the graph")
    replaced = {node.output[0] for node in fused}
    cast = helper.make_node(
        "Cast", ["attention_mask"], [MASK], to=TensorProto.INT32, name="attention_mask_int32"
    )
    kept = [node for node in graph.node if not replaced & set(node.output)]
    inputs = {i.name for i in graph.input} | {t.name for t in graph.initializer}
    ordered = topological([cast, *kept, *fused], inputs)
    live = live_nodes(ordered, {o.name for o in graph.output})
    used = {name for node in live for name in node.input}
    initializers = [t for t in graph.initializer if t.name in used]
    del graph.node[:]
    graph.node.extend(live)
    del graph.initializer[:]
    graph.initializer.extend(initializers)
    del graph.value_info[:]
    if not any(o.domain == "com.microsoft" for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return len(scopes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--heads", type=int, default=12)
    args = parser.parse_args()
    count = fuse_attention(args.source, args.target, args.heads)
    print(f"{args.target}: {count} attention layers fused")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
