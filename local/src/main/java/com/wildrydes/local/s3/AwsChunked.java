package com.wildrydes.local.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the {@code aws-chunked} content encoding the AWS SDKs use for uploads with a trailing
 * checksum ({@code <hex size>[;chunk-signature=...]\r\n<bytes>\r\n ... 0\r\n<trailers>\r\n\r\n}).
 */
final class AwsChunked {

    private AwsChunked() {}

    static byte[] decode(byte[] encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length);
        int at = 0;
        while (at < encoded.length) {
            int lineEnd = indexOfCrlf(encoded, at);
            if (lineEnd < 0) {
                throw new IllegalArgumentException("aws-chunked body: a chunk header without its line end at " + at);
            }
            String header = new String(encoded, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0].trim(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            if (at + size > encoded.length) {
                throw new IllegalArgumentException("aws-chunked body: a chunk of " + size + " bytes is cut short");
            }
            out.write(encoded, at, size);
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
