package playground.lessons;

import java.util.List;

/** A lesson in the navigation with its children, in {@code nav_order}. */
public record NavNode(Lesson lesson, List<NavNode> children) {
    public NavNode {
        children = List.copyOf(children);
    }
}
