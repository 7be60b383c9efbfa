package com.wildrydes.lambdas.common;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where priming requests go: an HTTP endpoint on the loopback interface, inside the function, open
 * only while priming runs, that answers each request with an empty success in the request's
 * protocol, so that the SDK runs its whole path (the real HTTP client, the response's
 * unmarshalling and checks) and nothing leaves the function. JSON protocols (DynamoDB, SQS) get
 * {@code {}} (with the message body's MD5 for an SQS send, which the client checks); the query
 * protocol (SNS) gets {@code <ActionResponse><ActionResult/>...}.
 */
final class PrimingEndpoint implements AutoCloseable {

    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");
    private static final Pattern MESSAGE_BODY = Pattern.compile("\"MessageBody\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final ServerSocket server;
    private final Thread acceptor;
    /** Closed with the endpoint: no socket of priming's is left open in the snapshot. */
    private final java.util.Set<Socket> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private PrimingEndpoint(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::serve, "priming-endpoint");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    static PrimingEndpoint open() {
        try {
            return new PrimingEndpoint(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Whether a request is addressed to this endpoint (and to nothing outside the function). */
    boolean isFor(URI request) {
        return "127.0.0.1".equals(request.getHost()) && request.getPort() == server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                // One thread per connection: a client may open another while one it keeps alive idles.
                Thread connection = new Thread(() -> converse(socket), "priming-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                // closed after priming
            }
        }
    }

    private static void converse(Socket socket) {
        try (socket) {
            socket.setSoTimeout(5_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (answer(in, out)) {
                // keep-alive: the next request on the same connection
            }
        } catch (IOException droppedOrIdle) {
            // the client closed the connection, or kept it idle past priming: nothing to answer
        }
    }

    /** Reads one request and answers it; false at the end of the connection. */
    private static boolean answer(InputStream in, OutputStream out) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return false;
        }
        Map<String, String> headers = new java.util.HashMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        String body = new String(
                in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))), StandardCharsets.UTF_8);
        String contentType = headers.getOrDefault("content-type", "");
        String type;
        String reply;
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            Matcher action = ACTION.matcher(URLDecoder.decode(body, StandardCharsets.UTF_8));
            String name = action.find() ? action.group(1) : "Unknown";
            type = "text/xml";
            reply = "<" + name + "Response><" + name + "Result/><ResponseMetadata><RequestId>priming</RequestId>"
                    + "</ResponseMetadata></" + name + "Response>";
        } else {
            type = contentType.isEmpty() ? "application/json" : contentType;
            Matcher message = MESSAGE_BODY.matcher(body);
            reply = message.find() ? "{\"MD5OfMessageBody\":\"" + md5(unescape(message.group(1))) + "\"}" : "{}";
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nx-amzn-RequestId: priming\r\nContent-Length: "
                        + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return true;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    /** The JSON string's value; the priming messages hold no escapes beyond quotes and backslashes. */
    private static String unescape(String json) {
        return json.replaceAll("\\\\(.)", "$1");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket connection : connections) {
                connection.close();
            }
        } catch (IOException ignored) {
            // closing sockets: nothing to lose
        }
    }
}
