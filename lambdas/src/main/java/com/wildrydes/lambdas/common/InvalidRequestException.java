package com.wildrydes.lambdas.common;

/**
 * A request that cannot be processed as sent. Names the offending field so that an API can answer
 * 400 with it, and so that a state machine can catch it by this class name.
 */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The field that was wrong, or {@code body} when the whole request was. */
    public String getField() {
        return field;
    }

    /** What was wrong with it, without the field name. */
    public String getProblem() {
        return getMessage().substring(field.length() + 2);
    }
}
