package com.wildrydes.local.s3;

import static com.wildrydes.local.endpoint.Xml.element;

import com.wildrydes.local.endpoint.AwsRequest;
import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.endpoint.AwsService;
import com.wildrydes.local.endpoint.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * S3 as the CDK CLI's asset publishing uses the staging bucket (REST with XML, path-style
 * addressing as the SDKs use for an IP endpoint, virtual-hosted too): HeadBucket,
 * GetBucketLocation, GetBucketEncryption, ListObjectsV2, PutObject, HeadObject, GetObject,
 * DeleteObject and multipart uploads for large jars. Errors carry S3's codes (NoSuchBucket,
 * NoSuchKey) and statuses.
 */
public final class S3Service implements AwsService {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final ObjectStore store;
    private final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();

    public S3Service(ObjectStore store) {
        this.store = store;
    }

    @Override
    public String signingName() {
        return "s3";
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public AwsResponse handle(AwsRequest request) throws IOException {
        String[] bucketAndKey = bucketAndKey(request);
        String bucket = bucketAndKey[0];
        String key = bucketAndKey[1];
        if (bucket.isEmpty()) {
            return error(400, "InvalidRequest", "Local S3 serves bucket and object operations only (no ListBuckets)");
        }
        try {
            return key.isEmpty() ? bucketOperation(request, bucket) : objectOperation(request, bucket, key);
        } catch (ObjectStore.NoSuchBucketException e) {
            return error(404, "NoSuchBucket", "The specified bucket does not exist")
                    .withHeader("x-amz-bucket", bucket);
        }
    }

    private AwsResponse bucketOperation(AwsRequest request, String bucket) {
        Map<String, String> query = request.query();
        switch (request.method()) {
            case "HEAD":
                if (!store.bucketExists(bucket)) {
                    return AwsResponse.empty(404, Map.of());
                }
                return AwsResponse.empty(200, Map.of("x-amz-bucket-region", "us-east-1"));
            case "PUT":
                if (!store.createBucket(bucket)) {
                    return error(
                            409,
                            "BucketAlreadyOwnedByYou",
                            "Your previous request to create the named bucket succeeded and you already own it.");
                }
                return AwsResponse.empty(200, Map.of("Location", "/" + bucket));
            case "DELETE":
                store.deleteBucket(bucket);
                return AwsResponse.empty(204, Map.of());
            case "GET":
                if (!store.bucketExists(bucket)) {
                    throw new ObjectStore.NoSuchBucketException(bucket);
                }
                if (query.containsKey("location")) {
                    return xml("<LocationConstraint xmlns=\"" + NAMESPACE + "\"/>");
                }
                if (query.containsKey("encryption")) {
                    return xml("<ServerSideEncryptionConfiguration xmlns=\"" + NAMESPACE + "\"><Rule>"
                            + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                            + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule>"
                            + "</ServerSideEncryptionConfiguration>");
                }
                if (query.size() <= 1 || "2".equals(query.get("list-type"))) {
                    return list(bucket, query);
                }
                return error(
                        501,
                        "NotImplemented",
                        "Local S3 does not serve the bucket request ?" + query.keySet()
                                + "; it serves HeadBucket, GetBucketLocation, GetBucketEncryption and ListObjectsV2");
            default:
                return error(405, "MethodNotAllowed", request.method() + " on a bucket is not served locally");
        }
    }

    private AwsResponse list(String bucket, Map<String, String> query) {
        int max = Integer.parseInt(query.getOrDefault("max-keys", "1000"));
        var objects = store.list(bucket, query.get("prefix"));
        StringBuilder xml = new StringBuilder("<ListBucketResult xmlns=\"" + NAMESPACE + "\">")
                .append(element("Name", bucket))
                .append(element("Prefix", query.getOrDefault("prefix", "")))
                .append(element("KeyCount", Math.min(max, objects.size())))
                .append(element("MaxKeys", max))
                .append(element("IsTruncated", objects.size() > max));
        objects.stream()
                .limit(max)
                .forEach(object -> xml.append("<Contents>")
                        .append(element("Key", object.key()))
                        .append(element("LastModified", Instant.ofEpochMilli(object.lastModified())))
                        .append(element("ETag", object.etag()))
                        .append(element("Size", object.size()))
                        .append(element("StorageClass", "STANDARD"))
                        .append("</Contents>"));
        return xml(xml.append("</ListBucketResult>").toString());
    }

    private AwsResponse objectOperation(AwsRequest request, String bucket, String key) throws IOException {
        Map<String, String> query = request.query();
        switch (request.method()) {
            case "PUT": {
                byte[] content = content(request);
                if (query.containsKey("uploadId")) {
                    Map<Integer, byte[]> parts = uploads.get(query.get("uploadId"));
                    if (parts == null) {
                        return error(404, "NoSuchUpload", "The specified upload does not exist.");
                    }
                    parts.put(Integer.parseInt(query.get("partNumber")), content);
                    return AwsResponse.empty(200, Map.of("ETag", "\"" + ObjectStore.digest("MD5", content) + "\""));
                }
                var object = store.put(bucket, key, content);
                return AwsResponse.empty(200, Map.of("ETag", object.etag()));
            }
            case "POST":
                if (query.containsKey("uploads")) {
                    if (!store.bucketExists(bucket)) {
                        throw new ObjectStore.NoSuchBucketException(bucket);
                    }
                    String uploadId = UUID.randomUUID().toString();
                    uploads.put(uploadId, new ConcurrentSkipListMap<>());
                    return xml("<InitiateMultipartUploadResult xmlns=\"" + NAMESPACE + "\">" + element("Bucket", bucket)
                            + element("Key", key) + element("UploadId", uploadId) + "</InitiateMultipartUploadResult>");
                }
                if (query.containsKey("uploadId")) {
                    Map<Integer, byte[]> parts = uploads.remove(query.get("uploadId"));
                    if (parts == null) {
                        return error(404, "NoSuchUpload", "The specified upload does not exist.");
                    }
                    ByteArrayOutputStream whole = new ByteArrayOutputStream();
                    for (byte[] part : parts.values()) {
                        whole.write(part);
                    }
                    var object = store.put(bucket, key, whole.toByteArray());
                    return xml("<CompleteMultipartUploadResult xmlns=\"" + NAMESPACE + "\">" + element("Bucket", bucket)
                            + element("Key", key) + element("ETag", object.etag())
                            + "</CompleteMultipartUploadResult>");
                }
                return error(501, "NotImplemented", "POST on an object is served for multipart uploads only");
            case "DELETE":
                if (query.containsKey("uploadId")) {
                    uploads.remove(query.get("uploadId"));
                } else {
                    store.delete(bucket, key);
                }
                return AwsResponse.empty(204, Map.of());
            case "HEAD":
            case "GET": {
                var found = store.get(bucket, key);
                if (found.isEmpty()) {
                    return "HEAD".equals(request.method())
                            ? AwsResponse.empty(404, Map.of())
                            : error(404, "NoSuchKey", "The specified key does not exist.");
                }
                var object = found.get();
                Map<String, String> headers = Map.of(
                        "ETag", object.etag(),
                        "Content-Type", "application/octet-stream",
                        "Last-Modified",
                                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        java.time.ZonedDateTime.ofInstant(
                                                Instant.ofEpochMilli(object.lastModified()), java.time.ZoneOffset.UTC)),
                        "Content-Length", Long.toString(object.size()));
                return new AwsResponse(
                        200,
                        headers,
                        "HEAD".equals(request.method()) ? new byte[0] : Files.readAllBytes(object.file()));
            }
            default:
                return error(405, "MethodNotAllowed", request.method() + " on an object is not served locally");
        }
    }

