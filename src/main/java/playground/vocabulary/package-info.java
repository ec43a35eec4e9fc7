/**
 * The registry: each name of the run document written once, with its Keras spelling, its rule and its Korean label
 * ({@link playground.vocabulary.Vocabulary}). It depends only on {@code engine} (the factories, the metric names) and
 * {@code data} (the tasks' names, the data sets' limits); {@code runs} (the validator, the trainer, the Keras code),
 * {@code keras} (the reader), {@code markdown} (compare) and {@code server} ({@code GET /api/options}) read it.
 */
package playground.vocabulary;
