/**
 * The run document (RUN-CONFIG.md): reading and validating it ({@link playground.document.RunSpec#parse},
 * {@link playground.document.FieldReader}'s Korean messages with their JSON paths, scikit-learn documents in
 * {@link playground.document.EstimatorDocument}), the validated {@code *Spec} records, and writing it back: the
 * canonical JSON, the Keras and scikit-learn code, the data files that code reads, the model's summary. It knows
 * nothing of running: {@code runs} (sandbox, limits, scheduler, training, results, events) reads it, never the other
 * way round. Depends on {@code vocabulary}, {@code engine}, {@code data} and {@code sklearn}.
 */
package playground.document;
