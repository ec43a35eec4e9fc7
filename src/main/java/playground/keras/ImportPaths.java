package playground.keras;

/** The one name each module path has, however a lesson imported it ({@code tf.keras} and {@code keras} alike). */
final class ImportPaths {
    private ImportPaths() {}

    private static final String[][] ALIASES = {
            {"tensorflow.python.keras", "keras"}, {"tensorflow.keras", "keras"}, {"tf_keras", "keras"},
            {"keras.src", "keras"}, {"tensorflow.optimizers", "keras.optimizers"},
            {"tensorflow.losses", "keras.losses"}, {"tensorflow.metrics", "keras.metrics"},
            {"tensorflow.nn", "keras.activations"}, {"tensorflow.math", "keras.activations"},
            {"keras.layers.experimental.preprocessing", "keras.layers"}, {"keras.layers.preprocessing", "keras.layers"},
            {"keras.layers.experimental", "keras.layers"}, {"keras.optimizers.legacy", "keras.optimizers"},
            {"keras.optimizers.experimental", "keras.optimizers"}, {"keras.models.Sequential", "keras.Sequential"},
            {"keras.models.Model", "keras.Model"}, {"keras.layers.Input", "keras.Input"},
            {"keras.utils.np_utils", "keras.utils"}, {"keras.random.set_seed", "keras.utils.set_random_seed"},
    };

    /** The one name a module path has however it was imported: {@code tf.keras.layers.Dense} → {@code keras.layers.Dense}. */
    static String canonical(String path) {
        String p = path;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String[] alias : ALIASES) {
                if (p.equals(alias[0]) || p.startsWith(alias[0] + ".")) {
                    p = alias[1] + p.substring(alias[0].length());
                    changed = true;
                }
            }
        }
        return p;
    }
}
