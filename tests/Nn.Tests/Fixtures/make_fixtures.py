#!/usr/bin/env python3
"""Fixtures for Nn.Tests, produced by PyTorch itself in float64: the independent reference for our layers, losses
and optimisers (tests/Nn.Tests/TorchFixtureTests.cs reads them).

Run once from anywhere; it rewrites layers.json, losses.json and training.json beside itself:
    apt-get install -y python3-torch      # Debian 12: PyTorch 1.13
    /usr/bin/python3 tests/Nn.Tests/Fixtures/make_fixtures.py

Layout of the arrays in the JSON files, chosen to match ours:
- a batch is a list over time steps of N x F rows (feed-forward data has one step), i.e. PyTorch's
  (T, N, F) of an LSTM with batch_first=False; images are flattened per sample in (channel, row, column) order;
- tensors of a model are PyTorch's state_dict tensors as nested lists, keyed "LAYER.key" inside a hwsim-model/1
  document (this script is also a recipe for writing that format from a state_dict).
"""
import json
import os
from collections import OrderedDict

import torch
from torch import nn

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


def lst(t):
    return t.detach().tolist()


def model_doc(name, layers, module):
    """A hwsim-model/1 document from layer descriptions and the module's state_dict."""
    return {"format": "hwsim-model/1", "name": name, "layers": layers,
            "state_dict": {k: lst(v) for k, v in module.state_dict().items()}}


def linear(name, m):
    d = {"name": name, "type": "Linear", "in_features": m.in_features, "out_features": m.out_features}
    if m.bias is None:
        d["bias"] = False
    return d


def lstm(name, m):
    return {"name": name, "type": "LSTM", "input_size": m.input_size, "hidden_size": m.hidden_size, "num_layers": m.num_layers}


def conv(name, m, height, width):
    return {"name": name, "type": "Conv2d", "in_channels": m.in_channels, "out_channels": m.out_channels,
            "kernel_size": list(m.kernel_size), "stride": list(m.stride), "padding": list(m.padding),
            "input_height": height, "input_width": width}


def plain(name, kind):
    return {"name": name, "type": kind}


class LstmHead(nn.Module):
    """nn.LSTM followed by nn.Linear on every step (state_dict keys lstm.* and fc.*)."""

    def __init__(self, inputs, hidden, outputs, layers=1):
        super().__init__()
        self.lstm = nn.LSTM(inputs, hidden, layers)
        self.fc = nn.Linear(hidden, outputs)

    def forward(self, x):
        return self.fc(self.lstm(x)[0])


def param_grads(module):
    return {k: lst(p.grad) for k, p in module.named_parameters()}


# ---------------------------------------------------------------------------------------------------------------
# Layers: forward, and backward of loss = sum(output * R) for a random R (so dLoss/dOutput = R).

def feed_forward_case(name, doc_layers, module, x):
    """x: (N, F) or (N, C, H, W); stored flat per sample as one step."""
    x = x.clone().requires_grad_(True)
    y = module(x)
    r = torch.randn_like(y)
    (y * r).sum().backward()
    flat = lambda t: [lst(t.reshape(t.shape[0], -1))]
    return {"case": name, "model": model_doc(name, doc_layers, module), "input": flat(x), "output": flat(y),
            "output_grad": flat(r), "input_grad": flat(x.grad), "param_grads": param_grads(module)}