    /** The upload's bytes, decoded from aws-chunked when the SDK streamed them with a trailing checksum. */
    private static byte[] content(AwsRequest request) {
        String encoding = java.util.Objects.toString(request.header("content-encoding"), "");
        String sha = java.util.Objects.toString(request.header("x-amz-content-sha256"), "");
        if (encoding.contains("aws-chunked") || sha.startsWith("STREAMING-")) {
            return AwsChunked.decode(request.body());
        }
        return request.body();
    }

    /** Path-style {@code /bucket/key}, or virtual-hosted {@code bucket.s3.<...>} / {@code bucket.localhost}. */
    private static String[] bucketAndKey(AwsRequest request) {
        String host = java.util.Objects.toString(request.header("host"), "").replaceFirst(":\\d+$", "");
        String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
        int hostBucketEnd = host.indexOf(".s3.");
        if (hostBucketEnd < 0 && host.endsWith(".localhost")) {
            hostBucketEnd = host.length() - ".localhost".length();
        }
        if (hostBucketEnd > 0) {
            return new String[] {host.substring(0, hostBucketEnd), decode(path)};
        }
        int slash = path.indexOf('/');
        return slash < 0
                ? new String[] {decode(path), ""}
                : new String[] {decode(path.substring(0, slash)), decode(path.substring(slash + 1))};
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static AwsResponse xml(String body) {
        return AwsResponse.of(200, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
    }

    private static AwsResponse error(int status, String code, String message) {
        return AwsResponse.of(
                status,
                "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>" + element("Code", code)
                        + element("Message", message) + element("RequestId", UUID.randomUUID()) + "</Error>");
    }
}
