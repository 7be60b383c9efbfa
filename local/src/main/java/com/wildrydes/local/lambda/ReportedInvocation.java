package com.wildrydes.local.lambda;

import com.wildrydes.local.console.LabEvent;
import com.wildrydes.local.console.LabEventListener;
import java.util.function.Function;

/** An invocation told to whoever watches the lab (the local console): its start, then its success or failure. */
final class ReportedInvocation {

    private ReportedInvocation() {}

    static LocalFunction.Invocation invoke(
            LabEventListener events,
            String function,
            String eventJson,
            Function<String, LocalFunction.Invocation> invocation) {
        if (!events.listening()) {
            return invocation.apply(eventJson);
        }
        events.onEvent(LabEvent.of(LabEvent.Kind.INVOCATION_STARTED, function, null, eventJson));
        LocalFunction.Invocation answer = invocation.apply(eventJson);
        events.onEvent(
                answer.failed()
                        ? LabEvent.of(
                                LabEvent.Kind.INVOCATION_FAILED,
                                function,
                                answer.errorType() + ": " + answer.errorMessage(),
                                answer.errorJson())
                        : LabEvent.of(LabEvent.Kind.INVOCATION_SUCCEEDED, function, null, answer.payload()));
        return answer;
    }
}
