package com.wildrydes.local.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Buckets and their objects, each object a file under a folder of this run (an asset jar is tens of
 * megabytes; a deployed function runs from that file). Keys map to files through a digest, so no
 * key can name a path outside the folder.
 */
public final class ObjectStore {

    /** An object: its file, size and ETag (the MD5 of its content, quoted, as S3 gives it for a single upload). */
    public record StoredObject(String key, Path file, long size, String etag, long lastModified) {}

    private final Path root;
    private final Map<String, Map<String, StoredObject>> buckets = new ConcurrentHashMap<>();

    public ObjectStore(Path root) {
        this.root = root;
    }

    public boolean createBucket(String bucket) {
        return buckets.putIfAbsent(bucket, new ConcurrentSkipListMap<>()) == null;
    }

    public boolean bucketExists(String bucket) {
        return buckets.containsKey(bucket);
    }

    /** Removes the bucket and its objects (CloudFormation would refuse a non-empty one; a local run keeps nothing). */
    public void deleteBucket(String bucket) {
        Map<String, StoredObject> objects = buckets.remove(bucket);
        if (objects != null) {
            objects.values().forEach(object -> object.file().toFile().delete());
        }
    }

    public StoredObject put(String bucket, String key, byte[] content) {
        Map<String, StoredObject> objects = bucket(bucket);
        Path file = root.resolve(digest("SHA-256", (bucket + "/" + key).getBytes(StandardCharsets.UTF_8)));
        try {
            Files.createDirectories(root);
            Path partial = Files.createTempFile(root, "upload", ".part");
            Files.write(partial, content);
            Files.move(
                    partial,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StoredObject object = new StoredObject(
                key, file, content.length, "\"" + digest("MD5", content) + "\"", System.currentTimeMillis());
        objects.put(key, object);
        return object;
    }

    public Optional<StoredObject> get(String bucket, String key) {
        return Optional.ofNullable(bucket(bucket).get(key));
    }

    public void delete(String bucket, String key) {
        StoredObject removed = bucket(bucket).remove(key);
        if (removed != null) {
            removed.file().toFile().delete();
        }
    }

    /** The bucket's objects whose key starts with the prefix, in key order. */
    public List<StoredObject> list(String bucket, String prefix) {
        return new TreeMap<>(bucket(bucket))
                .tailMap(prefix == null ? "" : prefix).values().stream()
                        .filter(object -> prefix == null || object.key().startsWith(prefix))
                        .toList();
    }

    private Map<String, StoredObject> bucket(String bucket) {
        Map<String, StoredObject> objects = buckets.get(bucket);
        if (objects == null) {
            throw new NoSuchBucketException(bucket);
        }
        return objects;
    }

    static String digest(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bucket does not exist. */
    public static final class NoSuchBucketException extends RuntimeException {
        public NoSuchBucketException(String bucket) {
            super(bucket);
        }
    }
}