def layer_cases():
    torch.manual_seed(1)
    cases = []
    cases.append(feed_forward_case("linear", [linear("fc", nn.Linear(4, 3))], nn.Sequential(OrderedDict(fc=nn.Linear(4, 3))), torch.randn(5, 4)))
    m = nn.Sequential(OrderedDict(fc=nn.Linear(3, 2, bias=False)))
    cases.append(feed_forward_case("linear_no_bias", [linear("fc", m.fc)], m, torch.randn(4, 3)))
    for kind, act in (("ReLU", nn.ReLU()), ("Sigmoid", nn.Sigmoid()), ("Tanh", nn.Tanh())):
        m = nn.Sequential(OrderedDict(act=act))
        # Inputs in (-3, 3), none within 0.05 of ReLU's kink.
        x = torch.rand(4, 6) * 6 - 3
        x = torch.where(x.abs() < 0.05, x + 0.1, x)
        cases.append(feed_forward_case(kind.lower(), [plain("act", kind)], m, x))
    m = nn.Sequential(OrderedDict(fc1=nn.Linear(3, 5), act1=nn.Tanh(), fc2=nn.Linear(5, 2), out=nn.Sigmoid()))
    cases.append(feed_forward_case("mlp", [linear("fc1", m.fc1), plain("act1", "Tanh"), linear("fc2", m.fc2), plain("out", "Sigmoid")], m, torch.randn(6, 3)))
    # Conv2d with every option we support: 2 input channels, a non-square kernel, stride (2, 1), padding (1, 0).
    m = nn.Sequential(OrderedDict(conv=nn.Conv2d(2, 3, (3, 2), stride=(2, 1), padding=(1, 0))))
    cases.append(feed_forward_case("conv2d", [conv("conv", m.conv, 5, 6)], m, torch.randn(3, 2, 5, 6)))
    m = nn.Sequential(OrderedDict(conv=nn.Conv2d(1, 2, 3, padding=1), act=nn.ReLU(), flat=nn.Flatten(), fc=nn.Linear(2 * 4 * 4, 3)))
    cases.append(feed_forward_case("cnn", [conv("conv", m.conv, 4, 4), plain("act", "ReLU"), plain("flat", "Flatten"), linear("fc", m.fc)],
                                   m, torch.randn(2, 1, 4, 4)))

    # LSTM + Linear head from the zero state (what a model file runs).
    m = LstmHead(3, 4, 2)
    x = torch.randn(5, 2, 3, requires_grad=True)
    y = m(x)
    r = torch.randn_like(y)
    (y * r).sum().backward()
    cases.append({"case": "lstm_linear", "model": model_doc("lstm_linear", [lstm("lstm", m.lstm), linear("fc", m.fc)], m),
                  "input": lst(x), "output": lst(y), "output_grad": lst(r), "input_grad": lst(x.grad), "param_grads": param_grads(m)})

    # Two stacked layers from a given initial state: the final state and the gradients of the initial state too.
    m = nn.Sequential(OrderedDict(lstm=nn.LSTM(2, 3, 2)))
    x = torch.randn(4, 3, 2, requires_grad=True)
    h0 = torch.randn(2, 3, 3, requires_grad=True)
    c0 = torch.randn(2, 3, 3, requires_grad=True)
    y, (hn, cn) = m.lstm(x, (h0, c0))
    r = torch.randn_like(y)
    (y * r).sum().backward()
    cases.append({"case": "lstm_two_layers", "model": model_doc("lstm_two_layers", [lstm("lstm", m.lstm)], m),
                  "input": lst(x), "h0": lst(h0), "c0": lst(c0), "output": lst(y), "h_n": lst(hn), "c_n": lst(cn),
                  "output_grad": lst(r), "input_grad": lst(x.grad), "h0_grad": lst(h0.grad), "c0_grad": lst(c0.grad),
                  "param_grads": param_grads(m)})

    # One unit (I = H = 1) with a different weight per gate, so a swap of the gate order changes every number; the
    # gates are recomputed from PyTorch's equations with torch ops and checked here against nn.LSTM's h and c.
    m = nn.Sequential(OrderedDict(lstm=nn.LSTM(1, 1)))
    with torch.no_grad():
        m.lstm.weight_ih_l0.copy_(torch.tensor([[0.1], [0.2], [0.3], [0.4]]))
        m.lstm.weight_hh_l0.copy_(torch.tensor([[-0.1], [0.5], [-0.3], [0.2]]))
        m.lstm.bias_ih_l0.copy_(torch.tensor([0.01, 0.02, 0.03, 0.04]))
        m.lstm.bias_hh_l0.copy_(torch.tensor([0.1, -0.2, 0.05, 0.0]))
    x = torch.tensor([[[0.5]], [[-1.0]], [[2.0]]])
    h0, c0 = torch.full((1, 1, 1), 0.2), torch.full((1, 1, 1), -0.3)
    with torch.no_grad():
        y, (hn, cn) = m.lstm(x, (h0, c0))
        h, c, gates = h0[0], c0[0], []
        for t in range(3):
            a = x[t] @ m.lstm.weight_ih_l0.T + m.lstm.bias_ih_l0 + h @ m.lstm.weight_hh_l0.T + m.lstm.bias_hh_l0
            i, f, g, o = a[:, 0].sigmoid(), a[:, 1].sigmoid(), a[:, 2].tanh(), a[:, 3].sigmoid()
            c = f * c + i * g
            h = o * c.tanh()
            assert torch.allclose(h, y[t], rtol=0, atol=1e-15)
            gates.append([i.item(), f.item(), g.item(), o.item(), c.item(), h.item(), a[0, 0].item()])
        assert torch.allclose(c, cn[0], rtol=0, atol=1e-15)
    cases.append({"case": "lstm_unit", "model": model_doc("lstm_unit", [lstm("lstm", m.lstm)], m),
                  "input": lst(x), "h0": lst(h0), "c0": lst(c0), "output": lst(y), "h_n": lst(hn), "c_n": lst(cn),
                  "gates": gates, "gates_order": ["i", "f", "g", "o", "c", "h", "preactivation_i"]})
    return cases


