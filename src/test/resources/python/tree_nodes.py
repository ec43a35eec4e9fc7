"""scikit-learn 1.2's tree_ arrays for the run documents in argv[1] (a JSON list), one JSON object per line."""
import json, sys
from staged_scores import load, MODELS  # noqa: the same loader as the staged check
from sklearn.model_selection import train_test_split

for doc in json.loads(sys.argv[1]):
    x, y = load(doc['dataset']['name'])
    xtr, xte, ytr, yte = train_test_split(x, y, **doc['dataset']['split'])
    t = MODELS[doc['model']['estimator']](**doc['model']['params']).fit(xtr, ytr).tree_
    print(json.dumps({'feature': t.feature.tolist(), 'threshold': t.threshold.tolist(), 'impurity': t.impurity.tolist(),
                      'samples': t.n_node_samples.tolist(), 'value': t.value[:, 0, :].tolist(),
                      'left': t.children_left.tolist(), 'right': t.children_right.tolist()}))
