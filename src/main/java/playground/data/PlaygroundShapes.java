package playground.data;

import java.util.SplittableRandom;

/**
 * The 2-D data sets of TensorFlow Playground, generated as its {@code dataset.ts} does (coordinates within about
 * ±6; noise 0 to 0.5, as the Playground's 0–50 % slider), plus scikit-learn's {@code make_moons}. Binary labels are
 * 0 and 1 (the Playground's −1 and +1). Randomness only from the generator passed in.
 */
final class PlaygroundShapes {
    private PlaygroundShapes() {}

    /** Points inside radius 2.5 are 1, points in the ring 3.5–5 are 0; the label is taken at the noisy position. */
    static Samples circle(int samples, double noise, SplittableRandom random) {
        double radius = 5;
        Builder b = new Builder(samples);
        for (int i = 0; i < samples; i++) {
            boolean inside = i < samples / 2;
            double r = inside ? uniform(random, 0, radius * 0.5) : uniform(random, radius * 0.7, radius);
            double angle = uniform(random, 0, 2 * Math.PI);
            double x = r * Math.sin(angle), y = r * Math.cos(angle);
            double nx = uniform(random, -radius, radius) * noise, ny = uniform(random, -radius, radius) * noise;
            double distance = Math.hypot(x + nx, y + ny);
            b.add(x, y, distance < radius * 0.5 ? 1 : 0);
        }
        return b.build();
    }

    /** Uniform in ±5, pushed 0.3 away from the axes; 1 where x·y ≥ 0 (at the noisy position). */
    static Samples xor(int samples, double noise, SplittableRandom random) {
        Builder b = new Builder(samples);
        double padding = 0.3;
        for (int i = 0; i < samples; i++) {
            double x = uniform(random, -5, 5);
            x += x > 0 ? padding : -padding;
            double y = uniform(random, -5, 5);
            y += y > 0 ? padding : -padding;
            double nx = uniform(random, -5, 5) * noise, ny = uniform(random, -5, 5) * noise;
            b.add(x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0);
        }
        return b.build();
    }

    /** Two Gaussian clouds around (2, 2) (label 1) and (−2, −2) (label 0); variance 0.5 + 7·noise. */
    static Samples gauss(int samples, double noise, SplittableRandom random) {
        double variance = 0.5 + noise * (4 - 0.5) / 0.5;
        Builder b = new Builder(samples);
        for (int i = 0; i < samples; i++) {
            boolean positive = i < samples / 2;
            double c = positive ? 2 : -2;
            double x = normal(random, c, variance);
            double y = normal(random, c, variance);
            b.add(x, y, positive ? 1 : 0);
        }
        return b.build();
    }

    /** Two interleaved spirals of 1.75 turns, radius growing to 5; uniform noise ±noise on each coordinate. */
    static Samples spiral(int samples, double noise, SplittableRandom random) {
        Builder b = new Builder(samples);
        int n = samples / 2;
        for (int arm = 0; arm < 2; arm++) {
            int count = arm == 0 ? n : samples - n;
            double deltaT = arm == 0 ? 0 : Math.PI;
            for (int i = 0; i < count; i++) {
                double r = (double) i / count * 5;
                double t = 1.75 * i / count * 2 * Math.PI + deltaT;
                double x = r * Math.sin(t) + uniform(random, -1, 1) * noise;
                double y = r * Math.cos(t) + uniform(random, -1, 1) * noise;
                b.add(x, y, arm == 0 ? 1 : 0);
            }
        }
        return b.build();
    }

    /** scikit-learn's {@code make_moons}, Gaussian noise of standard deviation {@code noise}, scaled ×3 and centred. */
    static Samples moons(int samples, double noise, SplittableRandom random) {
        Builder b = new Builder(samples);
        int outer = samples / 2, inner = samples - outer;
        for (int i = 0; i < samples; i++) {
            boolean isOuter = i < outer;
            int count = isOuter ? outer : inner, k = isOuter ? i : i - outer;
            double t = count == 1 ? 0 : Math.PI * k / (count - 1);
            double x = isOuter ? Math.cos(t) : 1 - Math.cos(t);
            double y = isOuter ? Math.sin(t) : 1 - Math.sin(t) - 0.5;
            x += normal(random, 0, noise * noise);
            y += normal(random, 0, noise * noise);
            b.add(3 * (x - 0.5), 3 * (y - 0.25), isOuter ? 0 : 1);
        }
        return b.build();
    }

    /** Regression: uniform in ±6, target (x + y) / 10 taken at the noisy position. */
    static Samples plane(int samples, double noise, SplittableRandom random) {
        double radius = 6;
        Builder b = new Builder(samples);
        for (int i = 0; i < samples; i++) {
            double x = uniform(random, -radius, radius), y = uniform(random, -radius, radius);
            double nx = uniform(random, -radius, radius) * noise, ny = uniform(random, -radius, radius) * noise;
            b.add(x, y, (x + nx + y + ny) / 10);
        }
        return b.build();
    }

    private static final double[][] GAUSSIANS = {
        {-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

    /** Regression: six signed bumps; the target is the strongest sign·max(0, 1 − distance/2) at the noisy position. */
    static Samples multiGauss(int samples, double noise, SplittableRandom random) {
        double radius = 6;
        Builder b = new Builder(samples);
        for (int i = 0; i < samples; i++) {
            double x = uniform(random, -radius, radius), y = uniform(random, -radius, radius);
            double nx = uniform(random, -radius, radius) * noise, ny = uniform(random, -radius, radius) * noise;
            double px = x + nx, py = y + ny, label = 0;
            for (double[] g : GAUSSIANS) {
                double scaled = Math.min(1, Math.max(0, 1 - Math.hypot(px - g[0], py - g[1]) / 2));
                double candidate = g[2] * scaled;
                if (Math.abs(candidate) > Math.abs(label)) label = candidate;
            }
            b.add(x, y, label);
        }
        return b.build();
    }

    private static double uniform(SplittableRandom random, double a, double b) {
        return a + random.nextDouble() * (b - a);
    }

    /** The Playground's {@code normalRandom}: Marsaglia's polar method. */
    private static double normal(SplittableRandom random, double mean, double variance) {
        double v1, v2, s;
        do {
            v1 = 2 * random.nextDouble() - 1;
            v2 = 2 * random.nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s > 1 || s == 0);
        return mean + Math.sqrt(variance) * Math.sqrt(-2 * Math.log(s) / s) * v1;
    }

    /** Collects (x1, x2, target) rows. */
    private static final class Builder {
        private final double[] x;
        private final double[] y;
        private int rows;

        Builder(int capacity) {
            x = new double[capacity * 2];
            y = new double[capacity];
        }

        void add(double x1, double x2, double target) {
            x[rows * 2] = x1;
            x[rows * 2 + 1] = x2;
            y[rows++] = target;
        }

        Samples build() {
            return new Samples(rows, 2, x, y);
        }
    }
}
