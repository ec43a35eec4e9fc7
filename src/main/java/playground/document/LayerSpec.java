package playground.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
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

    /** The document's shape: a Dropout names its type and rate; a Dense layer its units, activation and extras. */
    @JsonValue
    Object json() {
        return isDropout() ? new Dropout(type, rate)
                : new Dense(units, activation, alpha, Penalty.of(kernel_regularizer), Penalty.of(bias_regularizer));
    }

    private record Dropout(String type, double rate) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Dense(int units, String activation, Double alpha, Penalty kernel_regularizer,
                         Penalty bias_regularizer) {}

    /** A regularizer as written ({@link Regularizer} is the engine's, which knows no JSON). */
    private record Penalty(double l1, double l2) {
        static Penalty of(Regularizer r) {
            return r == null ? null : new Penalty(r.l1(), r.l2());
        }
    }

    /** The engine's penalty for {@code r} (null: none). */
    public static Regularizer orNone(Regularizer r) {
        return r == null ? Regularizer.NONE : r;
    }
}
