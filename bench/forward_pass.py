"""An independent forward pass of a model downloaded from the playground ("모델 내려받기"), in NumPy float32.

    /usr/bin/python3 bench/forward_pass.py MODEL.json TEST.csv

MODEL.json is the widget's download: {"config": the run document, "weights": model.get_weights() order, "test": ...}.
TEST.csv is the data set's test split as the widget's "CSV 내려받기" gives it (a header, then features and the target).
Prints {"loss": ..., "mse"|"accuracy": ...}: Keras's evaluate on those rows, the weights' penalty included, computed
here from the layer list alone (Normalization, Dense, Dropout as the identity), without the playground's code.
"""
import json, sys
import numpy as np

F = np.float32
EPS = F(1e-7)


def activate(z, name, alpha):
    if name == 'linear': return z
    if name == 'relu': return np.maximum(z, F(0))
    if name == 'sigmoid': return F(1) / (F(1) + np.exp(-z))
    if name == 'tanh': return np.tanh(z)
    if name == 'leaky_relu': return np.where(z > 0, z, F(alpha) * z)
    if name == 'elu': return np.where(z > 0, z, F(alpha) * (np.exp(z) - F(1)))
    if name == 'softmax':
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise SystemExit('unknown activation ' + name)


def penalty(w, reg):
    if not reg: return 0.0
    return reg.get('l1', 0.0) * float(np.abs(w).sum(dtype=np.float64)) + reg.get('l2', 0.0) * float(np.square(w.astype(np.float64)).sum())


def forward(config, weights, x):
    """The model's output and the weights' penalty."""
    weights = list(weights)
    a = x.astype(F)
    total_penalty = 0.0
    if config['model'].get('normalize'):
        mean, var = np.array(weights.pop(0), F), np.array(weights.pop(0), F)
        weights.pop(0)  # count
        a = (a - mean) / np.maximum(np.sqrt(var), EPS)
    for layer in config['model']['layers']:
        if layer.get('type') == 'Dropout':
            continue  # the identity outside training
        kernel, bias = np.array(weights.pop(0), F), np.array(weights.pop(0), F)
        a = activate(a @ kernel + bias, layer.get('activation', 'linear'), layer.get('alpha', 0.01))
        total_penalty += penalty(kernel, layer.get('kernel_regularizer')) + penalty(bias, layer.get('bias_regularizer'))
    if weights: raise SystemExit('weights left over: the layer list and the weights do not match')
    return a, total_penalty


def evaluate(model, x, y):
    config = model['config']
    p, total_penalty = forward(config, model['weights'], x)
    loss = config['compile']['loss']
    if loss == 'mse': value, extra = np.mean(np.square(p[:, 0] - y)), {}
    elif loss == 'mae': value, extra = np.mean(np.abs(p[:, 0] - y)), {}
    elif loss == 'binary_crossentropy':
        q = np.clip(p[:, 0], EPS, F(1) - EPS)
        value = -np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))
        extra = {'accuracy': float(np.mean((p[:, 0] > 0.5) == (y == 1)))}
    else:  # categorical or sparse, as Keras: normalise, clip, the true class's log-probability
        q = np.clip(p / p.sum(axis=1, keepdims=True), EPS, F(1) - EPS)
        labels = y.astype(int)
        value = -np.mean(np.log(q[np.arange(len(labels)), labels]))
        extra = {'accuracy': float(np.mean(p.argmax(axis=1) == labels))}
    out = {'loss': float(value) + total_penalty, 'penalty': total_penalty}
    out.update(extra)
    return out


def main():
    model = json.load(open(sys.argv[1], encoding='utf-8'))
    table = np.loadtxt(sys.argv[2], delimiter=',', skiprows=1, dtype=np.float64, encoding='utf-8-sig')
    x, y = table[:, :-1], table[:, -1]
    print(json.dumps(evaluate(model, x, y)))


if __name__ == '__main__':
    main()
