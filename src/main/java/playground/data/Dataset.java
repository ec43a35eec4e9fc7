package playground.data;

/** A loaded data set: its description and its fixed training and test rows. Immutable. */
public record Dataset(DatasetInfo info, Samples train, Samples test) {}
