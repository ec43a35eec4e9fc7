package playground.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import playground.engine.Regularizer;
import playground.vocabulary.ActivationType;
import playground.vocabulary.LayerType;
import playground.vocabulary.Param;
import playground.vocabulary.Remedies;
import playground.vocabulary.Vocabulary;

/**
 * Reads one entry of {@code model.layers}: a Dense layer ({@code "type"} optional) with its activation and
 * regularizers, or {@code {"type": "Dropout", "rate": r}}; then the rules of where Dropout may stand. Stateless.
 */
final class LayerDocument {
    private static final Set<String> TYPES = new LinkedHashSet<>(Vocabulary.LAYERS.stream().map(LayerType::type).toList());

    private LayerDocument() {}

    static LayerSpec read(JsonNode node, String path) throws InvalidConfigException {
        FieldReader l = new FieldReader(node, path);
        String type = l.choice("type", TYPES, Vocabulary.DENSE.type());
        if (type.equals(Remedies.DROPOUT.type())) {
            l.allowOnly(Set.of("type", "rate"));
            return LayerSpec.dropout(l.number(Remedies.DROPOUT.param("rate").withDefault(null)));  // Keras: required
        }
        LayerType dense = Vocabulary.DENSE;
        Set<String> allowed = new LinkedHashSet<>(List.of("type", "units", "activation", "alpha"));
        allowed.addAll(Remedies.REGULARIZER_FIELDS);
        l.allowOnly(allowed);
        int units = (int) l.integer(dense.param("units").withDefault(null));  // required: Keras has no default
        String activation = l.choice("activation", RunDocument.ACTIVATIONS, (String) dense.param("activation").defaultValue());
        Param alphaRule = Vocabulary.activation(activation).orElseThrow().alpha();
        Double alpha = null;
        if (alphaRule != null) {
            alpha = l.number(alphaRule);
        } else if (l.has("alpha")) {
            throw new InvalidConfigException(path + ".alpha", "alpha는 " + RunDocument.orList(Vocabulary.ACTIVATIONS.stream()
                    .filter(a -> a.alpha() != null).map(ActivationType::name).toList(), "와 ") + "에만 쓸 수 있습니다",
                    l.get("alpha").toString());
        }
        return new LayerSpec(dense.type(), units, activation, alpha, regularizer(l, "kernel_regularizer"),
                regularizer(l, "bias_regularizer"), null);
    }

    /** {@code {"l1": a, "l2": b}} (Keras's L1L2: each factor 0 unless given), or null when the field is absent. */
    private static Regularizer regularizer(FieldReader layer, String field) throws InvalidConfigException {
        if (!layer.has(field)) return null;
        FieldReader r = new FieldReader(layer.get(field), layer.path(field));
        Set<String> factors = new LinkedHashSet<>();
        for (Remedies.RegularizerType t : Remedies.REGULARIZERS) factors.add(t.factor().name());
        r.allowOnly(factors);
        double l1 = r.number(Remedies.REGULARIZERS.get(0).factor());
        double l2 = r.number(Remedies.REGULARIZERS.get(1).factor());
        return new Regularizer(l1, l2);
    }

    /** Dropout feeds a Dense layer: never the output layer (it would drop predictions), so not last. */
    static void checkOrder(List<LayerSpec> layers) throws InvalidConfigException {
        int last = layers.size() - 1;
        if (layers.get(last).isDropout()) {
            throw new InvalidConfigException("model.layers[" + last + "]", "마지막 층(출력층)은 Dense여야 합니다. Dropout은"
                    + " 은닉층 사이에 둡니다 (출력을 끄면 예측값이 0이 됩니다)", "\"Dropout\"");
        }
    }
}
