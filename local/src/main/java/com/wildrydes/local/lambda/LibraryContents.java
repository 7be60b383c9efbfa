package com.wildrydes.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One kind of library entries of a function jar, as the jar holds them, and a fingerprint of their
 * names, sizes and CRC-32s (read from the jar's directory, nothing inflated). Two jars with the same
 * fingerprint hold the same library bytes of that kind, whatever else they hold.
 */
public record LibraryContents(Kind kind, String fingerprint, Set<String> entries) {

    /**
     * The kinds of library a function jar holds. A class of one kind must link to no class of the jar
     * outside its kind (its shared loader sees only its kind and the JDK); a test checks every asset.
     */
    public enum Kind {
        /**
         * The AWS SDK with its event stream and HTTP clients and what they link to (SLF4J, Reactive
         * Streams, Apache HttpClient, Netty), and the jar's service files, which the SDK reads.
         */
        SDK(
                "software/amazon/awssdk/",
                "software/amazon/eventstream/",
                "org/slf4j/",
                "org/reactivestreams/",
                "org/apache/http/",
                "org/apache/commons/logging/",
                "org/apache/commons/codec/",
                "io/netty/",
                "META-INF/services/"),
        /** The Lambda runtime's interfaces and events, with the Joda-Time its events use. */
        RUNTIME("com/amazonaws/services/lambda/runtime/", "org/joda/time/");

        private final List<String> prefixes;

        Kind(String... prefixes) {
            this.prefixes = List.of(prefixes);
        }

        /** Whether the jar entry is one of this kind's. */
        public boolean holds(String entryName) {
            for (String prefix : prefixes) {
                if (entryName.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Map<String, LibraryContents> READ = new HashMap<>();

    /** The jar's library entries of that kind (read once per jar file, size, modification time and kind). */
    static synchronized LibraryContents of(Path jar, Kind kind) {
        try {
            String key = kind + "|" + jar.toAbsolutePath() + "|" + Files.size(jar) + "|"
                    + Files.getLastModifiedTime(jar).toMillis();
            LibraryContents contents = READ.get(key);
            if (contents == null) {
                contents = read(jar, kind);
                READ.put(key, contents);
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the function jar " + jar, e);
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    boolean holds(String entryName) {
        return entries.contains(entryName);
    }

    private static LibraryContents read(Path jar, Kind kind) throws IOException {
        Map<String, String> sorted = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream()
                    .filter(entry -> !entry.isDirectory() && kind.holds(entry.getName()))
                    .forEach(entry -> sorted.put(entry.getName(), describe(entry)));
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sorted.forEach((name, description) ->
                digest.update((name + ' ' + description + '\n').getBytes(StandardCharsets.UTF_8)));
        return new LibraryContents(kind, HexFormat.of().formatHex(digest.digest()), Set.copyOf(sorted.keySet()));
    }

    private static String describe(ZipEntry entry) {
        if (entry.getSize() < 0 || entry.getCrc() < 0) {
            throw new IllegalStateException("The jar's directory gives no size or CRC for " + entry.getName());
        }
        return entry.getSize() + " " + Long.toHexString(entry.getCrc());
    }
}
