package com.wildrydes.learn.check;

import java.util.LinkedHashSet;
import java.util.Set;

/** An exception as a learner reads it: the messages of it and its causes, without the stack trace. */
final class Messages {

    private Messages() {}

    static String of(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank()) {
                // jsii appends the JavaScript stack to a construct's error: keep the sentence only.
                int stack = message.indexOf("\n    at ");
                messages.add((stack < 0 ? message : message.substring(0, stack)).strip());
            } else {
                messages.add(cause.getClass().getSimpleName());
            }
        }
        return String.join(": ", messages);
    }
}
