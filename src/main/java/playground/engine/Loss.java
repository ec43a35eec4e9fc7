package playground.engine;

/**
 * The loss functions, each beside its gradient, as Keras defines them.
 *
 * <p>{@code p} is the model's output ({@code rows × units}); {@code y} the targets: {@code rows × units} values, or,
 * for {@link #SPARSE_CATEGORICAL_CROSSENTROPY}, {@code rows} class indices. A sample's loss is the mean over its units
 * (mse, mae, binary cross-entropy) or the sum over its classes (the categorical cross-entropies); the batch loss is the
 * mean over the rows, Keras's {@code sum_over_batch_size}. Each term and every gradient is computed in float32, as in
 * Keras; the batch loss sums those terms in double (at least as exact as Keras's float32 mean). The cross-entropies
 * have a second form, from the output layer's logits ({@link #fromLogitsOf}), which is what Keras's TensorFlow backend
 * computes for a sigmoid or softmax output. Stateless: shared freely between threads.
 */
public enum Loss {
    /** mean (p - y)²;  dLoss/dp = 2 (p - y) / (rows · units). */
    MSE("mse", true) {
        @Override public double value(float[] p, float[] y, int rows, int units) {
            double sum = 0;
            for (int i = 0, n = rows * units; i < n; i++) {
                float d = p[i] - y[i];
                sum += d * d;
            }
            return sum / ((double) rows * units);
        }
        @Override public void gradient(float[] p, float[] y, int rows, int units, float[] dP) {
            float scale = 2f / (rows * units);
            for (int i = 0, n = rows * units; i < n; i++) dP[i] = scale * (p[i] - y[i]);
        }
    },
    /** mean |p - y|;  dLoss/dp = sign(p - y) / (rows · units). */
    MAE("mae", true) {
        @Override public double value(float[] p, float[] y, int rows, int units) {
            double sum = 0;
            for (int i = 0, n = rows * units; i < n; i++) sum += Math.abs(p[i] - y[i]);
            return sum / ((double) rows * units);
        }
        @Override public void gradient(float[] p, float[] y, int rows, int units, float[] dP) {
            float scale = 1f / (rows * units);
            for (int i = 0, n = rows * units; i < n; i++) dP[i] = scale * Math.signum(p[i] - y[i]);
        }
    },
    /**
     * mean -(y log p + (1 - y) log(1 - p)), p clipped to [1e-7, 1 - 1e-7];
     * dLoss/dp = (p - y) / (p (1 - p)) / (rows · units), 0 where p was clipped.
     */
    BINARY_CROSSENTROPY("binary_crossentropy", false) {
        @Override public double value(float[] p, float[] y, int rows, int units) {
            double sum = 0;
            for (int i = 0, n = rows * units; i < n; i++) {
                float q = clip(p[i]);
                sum -= y[i] * log(q) + (1 - y[i]) * log(1 - q);
            }
            return sum / ((double) rows * units);
        }
        @Override public void gradient(float[] p, float[] y, int rows, int units, float[] dP) {
            float scale = 1f / (rows * units);
            for (int i = 0, n = rows * units; i < n; i++) {
                float q = p[i];
                dP[i] = clipped(q) ? 0f : scale * (-y[i] / q + (1 - y[i]) / (1 - q));
            }
        }
        /** mean max(z, 0) − z·y + log(1 + e^−|z|), TensorFlow's {@code sigmoid_cross_entropy_with_logits}. */
        @Override public double logitValue(float[] z, float[] y, int rows, int units) {
            double sum = 0;
            for (int i = 0, n = rows * units; i < n; i++) {
                sum += Math.max(z[i], 0f) - z[i] * y[i] + (float) Math.log1p(Math.exp(-Math.abs(z[i])));
            }
            return sum / ((double) rows * units);
        }
        /** dLoss/dz = (sigmoid(z) − y) / (rows · units). */
        @Override public void logitGradient(float[] p, float[] y, int rows, int units, float[] dZ) {
            float scale = 1f / (rows * units);
            for (int i = 0, n = rows * units; i < n; i++) dZ[i] = scale * (p[i] - y[i]);
        }
        @Override public boolean fromLogitsOf(Activation output) {
            return output == Activation.SIGMOID;
        }
    },
    /**
     * -Σ_j y_j log q_j with q = clip(p / Σp) to [1e-7, 1 - 1e-7] (Keras renormalises the probabilities first);
     * dLoss/dp_k = (-y_k c_k / q_k + Σ_j y_j c_j) / Σp / rows, c_j = 0 where q_j was clipped, else 1.
     */
    CATEGORICAL_CROSSENTROPY("categorical_crossentropy", false) {
        @Override public double value(float[] p, float[] y, int rows, int units) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                int base = r * units;
                float total = rowSum(p, base, units);
                for (int j = 0; j < units; j++) {
                    if (y[base + j] != 0) sum -= y[base + j] * log(clip(p[base + j] / total));
                }
            }
            return sum / rows;
        }
        @Override public void gradient(float[] p, float[] y, int rows, int units, float[] dP) {
            for (int r = 0; r < rows; r++) {
                int base = r * units;
                float total = rowSum(p, base, units);
                float kept = 0;
                for (int j = 0; j < units; j++) if (!clipped(p[base + j] / total)) kept += y[base + j];
                for (int j = 0; j < units; j++) {
                    float q = p[base + j] / total;
                    float own = clipped(q) ? 0f : -y[base + j] / q;
                    dP[base + j] = (own + kept) / total / rows;
                }
            }
        }
        /** Σ_j y_j (logsumexp(z) − z_j), TensorFlow's {@code softmax_cross_entropy_with_logits}. */
        @Override public double logitValue(float[] z, float[] y, int rows, int units) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                int base = r * units;
                float lse = logSumExp(z, base, units);
                for (int j = 0; j < units; j++) if (y[base + j] != 0) sum += y[base + j] * (lse - z[base + j]);
            }
            return sum / rows;
        }
        /** dLoss/dz_k = (softmax(z)_k · Σ_j y_j − y_k) / rows. */
        @Override public void logitGradient(float[] p, float[] y, int rows, int units, float[] dZ) {
            for (int r = 0; r < rows; r++) {
                int base = r * units;
                float mass = rowSum(y, base, units);
                for (int j = 0; j < units; j++) dZ[base + j] = (p[base + j] * mass - y[base + j]) / rows;
            }
        }
        @Override public boolean fromLogitsOf(Activation output) {
            return output == Activation.SOFTMAX;
        }
    },
    /** As {@link #CATEGORICAL_CROSSENTROPY} with y given as the class index of each row. */
    SPARSE_CATEGORICAL_CROSSENTROPY("sparse_categorical_crossentropy", false) {
        @Override public double value(float[] p, float[] y, int rows, int units) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                int base = r * units;
                sum -= log(clip(p[base + (int) y[r]] / rowSum(p, base, units)));
            }
            return sum / rows;
        }
        @Override public void gradient(float[] p, float[] y, int rows, int units, float[] dP) {
            for (int r = 0; r < rows; r++) {
                int base = r * units;
                int label = (int) y[r];
                float total = rowSum(p, base, units);
                float q = p[base + label] / total;
                float kept = clipped(q) ? 0f : 1f;
                for (int j = 0; j < units; j++) dP[base + j] = kept / total / rows;
                // a clipped q passes no gradient (tested, not 0 / q: a q underflowed to 0 would give NaN)
                dP[base + label] = clipped(q) ? 0f : (1 - 1 / q) / total / rows;
            }
        }
        /** logsumexp(z) − z_y, TensorFlow's {@code sparse_softmax_cross_entropy_with_logits}. */
        @Override public double logitValue(float[] z, float[] y, int rows, int units) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                int base = r * units;
                sum += logSumExp(z, base, units) - z[base + (int) y[r]];
            }
            return sum / rows;
        }
        /** dLoss/dz_k = (softmax(z)_k − [k = y]) / rows. */
        @Override public void logitGradient(float[] p, float[] y, int rows, int units, float[] dZ) {
            for (int r = 0; r < rows; r++) {
                int base = r * units;
                for (int j = 0; j < units; j++) dZ[base + j] = p[base + j] / rows;
                dZ[base + (int) y[r]] = (p[base + (int) y[r]] - 1) / rows;
            }
        }
        @Override public boolean fromLogitsOf(Activation output) {
            return output == Activation.SOFTMAX;
        }
    };

    /** Keras's {@code backend.epsilon()}: probabilities are clipped to [EPSILON, 1 - EPSILON]. */
    public static final float EPSILON = 1e-7f;

    private final String kerasName;
    private final boolean regression;

    Loss(String kerasName, boolean regression) {
        this.kerasName = kerasName;
        this.regression = regression;
    }

    public String kerasName() {
        return kerasName;
    }

    /** True for mse and mae, false for the cross-entropies. */
    public boolean isRegression() {
        return regression;
    }

    /** Whether targets are one class index per row instead of one value per output unit. */
    public boolean sparseTargets() {
        return this == SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    public static Loss byName(String name) {
        for (Loss l : values()) if (l.kerasName.equals(name)) return l;
        return null;
    }

    /** The batch loss: the mean over the first {@code rows} rows of each sample's loss. */
    public abstract double value(float[] p, float[] y, int rows, int units);

    /** dLoss/dp of {@link #value}, written into {@code dP}. */
    public abstract void gradient(float[] p, float[] y, int rows, int units, float[] dP);

    /**
     * Whether Keras's TensorFlow backend computes this loss from the logits of an output layer with activation
     * {@code output}: its {@code _get_logits} (keras/src/backend/tensorflow/nn.py) takes the input of a sigmoid for
     * binary cross-entropy and of a softmax for the categorical ones, so neither the 1e-7 clip nor a saturated
     * probability stops the loss or its gradient. False for mse and mae.
     */
    public boolean fromLogitsOf(Activation output) {
        return false;
    }

    /** The batch loss from the output layer's pre-activations {@code z}; only where {@link #fromLogitsOf} holds. */
    public double logitValue(float[] z, float[] y, int rows, int units) {
        throw new UnsupportedOperationException(kerasName + " is not computed from logits");
    }

    /**
     * dLoss/dz of {@link #logitValue}, written into {@code dZ}, from the probabilities {@code p} = activation(z) the
     * forward pass already holds.
     */
    public void logitGradient(float[] p, float[] y, int rows, int units, float[] dZ) {
        throw new UnsupportedOperationException(kerasName + " is not computed from logits");
    }

    static float clip(float q) {
        return Math.min(Math.max(q, EPSILON), 1 - EPSILON);
    }

    static boolean clipped(float q) {
        return q < EPSILON || q > 1 - EPSILON;
    }

    /** The natural logarithm in float32. */
    static float log(float q) {
        return (float) Math.log(q);
    }

    /** log Σ_j e^(z_j), shifted by the largest z so e^z cannot overflow; float32. */
    static float logSumExp(float[] z, int base, int units) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < units; j++) max = Math.max(max, z[base + j]);
        float sum = 0;
        for (int j = 0; j < units; j++) sum += (float) Math.exp(z[base + j] - max);
        return max + log(sum);
    }

    static float rowSum(float[] p, int base, int units) {
        float s = 0;
        for (int j = 0; j < units; j++) s += p[base + j];
        return s;
    }
}
