package playground.document;

import playground.engine.Regularizer;
import playground.vocabulary.Remedies;
import playground.vocabulary.Vocabulary;

/**
 * One layer: a Dense layer ({@code alpha} set, default filled in, only for leaky_relu and elu; regularizers null when
 * absent) or a Dropout layer ({@code rate} set, units 0).
 */
public record LayerSpec(String type, int units, String activation, Double alpha, Regularizer kernel_regularizer,
                        Regularizer bias_regularizer, Double rate) {

    /** A Dense layer without regularizers. */
    public LayerSpec(int units, String activation, Double alpha) {
        this(Vocabulary.DENSE.type(), units, activation, alpha, null, null, null);
    }

    public static LayerSpec dropout(double rate) {
        return new LayerSpec(Remedies.DROPOUT.type(), 0, null, null, null, null, rate);
    }

    public boolean isDropout() {
        return Remedies.DROPOUT.type().equals(type);
    }

    /** The engine's penalty for {@code r} (null: none). */
    public static Regularizer orNone(Regularizer r) {
        return r == null ? Regularizer.NONE : r;
    }
}
