"""Staged scores as scikit-learn 1.2 gives them, for the cases in argv[1] (a JSON list of run documents):
a forest's first i trees (its estimators_ cut to i), AdaBoost's staged_score, a single tree cut at depth d
(a node at the cut predicts its own value, read from tree_). Prints one JSON object per case."""
import json, os, sys
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn import tree, ensemble
from sklearn.metrics import accuracy_score, r2_score

DATA = 'src/main/resources/datasets'
TABLES = {'diabetes': ('diabetes.csv', None), 'iris': ('iris.csv', ['setosa', 'versicolor', 'virginica']),
          'wine': ('wine.csv', ['class_0', 'class_1', 'class_2']), 'breast_cancer': ('breast_cancer.csv', ['malignant', 'benign']),
          'digits': ('digits.csv', [str(i) for i in range(10)]), 'boston_housing': ('boston_housing/boston.csv', None)}
MODELS = {'RandomForestClassifier': ensemble.RandomForestClassifier, 'RandomForestRegressor': ensemble.RandomForestRegressor,
          'AdaBoostClassifier': ensemble.AdaBoostClassifier, 'DecisionTreeClassifier': tree.DecisionTreeClassifier,
          'DecisionTreeRegressor': tree.DecisionTreeRegressor}


def load(name):
    path, classes = TABLES[name]
    raw = np.genfromtxt(os.path.join(DATA, path), delimiter=',', skip_header=1, dtype=str)
    x = raw[:, :-1].astype(float)
    y = raw[:, -1].astype(float) if classes is None else np.array([classes.index(v) for v in raw[:, -1]], dtype=float)
    return x, y


def cut(model, x, depth):
    t = model.tree_
    node_depth = np.zeros(t.node_count, dtype=int)
    for n in range(t.node_count):
        if t.children_left[n] >= 0:
            node_depth[t.children_left[n]] = node_depth[t.children_right[n]] = node_depth[n] + 1
    out = []
    for row in x.astype(np.float32):
        n = 0
        while t.children_left[n] >= 0 and node_depth[n] < depth:
            n = t.children_left[n] if row[t.feature[n]] <= t.threshold[n] else t.children_right[n]
        v = t.value[n]
        out.append(model.classes_[np.argmax(v[0])] if hasattr(model, 'classes_') else v[0][0])
    return np.array(out)


def staged(doc):
    x, y = load(doc['dataset']['name'])
    xtr, xte, ytr, yte = train_test_split(x, y, **doc['dataset']['split'])
    name = doc['model']['estimator']
    model = MODELS[name](**doc['model']['params']).fit(xtr, ytr)
    if name.startswith('RandomForest'):
        trees = list(model.estimators_)
        train, test = [], []
        for i in range(1, len(trees) + 1):
            model.estimators_ = trees[:i]
            train.append(model.score(xtr, ytr)); test.append(model.score(xte, yte))
        return {'kind': 'tree', 'train': train, 'test': test}
    if name == 'AdaBoostClassifier':
        return {'kind': 'round', 'train': list(model.staged_score(xtr, ytr)), 'test': list(model.staged_score(xte, yte))}
    score = accuracy_score if name.endswith('Classifier') else r2_score
    depths = range(1, model.get_depth() + 1)
    return {'kind': 'depth', 'train': [score(ytr, cut(model, xtr, d)) for d in depths],
            'test': [score(yte, cut(model, xte, d)) for d in depths]}


if __name__ == '__main__':
    for doc in json.loads(sys.argv[1]):
        print(json.dumps(staged(doc)))
