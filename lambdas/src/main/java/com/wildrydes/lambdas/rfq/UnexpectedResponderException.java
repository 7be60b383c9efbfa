package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.InvalidRequestException;

/**
 * A quote from a responder the request does not expect: never counted. Like any response the
 * collector cannot use, it fails, so that it ends in the response dead-letter queue to be seen.
 */
public class UnexpectedResponderException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /** Shown names are cut here: a made-up name may be as long as the message allows. */
    private static final int SHOWN = 100;

    public UnexpectedResponderException(String responder, int expected) {
        super(
                "responder",
                "\"" + (responder.length() > SHOWN ? responder.substring(0, SHOWN) + "..." : responder)
                        + "\" is not one of the " + expected + " responders this request expects");
    }
}
