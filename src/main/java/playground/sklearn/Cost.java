package playground.sklearn;

/**
 * What a fit will take, estimated from its params and the data's shape before it runs: {@code ops} multiply-adds
 * or comparisons (the same currency as the trainer's cost estimate), {@code bytes} the largest memory it holds.
 */
public record Cost(double ops, double bytes) {
    public Cost plus(Cost other) {
        return new Cost(ops + other.ops, Math.max(bytes, other.bytes));
    }
}
