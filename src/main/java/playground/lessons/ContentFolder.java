package playground.lessons;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The folder of lessons and the rule that nothing outside it is ever read or served. Immutable. */
final class ContentFolder {
    /** Files under the content folder that may be served as they are. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "avif");
    private static final int MAX_DEPTH = 8;

    private final Path root;

    ContentFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** {@code file} when it is a regular file inside the folder (symbolic links resolved), else empty. */
    Optional<Path> inside(Path file) {
        try {
            Path realRoot = root.toRealPath();
            Path normalized = file.toAbsolutePath().normalize();
            if (!normalized.startsWith(root) || !Files.isRegularFile(normalized)) {
                return Optional.empty();
            }
            Path real = normalized.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** An image file inside the folder, else empty. */
    Optional<Path> image(Path file) {
        return inside(file).filter(ContentFolder::isImage);
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    /**
     * Paths relative to the root with '/' separators, of files matching {@code wanted} that {@code excluded} keeps;
     * an excluded folder is not walked at all (a teacher's {@code node_modules} may hold thousands of files).
     */
    List<String> files(Predicate<Path> wanted, Predicate<String> excluded) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(root) || !excluded.test(relative(dir)) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && wanted.test(file) && !excluded.test(relative(file))) {
                        found.add(relative(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read content folder " + root, e);
        }
        found.sort(null);
        return found;
    }

    /** {@code file} relative to the root, with '/' separators. */
    String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace(File.separatorChar, '/');
    }
}