# ---------------------------------------------------------------------------------------------------------------
# Losses: value and dLoss/dOutput. Outputs and targets as (T, N, F) steps; class indices given as one-hot rows too.

def loss_cases():
    torch.manual_seed(2)
    cases = []

    def case(name, loss, output, target, target_rows, **extra):
        output = output.clone().requires_grad_(True)
        value = loss(output.reshape(-1, output.shape[-1]), target)
        value.backward()
        d = {"case": name, "loss": "mse" if isinstance(loss, nn.MSELoss) else "cross_entropy",
             "output": lst(output), "target": lst(target_rows), "value": value.item(), "output_grad": lst(output.grad)}
        d.update(extra)
        cases.append(d)

    out = torch.randn(1, 4, 3)
    tgt = torch.randn(1, 4, 3)
    case("mse", nn.MSELoss(), out, tgt.reshape(-1, 3), tgt)
    out = torch.randn(3, 2, 2)
    tgt = torch.randn(3, 2, 2)
    case("mse_sequence", nn.MSELoss(), out, tgt.reshape(-1, 2), tgt)
    out = torch.randn(1, 5, 4) * 2
    idx = torch.tensor([0, 3, 1, 1, 2])
    case("cross_entropy_indices", nn.CrossEntropyLoss(), out, idx, nn.functional.one_hot(idx, 4).double().reshape(1, 5, 4), classes=lst(idx))
    out = torch.randn(1, 3, 4)
    probs = torch.softmax(torch.randn(3, 4), dim=1)
    case("cross_entropy_probabilities", nn.CrossEntropyLoss(), out, probs, probs.reshape(1, 3, 4))
    out = torch.randn(3, 2, 3)
    idx = torch.tensor([2, 0, 1, 1, 0, 2])
    case("cross_entropy_sequence", nn.CrossEntropyLoss(), out, idx, nn.functional.one_hot(idx, 3).double().reshape(3, 2, 3), classes=lst(idx))
    return cases


# ---------------------------------------------------------------------------------------------------------------
# Training: full-batch steps of each optimiser from the same initial weights; the loss before every step and the
# state_dict after the last. The data are also the CSV rows of `hwsim train` (one sample, or one time step, a row).

