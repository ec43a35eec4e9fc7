package playground.document;

import java.util.List;

/** One row of the summary: {@code output_shape} is {@code [null, units]}, as Keras prints {@code (None, 64)}. */
public record SummaryLayer(String name, String type, List<Integer> output_shape, long params) {}
