package playground.runs;

/** One Dense layer; {@code alpha} is set (default filled in) only for leaky_relu and elu. */
public record LayerSpec(int units, String activation, Double alpha) {}
