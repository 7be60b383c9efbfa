package com.wildrydes.constructs.internal;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.IVersion;

/** Reads a consumer's timeout through the alias or version it is reached by. */
public final class ConsumerTimeout {

    /** Lambda's timeout when a function sets none. */
    public static final Duration LAMBDA_DEFAULT = Duration.seconds(3);

    private ConsumerTimeout() {}

    /** The function's timeout, or null when it cannot be read (an imported function). */
    public static Duration of(IFunction consumer) {
        IFunction target = FunctionTargets.invoked(consumer);
        if (target instanceof Alias alias) {
            target = alias.getVersion().getLambda();
        } else if (target instanceof IVersion version) {
            target = version.getLambda();
        }
        if (target instanceof Function function) {
            return function.getTimeout() != null ? function.getTimeout() : LAMBDA_DEFAULT;
        }
        return null;
    }
}
