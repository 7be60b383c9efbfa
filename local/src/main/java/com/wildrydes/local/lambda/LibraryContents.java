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
 * The library entries of a function jar: the AWS SDK (with its event stream, HTTP clients and what
 * they link to: SLF4J, Reactive Streams, Apache HttpClient, Netty), the Lambda runtime's interfaces
 * and events with Joda-Time, and the jar's service files, as the jar holds them; and a fingerprint of
 * their names, sizes and CRC-32s (read from the jar's directory, nothing inflated). Two jars with the
 * same fingerprint hold the same library bytes, whatever else they hold.
 */
record LibraryContents(String fingerprint, Set<String> entries) {

    /** Where library entries live in a jar; a class there links only to classes under these too. */
    static final List<String> PREFIXES = List.of(
            "software/amazon/awssdk/",
            "software/amazon/eventstream/",
            "org/slf4j/",
            "org/reactivestreams/",
            "org/apache/http/",
            "org/apache/commons/logging/",
            "org/apache/commons/codec/",
            "io/netty/",
            "com/amazonaws/services/lambda/runtime/",
            "org/joda/time/",
            "META-INF/services/");

    private static final Map<String, LibraryContents> READ = new HashMap<>();

    /** The jar's library entries (read once per jar file, size and modification time). */
    static synchronized LibraryContents of(Path jar) {
        try {
            String key = jar.toAbsolutePath() + "|" + Files.size(jar) + "|"
                    + Files.getLastModifiedTime(jar).toMillis();
            LibraryContents contents = READ.get(key);
            if (contents == null) {
                contents = read(jar);
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

    static boolean isLibrary(String entryName) {
        for (String prefix : PREFIXES) {
            if (entryName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static LibraryContents read(Path jar) throws IOException {
        Map<String, String> sorted = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream()
                    .filter(entry -> !entry.isDirectory() && isLibrary(entry.getName()))
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
        return new LibraryContents(HexFormat.of().formatHex(digest.digest()), Set.copyOf(sorted.keySet()));
    }

    private static String describe(ZipEntry entry) {
        if (entry.getSize() < 0 || entry.getCrc() < 0) {
            throw new IllegalStateException("The jar's directory gives no size or CRC for " + entry.getName());
        }
        return entry.getSize() + " " + Long.toHexString(entry.getCrc());
    }
}
