#!/usr/bin/env python3
"""ONNX files exported by PyTorch itself (torch.onnx.export, float32, opset 14), for the ONNX import tests
(tests/Nn.Tests/OnnxTests.cs), with PyTorch's output for one input each in outputs.json.

Run once from anywhere; it rewrites the .onnx files and outputs.json beside itself:
    apt-get install -y python3-torch python3-onnx     # Debian 12: PyTorch 1.13, onnx 1.12
    /usr/bin/python3 tests/Nn.Tests/Fixtures/Onnx/make_onnx_fixtures.py

outputs.json holds, per file, the input as hwsim rows (one row per sample, images flattened in (channel, row, column)
order; or one row per time step of one sequence) and PyTorch's output rows.
"""
import json
import os
from collections import OrderedDict

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OPSET = 14


class LstmHead(nn.Module):
    """nn.LSTM, then nn.Linear on every step: the shape of a sequence model."""

    def __init__(self, inputs, hidden, outputs, layers=1, batch_first=False):
        super().__init__()
        self.lstm = nn.LSTM(inputs, hidden, layers, batch_first=batch_first)
        self.fc = nn.Linear(hidden, outputs)

    def forward(self, x):
        return self.fc(self.lstm(x)[0])


class LstmOnly(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(2, 4)

    def forward(self, x):
        return self.lstm(x)[0]


class LstmGivenState(nn.Module):
    """A stacked LSTM that starts every sequence from a learned state (buffers spread over the batch), then a Linear."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(2, 3, 2)
        self.fc = nn.Linear(3, 1)
        self.register_buffer("h0", torch.randn(2, 1, 3))
        self.register_buffer("c0", torch.randn(2, 1, 3))

    def forward(self, x):
        n = x.size(1)
        return self.fc(self.lstm(x, (self.h0.expand(-1, n, -1).contiguous(), self.c0.expand(-1, n, -1).contiguous()))[0])


class ConvView(nn.Module):
    """Flattened with x.view(x.size(0), -1): torch emits Shape, Gather, Unsqueeze, Concat and Reshape."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)
        self.fc = nn.Linear(2 * 4 * 4, 3)

    def forward(self, x):
        return self.fc(torch.relu(self.conv(x)).view(x.size(0), -1))


def export(name, module, x, dynamic, rows_in, rows_out=None):
    module.eval()
    path = os.path.join(HERE, name + ".onnx")
    torch.onnx.export(module, x, path, input_names=["input"], output_names=["output"], opset_version=OPSET,
                      dynamic_axes=dynamic)
    with torch.no_grad():
        y = module(x)
    return name, {"input": rows_in(x).tolist(), "output": (rows_out or rows_in)(y).tolist()}


def samples(t):
    return t.reshape(t.shape[0], -1)


def time_major(t):
    return t[:, 0, :]


def batch_first(t):
    return t[0]


def main():
    torch.manual_seed(5)
    fixtures = OrderedDict()
    batch = {"input": {0: "n"}, "output": {0: "n"}}
    seq = {"input": {0: "t", 1: "n"}, "output": {0: "t", 1: "n"}}
    seq_bf = {"input": {0: "n", 1: "t"}, "output": {0: "n", 1: "t"}}

    mlp = nn.Sequential(OrderedDict(fc1=nn.Linear(3, 8), act1=nn.ReLU(), fc2=nn.Linear(8, 4), act2=nn.Tanh(),
                                    fc3=nn.Linear(4, 2), out=nn.Sigmoid()))
    cnn = nn.Sequential(OrderedDict(conv1=nn.Conv2d(1, 2, 3, padding=1), act1=nn.ReLU(),
                                    conv2=nn.Conv2d(2, 3, (3, 2), stride=(2, 1)), flat=nn.Flatten(),
                                    fc=nn.Linear(3 * 3 * 7, 4), out=nn.Tanh()))
    cases = [
        export("mlp", mlp, torch.randn(5, 3), batch, samples),
        export("cnn", cnn, torch.randn(3, 1, 8, 8), batch, samples),
        export("cnn_view", ConvView(), torch.randn(2, 1, 6, 6), batch, samples),
        export("lstm_linear", LstmHead(2, 5, 1), torch.randn(9, 1, 2), seq, time_major),
        export("lstm_linear_batch_first", LstmHead(2, 5, 2, batch_first=True), torch.randn(1, 9, 2), seq_bf, batch_first),
        export("lstm_two_layers", LstmHead(3, 4, 2, layers=2), torch.randn(8, 1, 3), seq, time_major),
        export("lstm_only", LstmOnly(), torch.randn(6, 1, 2), seq, time_major),
        export("lstm_given_state", LstmGivenState(), torch.randn(7, 1, 2), seq, time_major),
    ]
    for name, data in cases:
        fixtures[name] = data

    # Files that must be refused, each naming its node: an unsupported operator and an LSTM in both directions.
    export("unsupported_softmax", nn.Sequential(nn.Linear(3, 4), nn.Softmax(dim=1)), torch.randn(2, 3), batch, samples)
    bi = nn.LSTM(2, 3, bidirectional=True)
    export("unsupported_bidirectional", bi, torch.randn(4, 1, 2), seq, lambda t: t[0][:, 0, :] if isinstance(t, tuple) else t)

    with open(os.path.join(HERE, "outputs.json"), "w") as f:
        json.dump({"generator": "make_onnx_fixtures.py", "torch_version": torch.__version__, "opset": OPSET,
                   "fixtures": fixtures}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
