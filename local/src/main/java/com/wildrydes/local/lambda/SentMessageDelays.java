package com.wildrydes.local.lambda;

/**
 * What {@link DelayInterceptor}, in a function's SDK, asks for the local delay of a message
 * the function sends: the function's {@link com.wildrydes.local.LocalSettings#scaledSeconds(int)}.
 * Shared by every function's class loader, so it speaks JDK types only.
 */
public final class SentMessageDelays {

    private SentMessageDelays() {}

    /** That delay on the caller's function's local time scale; unchanged outside local functions. */
    public static int scaled(Class<?> caller, int seconds) {
        FunctionClassLoader loader = FunctionClassLoader.of(caller);
        return loader != null ? loader.sqsWait().applyAsInt(seconds) : seconds;
    }
}
