package com.wildrydes.local.console;

/** What the console answers 400 (or 404 for {@link #notFound}) to, with a message naming what was wrong. */
final class BadRequestException extends RuntimeException {

    private final int status;

    BadRequestException(String message) {
        this(400, message);
    }

    private BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    static BadRequestException notFound(String message) {
        return new BadRequestException(404, message);
    }

    int status() {
        return status;
    }
}
