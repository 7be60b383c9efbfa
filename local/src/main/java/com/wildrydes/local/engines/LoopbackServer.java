package com.wildrydes.local.engines;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Local mode's own HTTP endpoints listen on 127.0.0.1 only, on a free port, never on every interface. */
public final class LoopbackServer {

    private LoopbackServer() {}

    /** A new, not yet started server on 127.0.0.1 and a free port. */
    public static HttpServer create() {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
