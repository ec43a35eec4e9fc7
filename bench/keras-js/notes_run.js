// The course notes' Keras run (Normalization -> Dense(64, relu) -> Dense(32, relu) -> Dense(1); MSE, Adam(0.01),
// epochs 100, batch_size 16, validation_split 0.2) in TensorFlow.js, whose tfjs-layers is Google's port of the
// Keras Layers API. tfjs's Dense defaults to glorotNormal kernels (a truncated normal about 12 % narrower than
// Keras's glorot_uniform), so every layer names Keras's initializers: glorotUniform kernels, zero biases. As in
// Keras, the last rows are held out for validation before shuffling, the training rows are reshuffled every
// epoch and the last partial batch is kept. Real Keras needs TensorFlow, which this machine cannot install; this
// is the closest peer it can run.
// Prints one JSON line per seed in peer_bench.py's format.
// Usage: npm install && node notes_run.js ../../../shared/datasets/boston_housing [FIRST_SEED] [COUNT]
const fs = require('fs');
const seedrandom = require('seedrandom');
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

const [dir, first = 0, count = 10] = [process.argv[2], Number(process.argv[3] || 0), Number(process.argv[4] || 10)];

function load(path) {
  const rows = fs.readFileSync(path, 'utf8').trim().split('\n').slice(1).map(line => line.split(',').map(Number));
  return { x: rows.map(r => r.slice(0, 13)), y: rows.map(r => r[13]) };
}

/** Keras's Normalization.adapt: per-feature mean and population variance (ddof 0) of the training inputs. */
function adapt(x) {
  const n = x.length;
  return x[0].map((_, j) => {
    const mean = x.reduce((s, r) => s + r[j], 0) / n;
    const variance = x.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / n;
    return { mean, sd: Math.max(Math.sqrt(variance), 1e-7) };
  });
}

function r2(y, p) {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  let sse = 0, sst = 0;
  y.forEach((v, i) => { sse += (v - p[i]) ** 2; sst += (v - mean) ** 2; });
  return 1 - sse / sst;
}

/** Keras's Dense: glorot_uniform kernel, zeros bias (tfjs's own default kernel is glorotNormal). */
function dense(options) {
  return tf.layers.dense({ kernelInitializer: 'glorotUniform', biasInitializer: 'zeros', ...options });
}

async function fitOnce(train, test, seed) {
  seedrandom(String(seed), { global: true });  // Math.random drives tfjs's initialisers and its per-epoch shuffle
  const model = tf.sequential({ layers: [
    dense({ units: 64, activation: 'relu', inputShape: [13] }),
    dense({ units: 32, activation: 'relu' }),
    dense({ units: 1 })] });
  model.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam(0.01) });
  const t0 = process.hrtime.bigint();
  const history = await model.fit(train.x, train.y, { epochs: 100, batchSize: 16, validationSplit: 0.2, verbose: 0 });
  const fitSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const mse = (await model.evaluate(test.x, test.y).data())[0];
  const predicted = Array.from(await model.predict(test.x).data());
  model.dispose();
  const last = [history.history.loss[99], history.history.val_loss[99]];
  return { peer: 'tfjs-wasm-1thread', seed, fit_s: +fitSeconds.toFixed(4), test_mse: +mse.toFixed(3),
    test_r2: +r2(test.yRaw, predicted).toFixed(4), last_epoch_loss_val: last };
}

(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const rawTrain = load(dir + '/keras_train.csv'), rawTest = load(dir + '/keras_test.csv');
  const stats = adapt(rawTrain.x);
  const normalize = x => tf.tensor2d(x.map(r => r.map((v, j) => (v - stats[j].mean) / stats[j].sd)));
  const train = { x: normalize(rawTrain.x), y: tf.tensor2d(rawTrain.y, [rawTrain.y.length, 1]) };
  const test = { x: normalize(rawTest.x), y: tf.tensor2d(rawTest.y, [rawTest.y.length, 1]), yRaw: rawTest.y };
  for (let seed = first; seed < first + count; seed++) console.log(JSON.stringify(await fitOnce(train, test, seed)));
})();
