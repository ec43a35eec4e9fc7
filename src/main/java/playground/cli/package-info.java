/**
 * The command-line tools that run one thing and print JSON: {@code train FILE} ({@link playground.cli.TrainCommand}),
 * {@code fit FILE} ({@link playground.cli.FitCommand}) and {@code bench} ({@link playground.cli.BenchCommand});
 * {@code App} dispatches to them. They read {@code document}, run through {@code runs} and {@code sklearn}, and
 * nothing imports them. The load tools are {@code loadtest}'s.
 */
package playground.cli;
