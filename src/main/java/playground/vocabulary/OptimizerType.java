package playground.vocabulary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import playground.engine.Optimizer;

/**
 * One optimizer: its run-document name, its Keras class, its hyper-parameters (learning_rate first) and how to build
 * the engine's rule from them. Immutable; safe to share between threads.
 *
 * @param name       the run document's name, Keras's string alias ({@code optimizer='adam'})
 * @param keras      the Python class, {@code keras.optimizers.Adam}
 * @param label      what the widget's menu shows
 * @param params     the hyper-parameters the playground follows, each with Keras's default
 * @param kerasArgs  Keras's positional parameters from learning_rate on, in its signature's order
 * @param kerasFixed Keras parameters the engine does not vary: accepted only at these, Keras's defaults
 * @param factory    the engine's rule from validated settings
 * @param slots      floats per weight the rule keeps (its memory beside the weights)
 */
public record OptimizerType(String name, String keras, String label, List<Param> params, List<String> kerasArgs,
                            Map<String, Object> kerasFixed, Function<Settings, Optimizer> factory,
                            ToIntFunction<Settings> slots) {

    public OptimizerType {
        params = List.copyOf(params);
        kerasArgs = List.copyOf(kerasArgs);
        kerasFixed = Collections.unmodifiableMap(new LinkedHashMap<>(kerasFixed));
        if (!params.get(0).name().equals("learning_rate")) {
            throw new IllegalArgumentException(name + ": learning_rate must come first, got " + params);
        }
        for (Param p : params) {
            if (!kerasArgs.contains(p.name())) throw new IllegalArgumentException(name + ": " + p.name() + " not in " + kerasArgs);
        }
    }

    /** The hyper-parameter called {@code param}, or null. */
    public Param param(String param) {
        for (Param p : params) if (p.name().equals(param)) return p;
        return null;
    }

    /** Every hyper-parameter at Keras's default, the learning rate too unless given. */
    public Map<String, Object> defaults(Double learningRate) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : params) values.put(p.name(), p.defaultValue());
        if (learningRate != null) values.put("learning_rate", learningRate);
        return values;
    }

    public Optimizer create(Map<String, Object> values) {
        return factory.apply(new Settings(values));
    }

    public int slots(Map<String, Object> values) {
        return slots.applyAsInt(new Settings(values));
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("keras", keras);
        m.put("label", label);
        m.put("params", params.stream().map(Param::json).toList());
        return m;
    }
}
