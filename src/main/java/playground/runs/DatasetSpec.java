package playground.runs;

/** The run's data set; {@code samples} and {@code noise} are set (defaults filled in) for generated 2-D sets only. */
public record DatasetSpec(String name, Integer samples, Double noise) {}
