package playground.lessons;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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

    /** Paths relative to the root with '/' separators, of files matching {@code wanted}, hidden ones left out. */
    List<String> files(java.util.function.Predicate<Path> wanted) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
            return walk.filter(Files::isRegularFile).filter(wanted)
                    .map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
                    .filter(p -> Arrays.stream(p.split("/")).noneMatch(s -> s.startsWith(".") || s.startsWith("_")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read content folder " + root, e);
        }
    }
}
