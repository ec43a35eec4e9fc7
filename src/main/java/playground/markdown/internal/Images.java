package playground.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import playground.markdown.ImageResolver;

/** Resolves each image's source through an {@link ImageResolver}; a missing one becomes a {@link MissingImage}. */
public final class Images {
    private Images() {}

    public static void apply(Node document, ImageResolver resolver) {
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
            }
        });
        for (Image image : images) {
            Optional<String> url = resolver.resolve(image.getDestination());
            if (url.isPresent()) {
                image.setDestination(url.get());
            } else {
                String alt = PlainText.of(image).strip();
                image.insertBefore(new MissingImage(alt.isEmpty() ? image.getDestination() : alt, image.getDestination()));
                image.unlink();
            }
        }
    }
}
