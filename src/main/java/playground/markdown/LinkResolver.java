package playground.markdown;

import java.util.Optional;

/** Turns a link target written in a lesson ({@code a.md}, {@code ../b.html#x}) into the URL the page should use. */
@FunctionalInterface
public interface LinkResolver {
    /** @return the URL to use instead, or empty to leave the link as written. */
    Optional<String> resolve(String destination);

    /** Leaves every link as written. */
    static LinkResolver unchanged() {
        return destination -> Optional.empty();
    }
}
