package playground.document;

/**
 * The course notes' Keras example (Boston, Normalization, 64 relu, 32 relu, 1, Adam 0.01, 100 epochs, batch 16),
 * exactly as RUN-CONFIG.md shows it: what the server warms up on, what the benchmarks, load tools and tests run.
 */
public final class NotesRun {
    private NotesRun() {}

    /** The document, as RUN-CONFIG.md writes it: one resource, {@code runs/notes-boston.json}, read once. */
    public static final String DOCUMENT = resource("runs/notes-boston.json");

    private static String resource(String path) {
        try (java.io.InputStream in = NotesRun.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
