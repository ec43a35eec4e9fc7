package playground.markdown.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import playground.markdown.LinkResolver;

/** Rewrites each link's destination through a {@link LinkResolver} ({@code [다음](02-b.md)} → the lesson's URL). */
public final class Links {
    private Links() {}

    public static void apply(Node document, LinkResolver resolver) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                resolver.resolve(link.getDestination()).ifPresent(link::setDestination);
                visitChildren(link);
            }
        });
    }
}
