package playground.sklearn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted decision tree as the browser draws it: scikit-learn's {@code tree_} arrays node by node, in
 * {@code tree_}'s own order (ids are {@code tree_}'s), the top {@link #MAX_NODES} levels first when it is bigger, and
 * which training rows reach each node while the set is small.
 */
final class TreeJson {
    /** Nodes sent at most: a diagram of more cannot be read, and the message stays small. */
    static final int MAX_NODES = 255;
    /** Row lists are sent only for training sets this small… */
    static final int MAX_ROWS = 2000;
    /** …and only until this many indices are listed, top nodes first (a long chain of splits repeats the rows). */
    static final int MAX_ROW_INDICES = 20_000;

    private TreeJson() {}

    /**
     * @param features the names of the columns the tree splits on
     * @param classes  the class names in the order of {@code value}, or null for a regressor
     * @param x        the training rows as the tree saw them (after preprocessing)
     */
    static Map<String, Object> of(DecisionTree tree, List<String> features, List<String> classes, double[][] x) {
        List<DecisionTree.Node> nodes = tree.nodes();
        List<Integer> sent = new ArrayList<>();
        for (int id = 0; id < nodes.size(); id++) sent.add(id);
        sent.sort(Comparator.comparingInt((Integer id) -> nodes.get(id).depth()).thenComparingInt(id -> id));
        List<Integer> kept = sent.subList(0, Math.min(MAX_NODES, sent.size()));
        int[][] rows = x.length <= MAX_ROWS ? rows(tree, new java.util.HashSet<>(kept), x) : null;

        Map<Integer, Map<String, Object>> byId = new java.util.TreeMap<>();
        int listed = 0;
        for (int id : kept) {
            DecisionTree.Node n = nodes.get(id);
            boolean leaf = n.left() < 0;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("depth", n.depth());
            m.put("feature", leaf ? -1 : n.feature());
            m.put("threshold", leaf ? null : n.threshold());
            m.put("impurity", n.impurity());
            m.put("samples", n.samples());
            m.put("value", n.value());
            m.put("left", n.left());
            m.put("right", n.right());
            if (rows != null && listed + rows[id].length <= MAX_ROW_INDICES) {   // top nodes first
                m.put("rows", rows[id]);
                listed += rows[id].length;
            }
            byId.put(id, m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("features", features);
        out.put("classes", classes);
        out.put("node_count", nodes.size());
        out.put("truncated", kept.size() < nodes.size());
        out.put("nodes", new ArrayList<>(byId.values()));
        return out;
    }

    /** For each node sent, the training rows (indices, ascending) whose path passes through it; null for the others. */
    private static int[][] rows(DecisionTree tree, java.util.Set<Integer> sent, double[][] x) {
        List<DecisionTree.Node> nodes = tree.nodes();
        int[][] rows = new int[nodes.size()][];
        int[] filled = new int[nodes.size()];
        for (int id : sent) rows[id] = new int[nodes.get(id).samples()];
        for (int r = 0; r < x.length; r++) {
            for (int id = 0; ; id = tree.child(id, x[r])) {
                if (rows[id] != null) {
                    if (filled[id] == rows[id].length) rows[id] = java.util.Arrays.copyOf(rows[id], 2 * filled[id] + 1);
                    rows[id][filled[id]++] = r;
                }
                if (nodes.get(id).left() < 0) break;
            }
        }
        for (int id : sent) rows[id] = java.util.Arrays.copyOf(rows[id], filled[id]);
        return rows;
    }

    /** What the description holds at most: the nodes' maps and the listed row indices. */
    static double bytes(int trainRows) {
        return MAX_NODES * 800.0 + (trainRows <= MAX_ROWS ? 4.0 * trainRows * MAX_NODES : 0);
    }
}
