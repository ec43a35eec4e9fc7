package playground.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Keras's {@code model.summary()}: layers, then total, trainable and non-trainable parameter counts. Immutable. */
public record Summary(List<SummaryLayer> layers, long total_params, long trainable_params, long non_trainable_params) {
    public Summary {
        layers = List.copyOf(layers);
    }

    /** The summary of {@code model} for {@code features} inputs, as Keras names and counts it, without building it. */
    static Summary of(ModelSpec model, int features) {
        List<SummaryLayer> rows = new ArrayList<>();
        long trainable = 0, nonTrainable = 0;
        if (model.normalize()) {
            nonTrainable = 2L * features + 1;
            rows.add(new SummaryLayer("normalization", "Normalization", shape(features), nonTrainable));
        }
        int in = features, dense = 0, dropout = 0;
        for (LayerSpec layer : model.layers()) {
            if (layer.isDropout()) {  // Keras's Dropout: no weights, its input's shape
                rows.add(new SummaryLayer(dropout == 0 ? "dropout" : "dropout_" + dropout, layer.type(), shape(in), 0));
                dropout++;
                continue;
            }
            int units = layer.units();
            long params = (long) in * units + units;
            rows.add(new SummaryLayer(dense == 0 ? "dense" : "dense_" + dense, "Dense", shape(units), params));
            dense++;
            trainable += params;
            in = units;
        }
        return new Summary(rows, trainable + nonTrainable, trainable, nonTrainable);
    }

    private static List<Integer> shape(int units) {
        List<Integer> shape = new ArrayList<>();
        shape.add(null);
        shape.add(units);
        return java.util.Collections.unmodifiableList(shape);
    }

    /**
     * The table Keras 3 prints, with its memory sizes (float32 weights; the Normalization's count is an int64).
     */
    public String toText() {
        int[] w = {31, 22, 13};
        StringBuilder s = new StringBuilder("Model: \"sequential\"\n");
        s.append(line('┏', '━', '┳', '┓', w));
        s.append('┃').append(cell("Layer (type)", w[0], false)).append('┃')
                .append(cell("Output Shape", w[1], false)).append('┃')
                .append(cell("Param #", w[2], true)).append("┃\n");
        s.append(line('┡', '━', '╇', '┩', w));
        for (SummaryLayer layer : layers) {
            String shape = "(None, " + layer.output_shape().get(1) + ")";
            s.append('│').append(cell(layer.name() + " (" + layer.type() + ")", w[0], false)).append('│')
                    .append(cell(shape, w[1], false)).append('│')
                    .append(cell(String.format(Locale.ROOT, "%,d", layer.params()), w[2], true)).append("│\n");
        }
        s.append(line('└', '─', '┴', '┘', w));
        long nonTrainableBytes = non_trainable_params == 0 ? 0 : (non_trainable_params - 1) * 4 + 8;
        long trainableBytes = trainable_params * 4;
        s.append(String.format(Locale.ROOT, " Total params: %,d (%s)%n", total_params,
                readable(trainableBytes + nonTrainableBytes)));
        s.append(String.format(Locale.ROOT, " Trainable params: %,d (%s)%n", trainable_params, readable(trainableBytes)));
        s.append(String.format(Locale.ROOT, " Non-trainable params: %,d (%s)%n", non_trainable_params,
                readable(nonTrainableBytes)));
        return s.toString();
    }

    private static String line(char left, char fill, char join, char right, int[] widths) {
        StringBuilder s = new StringBuilder().append(left);
        for (int i = 0; i < widths.length; i++) {
            s.append(String.valueOf(fill).repeat(widths[i] + 2)).append(i + 1 < widths.length ? join : right);
        }
        return s.append('\n').toString();
    }

    private static String cell(String text, int width, boolean right) {
        String t = text.length() > width ? text.substring(0, width) : text;
        String pad = " ".repeat(width - t.length());
        return " " + (right ? pad + t : t + pad) + " ";
    }

    /** Keras's {@code readable_memory_size}: B, KB, MB… in steps of 1024, two decimals. */
    private static String readable(double bytes) {
        String[] units = {"B", "KB", "MB", "GB"};
        for (String unit : units) {
            if (bytes / 1024 < 1) return String.format(Locale.ROOT, "%.2f %s", bytes, unit);
            bytes /= 1024;
        }
        return String.format(Locale.ROOT, "%.2f TB", bytes);
    }
}
