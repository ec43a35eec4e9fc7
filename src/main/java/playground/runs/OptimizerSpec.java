package playground.runs;

/**
 * An optimizer and its hyper-parameters, every one the optimizer uses filled in (Keras defaults for omitted ones);
 * the ones it does not use are null: sgd has momentum and nesterov, rmsprop rho and epsilon, adam beta_1, beta_2,
 * epsilon and amsgrad, adagrad epsilon.
 */
public record OptimizerSpec(String name, double learning_rate, Double momentum, Boolean nesterov, Double rho,
                            Double beta_1, Double beta_2, Double epsilon, Boolean amsgrad) {}
