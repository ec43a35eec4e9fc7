package playground.lessons;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.markdown.LessonMarkdown;

/**
 * The course as the content folder holds it now, as {@code jekyll serve} keeps it: a watcher thread reloads it
 * once the folder has been quiet for {@link #QUIET_MS} after a change (an editor's save is several events), and
 * a reload that fails keeps the course served until then. Every request reads {@link #current()} once.
 * <p>Thread-safe: one thread reloads, any number read.
 */
public final class LiveCourse implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveCourse.class);
    /** How long the folder must be still before it is read again. */
    static final long QUIET_MS = 150;

    private final Path dir;
    private final LessonMarkdown markdown;
    private final Runnable beforeLoad;
    private final AtomicReference<Course> current;
    private final AtomicLong version = new AtomicLong(1);
    private final WatchService watcher;
    private final Set<Path> watched = new HashSet<>();
    private final Thread thread;

    private LiveCourse(Path dir, LessonMarkdown markdown, Runnable beforeLoad) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        this.markdown = markdown;
        this.beforeLoad = beforeLoad;
        beforeLoad.run();
        this.current = new AtomicReference<>(CourseLoader.load(this.dir, markdown));
        this.watcher = FileSystems.getDefault().newWatchService();
        watchFolders();
        this.thread = new Thread(this::watch, "course-watcher");
        thread.setDaemon(true);
    }

    /** Loads {@code dir} and starts watching it. */
    public static LiveCourse watch(Path dir, LessonMarkdown markdown) {
        return watch(dir, markdown, () -> {});
    }

    /**
     * Loads {@code dir} and starts watching it; {@code beforeLoad} runs before every load, on the watcher's thread
     * after the first, to read what the lessons depend on (the folder's data sets, which widgets name).
     */
    public static LiveCourse watch(Path dir, LessonMarkdown markdown, Runnable beforeLoad) {
        try {
            LiveCourse course = new LiveCourse(dir, markdown, beforeLoad);
            course.thread.start();
            return course;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot watch the content folder " + dir, e);
        }
    }

    public Course current() {
        return current.get();
    }

    /** Goes up by one with every reload that changed the course; pages in development mode poll it. */
    public long version() {
        return version.get();
    }

    private void watch() {
        try {
            while (true) {
                drain(watcher.take());
                // Wait until the folder is quiet: a save is a truncate, a write, a rename …
                for (WatchKey more; (more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null; ) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is stopping
        }
    }

    /** A deleted folder's key is no longer valid: forget it, so the folder is watched again if it comes back. */
    private void drain(WatchKey key) {
        key.pollEvents();
        if (!key.reset()) {
            watched.remove((Path) key.watchable());
        }
    }

    /** Reads the folder again; if that fails the course stays as it was. */
    void reload() {
        try {
            beforeLoad.run();
            current.set(CourseLoader.load(dir, markdown, current.get()));
            version.incrementAndGet();
            watchFolders();
        } catch (RuntimeException e) {
            LOG.error("the content folder {} could not be read again; the course stays as it was", dir, e);
        }
    }

    /** Every folder the course is read from, including ones created since (WatchService is not recursive). */
    private void watchFolders() {
        SiteConfig config = current.get().config();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) throws IOException {
                    String relative = dir.relativize(folder).toString().replace('\\', '/');
                    boolean includes = relative.equals("_includes");
                    if (!folder.equals(dir) && !includes && config.excludes(relative)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (watched.add(folder)) {
                        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot watch every folder of {} ({}); some edits need a restart", dir, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException ignored) {
            // the watcher thread ends either way
        }
        thread.interrupt();
    }
}
