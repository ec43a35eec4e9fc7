package playground.sklearn;

/**
 * Limited-memory BFGS with ten correction pairs and a strong-Wolfe line search (c1 = 1e-3, c2 = 0.9), stopping as
 * {@code scipy.optimize.minimize(method="L-BFGS-B")} does: the largest gradient component at most {@code gtol}, or the
 * objective's relative decrease at most 2.2e-9, or {@code maxiter} iterations.
 */
final class Lbfgs {
    interface Objective {
        /** The value at w; writes the gradient into {@code grad}. */
        double value(double[] w, double[] grad);
    }

    record Result(double[] w, int iterations) {}

    private static final int MEMORY = 10;
    private static final double FTOL = 2.220446049250313e-09;

    private Lbfgs() {}

    static Result minimize(Objective f, double[] w0, double gtol, int maxIter, FitListener listener) {
        int n = w0.length;
        double[] w = w0.clone(), g = new double[n];
        double fx = f.value(w, g);
        double[][] s = new double[MEMORY][], y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0, head = 0, iter = 0;
        while (iter < maxIter && maxAbs(g) > gtol) {
            FitListener.check(listener);
            double[] d = direction(g, s, y, rho, stored, head);
            double step = iter == 0 ? Math.min(1.0, 1.0 / norm(d)) : 1.0;
            double[] wNew = new double[n], gNew = new double[n];
            double fNew = lineSearch(f, w, fx, g, d, step, wNew, gNew);
            if (Double.isNaN(fNew)) break;
            iter++;
            double[] si = new double[n], yi = new double[n];
            for (int i = 0; i < n; i++) {
                si[i] = wNew[i] - w[i];
                yi[i] = gNew[i] - g[i];
            }
            double sy = dot(si, yi);
            if (sy > 1e-10 * dot(yi, yi)) {
                s[head] = si;
                y[head] = yi;
                rho[head] = 1 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            boolean flat = (fx - fNew) <= FTOL * Math.max(Math.max(Math.abs(fx), Math.abs(fNew)), 1);
            w = wNew;
            g = gNew;
            fx = fNew;
            listener.step("iteration", iter, maxIter);
            if (flat) break;
        }
        return new Result(w, iter);
    }

    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored, int head) {
        double[] q = new double[g.length];
        for (int i = 0; i < g.length; i++) q[i] = -g[i];
        double[] alpha = new double[MEMORY];
        for (int k = 0; k < stored; k++) {
            int i = Math.floorMod(head - 1 - k, MEMORY);
            alpha[i] = rho[i] * dot(s[i], q);
            axpy(-alpha[i], y[i], q);
        }
        if (stored > 0) {
            int last = Math.floorMod(head - 1, MEMORY);
            double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
            for (int i = 0; i < q.length; i++) q[i] *= gamma;
        }
        for (int k = stored - 1; k >= 0; k--) {
            int i = Math.floorMod(head - 1 - k, MEMORY);
            double beta = rho[i] * dot(y[i], q);
            axpy(alpha[i] - beta, s[i], q);
        }
        return q;
    }

    /** Strong-Wolfe search along d (Nocedal & Wright, algorithms 3.5 and 3.6, bisecting); fills wOut and gOut. */
    private static double lineSearch(Objective f, double[] w, double f0, double[] g0, double[] d, double step,
                                     double[] wOut, double[] gOut) {
        final double c1 = 1e-3, c2 = 0.9;
        double dg0 = dot(g0, d);
        if (dg0 >= 0) return Double.NaN;
        double prev = 0, fPrev = f0, a = step;
        for (int trial = 0; trial < 50; trial++) {
            double fa = evaluate(f, w, d, a, wOut, gOut);
            double dga = dot(gOut, d);
            if (fa > f0 + c1 * a * dg0 || (trial > 0 && fa >= fPrev)) return zoom(f, w, f0, dg0, d, prev, fPrev, a, wOut, gOut);
            if (Math.abs(dga) <= -c2 * dg0) return fa;
            if (dga >= 0) return zoom(f, w, f0, dg0, d, a, fa, prev, wOut, gOut);
            prev = a;
            fPrev = fa;
            a *= 2;
        }
        return evaluate(f, w, d, prev, wOut, gOut);
    }

    private static double zoom(Objective f, double[] w, double f0, double dg0, double[] d, double lo, double fLo,
                               double hi, double[] wOut, double[] gOut) {
        final double c1 = 1e-3, c2 = 0.9;
        for (int trial = 0; trial < 60 && Math.abs(hi - lo) > 1e-18; trial++) {
            double a = 0.5 * (lo + hi);
            double fa = evaluate(f, w, d, a, wOut, gOut);
            if (fa > f0 + c1 * a * dg0 || fa >= fLo) {
                hi = a;
            } else {
                double dga = dot(gOut, d);
                if (Math.abs(dga) <= -c2 * dg0) return fa;
                if (dga * (hi - lo) >= 0) hi = lo;
                lo = a;
                fLo = fa;
            }
        }
        return lo == 0 ? Double.NaN : evaluate(f, w, d, lo, wOut, gOut);
    }

    private static double evaluate(Objective f, double[] w, double[] d, double a, double[] wOut, double[] gOut) {
        for (int i = 0; i < w.length; i++) wOut[i] = w[i] + a * d[i];
        return f.value(wOut, gOut);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) y[i] += a * x[i];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
