package playground.document;

/**
 * The course notes' Keras example (Boston, Normalization, 64 relu, 32 relu, 1, Adam 0.01, 100 epochs, batch 16),
 * exactly as RUN-CONFIG.md shows it: what the server warms up on, what the benchmarks and load tools run.
 */
public final class NotesRun {
    private NotesRun() {}

    /** The document, as RUN-CONFIG.md writes it. */
    public static final String DOCUMENT = """
            {
              "dataset": "boston_housing",
              "seed": 7,
              "model": {
                "normalize": true,
                "layers": [
                  {"units": 64, "activation": "relu"},
                  {"units": 32, "activation": "relu"},
                  {"units": 1}
                ]
              },
              "compile": {
                "optimizer": {"name": "adam", "learning_rate": 0.01},
                "loss": "mse",
                "metrics": ["mae"]
              },
              "fit": {"epochs": 100, "batch_size": 16, "validation_split": 0.2, "shuffle": true}
            }
            """;
}
