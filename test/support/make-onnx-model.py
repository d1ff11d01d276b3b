"""Writes a tiny BERT-shaped ONNX model for the ONNX encoder test: token vectors are rows of a
fixed embedding table (last_hidden_state = Gather(E, input_ids)); also writes vocab.txt and
E as JSON so the test can compute the expected sentence vectors. Needs Debian's python3-onnx."""
import json
import sys

import onnx
from onnx import TensorProto, helper

out = sys.argv[1]
vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "python", "data", "pipe", "##line", "##s", "kube", "##rnet", "##es", ",", "."]
dim = 4
table = [[((i * 7 + d * 3) % 11) / 5.0 - 1.0 for d in range(dim)] for i in range(len(vocab))]
E = helper.make_tensor("E", TensorProto.FLOAT, [len(vocab), dim], [x for row in table for x in row])
graph = helper.make_graph(
    [helper.make_node("Gather", ["E", "input_ids"], ["last_hidden_state"], axis=0)],
    "tiny",
    [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"]),
    ],
    [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", dim])],
    [E],
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, f"{out}/model.onnx")
open(f"{out}/vocab.txt", "w").write("\n".join(vocab) + "\n")
json.dump({"vocab": vocab, "table": table}, open(f"{out}/table.json", "w"))
