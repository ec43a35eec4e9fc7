package playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import playground.runs.RunLimits;
import playground.server.Site;
import playground.server.TrainService;

/**
 * The real site serving a temporary course folder on a loopback port, for browser tests. Closing it stops the
 * site gracefully and deletes the folder.
 */
public final class TestSite implements AutoCloseable {
    private final Path content;
    private final Site site;

    private TestSite(Path content, Site site) {
        this.content = content;
        this.site = site;
    }

    /** Serves {@code content} (which this object now owns) with {@code workers} trainer threads. */
    public static TestSite start(Path content, int workers) {
        TrainService trainer = new TrainService(
                RunLimits.defaults().withWorkers(workers).withStartsPerMinute(1000), Set.of());
        return new TestSite(content, Site.start(content, trainer, "127.0.0.1", 0));
    }

    /** Our own course ({@code content/}, not owned: nothing is deleted) with two trainer threads. */
    public static Site ownCourse() {
        return Site.start(Path.of("content"),
                new TrainService(RunLimits.defaults().withWorkers(2).withStartsPerMinute(1000), Set.of()), "127.0.0.1", 0);
    }

    public Site site() {
        return site;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + site.port() + path;
    }

    @Override
    public void close() {
        site.close();
        try (Stream<Path> files = Files.walk(content)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