OPTIMISERS = OrderedDict([
    ("sgd", (0.1, lambda p, lr: torch.optim.SGD(p, lr=lr))),
    ("momentum", (0.05, lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9))),
    ("nesterov", (0.05, lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9, nesterov=True))),
    ("rmsprop", (0.01, lambda p, lr: torch.optim.RMSprop(p, lr=lr, alpha=0.99, eps=1e-8))),
    ("adam", (0.02, lambda p, lr: torch.optim.Adam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8))),
])
STEPS = 6


def training_cases():
    cases = []
    torch.manual_seed(3)
    mlp = nn.Sequential(OrderedDict(fc1=nn.Linear(3, 5), act1=nn.Tanh(), fc2=nn.Linear(5, 2)))
    mlp_layers = [linear("fc1", mlp.fc1), plain("act1", "Tanh"), linear("fc2", mlp.fc2)]
    x = torch.randn(8, 3)
    y = torch.stack([x[:, 0] * x[:, 1], torch.sin(x[:, 2])], dim=1)
    problems = [("mlp", mlp, mlp_layers, x.unsqueeze(0), y.unsqueeze(0), nn.MSELoss(), y, None)]

    mlp_ce = nn.Sequential(OrderedDict(fc1=nn.Linear(2, 6), act1=nn.ReLU(), fc2=nn.Linear(6, 3)))
    xc = torch.randn(9, 2)
    classes = torch.tensor([0, 1, 2, 2, 1, 0, 1, 2, 0])
    problems.append(("mlp_cross_entropy", mlp_ce, [linear("fc1", mlp_ce.fc1), plain("act1", "ReLU"), linear("fc2", mlp_ce.fc2)],
                     xc.unsqueeze(0), nn.functional.one_hot(classes, 3).double().unsqueeze(0), nn.CrossEntropyLoss(), classes, classes))

    seq = LstmHead(2, 3, 1)
    t = torch.arange(10.0)
    xs = torch.stack([torch.sin(0.6 * t), torch.cos(0.3 * t)], dim=1).unsqueeze(1)  # (T, 1, 2): one sequence
    ys = (0.5 * torch.sin(0.6 * (t + 1))).reshape(10, 1, 1)
    problems.append(("lstm", seq, [lstm("lstm", seq.lstm), linear("fc", seq.fc)], xs, ys, nn.MSELoss(), ys.reshape(-1, 1), None))

    for name, module, layers, inputs, target_rows, loss, target, class_index in problems:
        initial = {k: v.clone() for k, v in module.state_dict().items()}
        for opt_name, (lr, make) in OPTIMISERS.items():
            module.load_state_dict(initial)
            opt = make(module.parameters(), lr)
            losses = []
            for _ in range(STEPS):
                opt.zero_grad()
                out = module(inputs)
                value = loss(out.reshape(-1, out.shape[-1]), target)
                value.backward()
                opt.step()
                losses.append(value.item())
            final = {k: lst(v) for k, v in module.state_dict().items()}
            module.load_state_dict(initial)
            case = {"case": f"{name}_{opt_name}", "model": model_doc(name, layers, module), "sequence": name == "lstm",
                    "loss": "mse" if isinstance(loss, nn.MSELoss) else "cross_entropy", "optimizer": opt_name, "lr": lr,
                    "momentum": 0.9 if opt_name in ("momentum", "nesterov") else None, "steps": STEPS,
                    "inputs": lst(inputs), "targets": lst(target_rows), "losses": losses, "final_state_dict": final}
            if class_index is not None:
                case["classes"] = lst(class_index)
            cases.append(case)
    return cases


def write(name, cases):
    doc = {"generator": "make_fixtures.py", "torch_version": torch.__version__, "dtype": "float64", "cases": cases}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    write("layers.json", layer_cases())
    write("losses.json", loss_cases())
    write("training.json", training_cases())
