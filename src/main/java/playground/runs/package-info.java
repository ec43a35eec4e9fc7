/**
 * One run, safely: the sandbox that admits a document ({@link playground.runs.Sandbox}, by
 * {@link playground.runs.RunResources}' estimates against {@link playground.runs.RunLimits}), the fair scheduler that
 * gives it turns, the training (Keras runs through the engine, scikit-learn fits through {@code sklearn}), and what a
 * run reports (its events to a {@link playground.runs.RunListener}, its result). It reads the document from
 * {@code playground.document} and nothing there reads it back.
 */
package playground.runs;
